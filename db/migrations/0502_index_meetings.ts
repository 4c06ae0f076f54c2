import { sql, type Kysely } from 'kysely';

// Meetings saved before they were searchable get their search entry here, as
// indexMeeting (src/capabilities/meetings/commands/index-meeting.ts) writes it:
// title; description, place, agenda (title — presenter), approved minutes; a
// cancelled meeting says so first. The next change to a meeting rewrites its entry.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    INSERT INTO search_entries (process_id, type, key, grp, body_id, path, title_en, title_fr, text_en, text_fr, digest)
    SELECT m.process_id, 'meeting', m.id::text, 'meeting:' || m.id, m.body_id, '/p/' || p.slug || '/meetings/' || m.id,
      left(coalesce(m.title ->> 'en', ''), 1000), left(coalesce(m.title ->> 'fr', ''), 1000),
      left(concat_ws(E'\n\n',
        CASE WHEN m.status = 'cancelled' THEN 'Cancelled' END,
        nullif(trim(m.description ->> 'en'), ''), nullif(trim(m.place ->> 'en'), ''),
        (SELECT string_agg(concat_ws(' — ', nullif(i.title ->> 'en', ''), i.presenter), E'\n\n' ORDER BY i.position) FROM agenda_items i WHERE i.meeting_id = m.id),
        (SELECT nullif(trim(n.source ->> 'en'), '') FROM meeting_minutes n WHERE n.meeting_id = m.id AND n.status = 'approved')), 100000),
      left(concat_ws(E'\n\n',
        CASE WHEN m.status = 'cancelled' THEN 'Annulée' END,
        nullif(trim(m.description ->> 'fr'), ''), nullif(trim(m.place ->> 'fr'), ''),
        (SELECT string_agg(concat_ws(' — ', nullif(i.title ->> 'fr', ''), i.presenter), E'\n\n' ORDER BY i.position) FROM agenda_items i WHERE i.meeting_id = m.id),
        (SELECT nullif(trim(n.source ->> 'fr'), '') FROM meeting_minutes n WHERE n.meeting_id = m.id AND n.status = 'approved')), 100000),
      'backfill'
    FROM meetings m JOIN processes p ON p.id = m.process_id
    ON CONFLICT (type, key) DO NOTHING;
  `.execute(db);
}
