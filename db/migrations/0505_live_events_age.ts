import { sql, type Kysely } from 'kysely';

// Live events only serve streams (a client resuming, a node catching up); the
// records they show live in their own tables. Housekeeping deletes those older
// than a week (main.ts): a BRIN index finds them by age without a second
// B-tree on every append (the table is written in time order).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX live_events_created_brin ON live_events USING brin (created_at)`.execute(db);
}
