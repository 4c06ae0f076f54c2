import { sql, type Kysely } from 'kysely';

// What agenda items discuss (issue 3): the proposals and documents of the
// process their links point at, kept beside the links when an item is saved,
// so a proposal's page finds the meetings it was on without parsing every
// agenda. Items saved before this migration are read from their links here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE agenda_item_subjects (
      agenda_item_id bigint NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
      meeting_id bigint NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
      process_id bigint NOT NULL REFERENCES processes (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('proposal', 'document')),
      key text NOT NULL,
      anchor text NOT NULL DEFAULT '',
      PRIMARY KEY (agenda_item_id, kind, key, anchor)
    );
    CREATE INDEX agenda_item_subjects_subject_idx ON agenda_item_subjects (process_id, kind, key);

    INSERT INTO agenda_item_subjects (agenda_item_id, meeting_id, process_id, kind, key, anchor)
    SELECT DISTINCT i.id, m.id, m.process_id,
      CASE WHEN x.parts[2] = 'decisions' THEN 'proposal' ELSE 'document' END,
      x.parts[3],
      CASE WHEN x.parts[2] = 'documents' THEN coalesce(x.parts[4], x.parts[5], '') ELSE '' END
    FROM agenda_items i
    JOIN meetings m ON m.id = i.meeting_id
    JOIN processes p ON p.id = m.process_id
    CROSS JOIN LATERAL jsonb_array_elements(i.links) AS l(link)
    CROSS JOIN LATERAL (
      SELECT regexp_match(l.link ->> 'url', '^(?:https?://[^/]+)?/(?:[a-z]{2}/)?p/([a-z0-9-]{1,60})/(decisions|documents)/([a-z0-9-]{1,80})(?:/at/([A-Za-z0-9_-]{1,40}))?[^#]*(?:#([A-Za-z0-9_-]{1,40}))?$') AS parts
    ) x
    WHERE x.parts IS NOT NULL AND x.parts[1] = p.slug AND (x.parts[2] = 'documents' OR x.parts[3] ~ '^[0-9]{1,12}$');
  `.execute(db);
}
