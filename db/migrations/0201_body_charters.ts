import { sql, type Kysely } from 'kysely';

// Charters and scope as versioned records: the charter a body was created
// with, and every later change (for working groups, only through a consensus
// decision of the group, PROCESS.md § Lessons).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE body_charter_versions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      body_id bigint NOT NULL REFERENCES bodies (id) ON DELETE CASCADE,
      version integer NOT NULL,
      charter jsonb NOT NULL,
      source text NOT NULL CHECK (source IN ('created', 'edited', 'proposal')),
      proposal_id bigint,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (body_id, version)
    );
    INSERT INTO body_charter_versions (body_id, version, charter, source, recorded_at)
      SELECT id, 1, charter, 'created', created_at FROM bodies;
  `.execute(db);
}
