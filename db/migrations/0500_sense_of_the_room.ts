import { sql, type Kysely } from 'kysely';

// The sense of the room (issue 4): the facilitator of a meeting opens it on a
// proposal of the body; positions taken in the room while it is open carry its
// id, so the room's tally is the current positions with that id. The positions
// themselves stay one truth: the same rows the criteria are evaluated from.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE room_senses (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      meeting_id bigint NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
      proposal_id bigint NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
      agenda_item_id bigint REFERENCES agenda_items (id) ON DELETE SET NULL,
      opened_at timestamptz NOT NULL,
      opened_by_user_id bigint REFERENCES users (id),
      closed_at timestamptz
    );
    -- One sense of the room open at a time in a meeting.
    CREATE UNIQUE INDEX room_senses_open_key ON room_senses (meeting_id) WHERE closed_at IS NULL;
    CREATE INDEX room_senses_proposal_idx ON room_senses (proposal_id, id);

    ALTER TABLE positions ADD COLUMN sense_id bigint REFERENCES room_senses (id) ON DELETE SET NULL;
    CREATE INDEX positions_sense_idx ON positions (sense_id) WHERE sense_id IS NOT NULL AND superseded_at IS NULL;

  `.execute(db);
}
