import { sql, type Kysely } from 'kysely';

// Meetings and the live room: the ordered log of live events (any capability
// may write to a stream), meetings and their series, agendas, registration,
// attendance, minutes, recordings, and the speaker queue with its log.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- One ordered log per live stream (e.g. 'meeting:42'). Readers resume from an
    -- id (SSE Last-Event-ID); writers append under a per-stream lock, so within a
    -- stream ids grow in commit order. data is JSON text, sent as is.
    CREATE TABLE live_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      stream text NOT NULL,
      kind text NOT NULL,
      data text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX live_events_stream_idx ON live_events (stream, id);

    CREATE TABLE meeting_series (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      process_id bigint NOT NULL REFERENCES processes (id) ON DELETE CASCADE,
      body_id bigint NOT NULL REFERENCES bodies (id) ON DELETE CASCADE,
      interval_weeks integer NOT NULL CHECK (interval_weeks BETWEEN 1 AND 8),
      count integer NOT NULL CHECK (count BETWEEN 2 AND 104),
      first_date date NOT NULL,
      start_time text NOT NULL,
      end_time text NOT NULL,
      time_zone text NOT NULL,
      format text NOT NULL,
      title jsonb NOT NULL,
      description jsonb NOT NULL DEFAULT '{}',
      place jsonb NOT NULL DEFAULT '{}',
      online_url text,
      livestream_url text,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE meetings (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      process_id bigint NOT NULL REFERENCES processes (id) ON DELETE CASCADE,
      body_id bigint NOT NULL REFERENCES bodies (id) ON DELETE CASCADE,
      series_id bigint REFERENCES meeting_series (id) ON DELETE CASCADE,
      -- For an occurrence of a series: the start the series rule gives it (iCalendar RECURRENCE-ID).
      original_start timestamptz,
      modified boolean NOT NULL DEFAULT false,
      format text NOT NULL CHECK (format IN ('in-person-half-day', 'in-person-full-day', 'workshop', 'virtual-roundtable', 'webinar', 'hybrid')),
      title jsonb NOT NULL,
      description jsonb NOT NULL DEFAULT '{}',
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      time_zone text NOT NULL,
      place jsonb NOT NULL DEFAULT '{}',
      online_url text,
      livestream_url text,
      capacity integer CHECK (capacity > 0),
      status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'in-progress', 'ended', 'cancelled')),
      current_item_id bigint,
      started_at timestamptz,
      ended_at timestamptz,
      sequence integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (ends_at > starts_at),
      CHECK ((series_id IS NULL) = (original_start IS NULL))
    );
    CREATE INDEX meetings_process_idx ON meetings (process_id, starts_at);
    CREATE INDEX meetings_body_idx ON meetings (body_id, starts_at);
    CREATE UNIQUE INDEX meetings_occurrence_key ON meetings (series_id, original_start);

    CREATE TABLE agenda_items (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      meeting_id bigint NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
      position integer NOT NULL,
      title jsonb NOT NULL,
      duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 0 AND 720),
      presenter text,
      links jsonb NOT NULL DEFAULT '[]',
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX agenda_items_meeting_idx ON agenda_items (meeting_id, position);
    ALTER TABLE meetings ADD CONSTRAINT meetings_current_item_fk FOREIGN KEY (current_item_id) REFERENCES agenda_items (id) ON DELETE SET NULL;

    CREATE TABLE meeting_registrations (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      meeting_id bigint NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
      participant_id bigint NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
      mode text NOT NULL CHECK (mode IN ('in-person', 'online')),
      registered_at timestamptz NOT NULL DEFAULT now(),
      cancelled_at timestamptz
    );
    CREATE UNIQUE INDEX meeting_registrations_active_key ON meeting_registrations (meeting_id, participant_id) WHERE cancelled_at IS NULL;

    CREATE TABLE meeting_attendance (
      meeting_id bigint NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
      participant_id bigint NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
      mode text NOT NULL CHECK (mode IN ('in-room', 'online')),
      recorded_at timestamptz NOT NULL DEFAULT now(),
      recorded_by bigint REFERENCES users (id),
      PRIMARY KEY (meeting_id, participant_id)
    );

    CREATE TABLE meeting_minutes (
      meeting_id bigint PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
      source jsonb NOT NULL DEFAULT '{}',
      html jsonb NOT NULL DEFAULT '{}',
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved')),
      updated_at timestamptz NOT NULL DEFAULT now(),
      approved_at timestamptz
    );

    CREATE TABLE meeting_recordings (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      meeting_id bigint NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
      url text NOT NULL,
      language text NOT NULL CHECK (language IN ('en', 'fr', 'floor')),
      added_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX meeting_recordings_meeting_idx ON meeting_recordings (meeting_id, id);

    -- The speaker queue of a meeting: one row, locked by every change.
    CREATE TABLE speaking_queues (
      meeting_id bigint PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
      open boolean NOT NULL DEFAULT false,
      policy text NOT NULL DEFAULT 'fifo' CHECK (policy IN ('fifo', 'first-time', 'balanced')),
      next_seq integer NOT NULL DEFAULT 1,
      floor_entry_id bigint,
      floor_since timestamptz,
      floor_item_id bigint REFERENCES agenda_items (id) ON DELETE SET NULL,
      time_limit_seconds integer CHECK (time_limit_seconds BETWEEN 15 AND 3600),
      version integer NOT NULL DEFAULT 0
    );

    CREATE TABLE queue_entries (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      meeting_id bigint NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
      participant_id bigint NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
      -- Order of raised hands, given under the queue's lock: no server clock decides it.
      seq integer NOT NULL,
      source text NOT NULL CHECK (source IN ('online', 'in-room')),
      raised_at timestamptz NOT NULL,
      raised_by bigint REFERENCES users (id),
      status text NOT NULL CHECK (status IN ('waiting', 'speaking', 'spoke', 'lowered', 'removed', 'unheard')),
      moved_rank integer,
      moved_reason text,
      closed_at timestamptz,
      UNIQUE (meeting_id, seq)
    );
    CREATE UNIQUE INDEX queue_entries_active_key ON queue_entries (meeting_id, participant_id) WHERE status IN ('waiting', 'speaking');
    ALTER TABLE speaking_queues ADD CONSTRAINT speaking_queues_floor_fk FOREIGN KEY (floor_entry_id) REFERENCES queue_entries (id);

    -- The speaker log: who spoke, when, for how long, on which agenda item, in which category at the time.
    CREATE TABLE speeches (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      meeting_id bigint NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
      entry_id bigint NOT NULL REFERENCES queue_entries (id) ON DELETE CASCADE,
      participant_id bigint NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
      agenda_item_id bigint REFERENCES agenda_items (id) ON DELETE SET NULL,
      display_name text NOT NULL,
      category_key text NOT NULL,
      category_other text,
      source text NOT NULL,
      started_at timestamptz NOT NULL,
      ended_at timestamptz NOT NULL,
      seconds integer NOT NULL CHECK (seconds >= 0),
      time_limit_seconds integer
    );
    CREATE INDEX speeches_meeting_idx ON speeches (meeting_id, id);
  `.execute(db);
}
