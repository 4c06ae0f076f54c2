import { sql, type Kysely } from 'kysely';

// The foundation: accounts, sessions, the audit log, processes, their rules and
// timeline, bodies, participants and their declarations.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE users (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      email text NOT NULL,
      name text NOT NULL,
      is_admin boolean NOT NULL DEFAULT false,
      locale text NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'fr')),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX users_email_key ON users (lower(email));

    CREATE TABLE sessions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      token_hash text NOT NULL UNIQUE,
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      user_agent text
    );
    CREATE INDEX sessions_user_idx ON sessions (user_id);

    CREATE TABLE sign_in_tokens (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      token_hash text NOT NULL UNIQUE,
      email text NOT NULL,
      next_path text,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      used_at timestamptz
    );

    CREATE TABLE rate_limits (
      key text PRIMARY KEY,
      window_start timestamptz NOT NULL,
      count integer NOT NULL
    );

    CREATE TABLE processes (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      slug text NOT NULL UNIQUE,
      title jsonb NOT NULL,
      summary jsonb NOT NULL DEFAULT '{}',
      scope jsonb NOT NULL DEFAULT '{}',
      convener_name jsonb NOT NULL DEFAULT '{}',
      official_languages text[] NOT NULL DEFAULT '{en,fr}',
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
      stakeholder_categories jsonb NOT NULL,
      body_types jsonb NOT NULL,
      consensus_settings jsonb NOT NULL,
      time_zone text NOT NULL DEFAULT 'America/Toronto',
      created_by bigint REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz
    );

    CREATE TABLE process_roles (
      process_id bigint NOT NULL REFERENCES processes (id) ON DELETE CASCADE,
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      role text NOT NULL CHECK (role IN ('convener')),
      granted_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (process_id, user_id, role)
    );

    CREATE TABLE rules_versions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      process_id bigint NOT NULL REFERENCES processes (id) ON DELETE CASCADE,
      version integer NOT NULL,
      rules jsonb NOT NULL,
      consensus_criteria jsonb NOT NULL,
      note jsonb NOT NULL DEFAULT '{}',
      adopted_on date,
      created_by bigint REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (process_id, version)
    );

    CREATE TABLE phases (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      process_id bigint NOT NULL REFERENCES processes (id) ON DELETE CASCADE,
      position integer NOT NULL,
      kind text NOT NULL DEFAULT 'phase' CHECK (kind IN ('phase', 'milestone')),
      name jsonb NOT NULL,
      planned_start date NOT NULL,
      planned_end date NOT NULL,
      buffer_days integer NOT NULL DEFAULT 0 CHECK (buffer_days >= 0),
      actual_end date,
      forecast_end date,
      CHECK (planned_end >= planned_start)
    );
    CREATE INDEX phases_process_idx ON phases (process_id, position);

    CREATE TABLE bodies (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      process_id bigint NOT NULL REFERENCES processes (id) ON DELETE CASCADE,
      slug text NOT NULL,
      type_key text NOT NULL,
      name jsonb NOT NULL,
      charter jsonb NOT NULL DEFAULT '{}',
      membership_policy text NOT NULL CHECK (membership_policy IN ('open', 'self-select', 'appointed')),
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
      position integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (process_id, slug)
    );

    CREATE TABLE participants (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      process_id bigint NOT NULL REFERENCES processes (id) ON DELETE CASCADE,
      user_id bigint NOT NULL REFERENCES users (id),
      display_name text NOT NULL,
      category_key text NOT NULL,
      category_other text,
      affiliation text,
      representation text NOT NULL CHECK (representation IN ('self', 'organization')),
      organization text,
      joined_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (process_id, user_id)
    );
    CREATE INDEX participants_process_idx ON participants (process_id, category_key);

    -- Self-identification changes over time; every earlier state stays public.
    CREATE TABLE participant_profile_history (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      participant_id bigint NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
      display_name text NOT NULL,
      category_key text NOT NULL,
      category_other text,
      affiliation text,
      representation text NOT NULL,
      organization text,
      recorded_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX participant_profile_history_idx ON participant_profile_history (participant_id, id);

    CREATE TABLE coi_declarations (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      participant_id bigint NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
      version integer NOT NULL,
      has_interests boolean NOT NULL,
      text text,
      declared_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (participant_id, version),
      CHECK (has_interests = (text IS NOT NULL))
    );

    CREATE TABLE rules_acceptances (
      participant_id bigint NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
      rules_version_id bigint NOT NULL REFERENCES rules_versions (id),
      accepted_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (participant_id, rules_version_id)
    );

    CREATE TABLE memberships (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      body_id bigint NOT NULL REFERENCES bodies (id) ON DELETE CASCADE,
      participant_id bigint NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
      role text NOT NULL CHECK (role IN ('facilitator', 'member', 'observer')),
      joined_at timestamptz NOT NULL DEFAULT now(),
      left_at timestamptz,
      added_by bigint REFERENCES users (id)
    );
    CREATE UNIQUE INDEX memberships_active_key ON memberships (body_id, participant_id) WHERE left_at IS NULL;
    CREATE INDEX memberships_participant_idx ON memberships (participant_id);

    CREATE TABLE audit_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      process_id bigint REFERENCES processes (id) ON DELETE CASCADE,
      actor_user_id bigint REFERENCES users (id),
      actor_name text,
      action text NOT NULL,
      subject_type text NOT NULL,
      subject_id text NOT NULL,
      data jsonb NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX audit_events_process_idx ON audit_events (process_id, id DESC);
  `.execute(db);
}
