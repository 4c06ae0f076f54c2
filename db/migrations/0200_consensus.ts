import { sql, type Kysely } from 'kysely';

// Consensus decisions: proposals of a body, positions (with their history),
// the dissent record, the chair's assessments, minority statements, new
// information that may reopen a decision, and every decision taken.
//
// Aggregates (proposal_tallies and the counters on proposals) are kept up to
// date in the same transaction as each position or objection, so the criteria
// are evaluated from a handful of rows however large the body is.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE proposals (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      process_id bigint NOT NULL REFERENCES processes (id) ON DELETE CASCADE,
      body_id bigint NOT NULL REFERENCES bodies (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('text', 'scope')),
      title jsonb NOT NULL,
      text jsonb NOT NULL DEFAULT '{}',
      text_html jsonb NOT NULL DEFAULT '{}',
      proposed_charter jsonb,
      charter_before jsonb,
      link jsonb,
      status text NOT NULL DEFAULT 'drafting' CHECK (status IN ('drafting', 'discussion', 'call', 'decided', 'closed')),
      round integer NOT NULL DEFAULT 1,
      author_user_id bigint REFERENCES users (id),
      author_participant_id bigint REFERENCES participants (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      discussion_opened_at timestamptz,
      call_opened_at timestamptz,
      call_where jsonb,
      call_ends_at timestamptz,
      decided_at timestamptz,
      last_argument_at timestamptz,
      open_objections integer NOT NULL DEFAULT 0,
      discussed_objections integer NOT NULL DEFAULT 0,
      standing_objections integer NOT NULL DEFAULT 0,
      withdrawn_objections integer NOT NULL DEFAULT 0,
      CHECK (kind <> 'scope' OR proposed_charter IS NOT NULL)
    );
    CREATE INDEX proposals_process_idx ON proposals (process_id, id DESC);
    CREATE INDEX proposals_body_idx ON proposals (body_id, id DESC);

    -- Every step of the life of a proposal: drafting → discussion → call → decided or closed, and reopenings.
    CREATE TABLE proposal_transitions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      proposal_id bigint NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
      from_status text,
      to_status text NOT NULL,
      round integer NOT NULL,
      at timestamptz NOT NULL,
      by_user_id bigint REFERENCES users (id),
      by_name text
    );
    CREATE INDEX proposal_transitions_idx ON proposal_transitions (proposal_id, id);

    CREATE TABLE objections (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      proposal_id bigint NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
      author_participant_id bigint NOT NULL REFERENCES participants (id),
      text jsonb NOT NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'discussed', 'standing', 'withdrawn')),
      round integer NOT NULL,
      raised_at timestamptz NOT NULL,
      -- Raised with a "cannot live with it" position, or on its own in discussion.
      from_position boolean NOT NULL DEFAULT false,
      raised_where jsonb,
      discussed_at timestamptz,
      discussed_where jsonb,
      resolution text CHECK (resolution IN ('accommodated', 'not-accommodated')),
      reasoning jsonb,
      discussed_by_user_id bigint REFERENCES users (id),
      closed_at timestamptz
    );
    CREATE INDEX objections_proposal_idx ON objections (proposal_id, id);

    -- One row per position ever taken; the current one has superseded_at NULL.
    CREATE TABLE positions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      proposal_id bigint NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
      participant_id bigint NOT NULL REFERENCES participants (id),
      round integer NOT NULL,
      stance text NOT NULL CHECK (stance IN ('agree', 'can-live', 'cannot')),
      reason jsonb,
      objection_id bigint REFERENCES objections (id),
      -- The category the person had chosen when taking the position: the record does not move.
      category_key text NOT NULL,
      category_other text,
      -- Where it was taken: a meeting (the sense of the room) or online. No foreign key yet.
      taken_where jsonb,
      in_room boolean NOT NULL DEFAULT false,
      taken_at timestamptz NOT NULL,
      superseded_at timestamptz,
      CHECK (stance <> 'cannot' OR reason IS NOT NULL)
    );
    CREATE UNIQUE INDEX positions_current_key ON positions (proposal_id, participant_id) WHERE superseded_at IS NULL;
    CREATE INDEX positions_history_idx ON positions (proposal_id, id);

    CREATE TABLE proposal_tallies (
      proposal_id bigint NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
      category_key text NOT NULL,
      agree integer NOT NULL DEFAULT 0 CHECK (agree >= 0),
      can_live integer NOT NULL DEFAULT 0 CHECK (can_live >= 0),
      cannot integer NOT NULL DEFAULT 0 CHECK (cannot >= 0),
      PRIMARY KEY (proposal_id, category_key)
    );

    CREATE TABLE assessments (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      proposal_id bigint NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
      round integer NOT NULL,
      level text NOT NULL CHECK (level IN ('full-consensus', 'consensus', 'strong-support', 'divergence')),
      direction text NOT NULL CHECK (direction IN ('for', 'against')),
      text jsonb NOT NULL,
      evaluation jsonb NOT NULL,
      revises_id bigint REFERENCES assessments (id),
      chair_user_id bigint REFERENCES users (id),
      chair_name text,
      assessed_at timestamptz NOT NULL
    );
    CREATE INDEX assessments_proposal_idx ON assessments (proposal_id, id);

    CREATE TABLE assessment_responses (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      assessment_id bigint NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
      participant_id bigint NOT NULL REFERENCES participants (id),
      text jsonb NOT NULL,
      responded_at timestamptz NOT NULL
    );
    CREATE INDEX assessment_responses_idx ON assessment_responses (assessment_id, id);

    CREATE TABLE minority_statements (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      proposal_id bigint NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
      round integer NOT NULL,
      author_participant_id bigint NOT NULL REFERENCES participants (id),
      text jsonb NOT NULL,
      attached_at timestamptz NOT NULL
    );
    CREATE INDEX minority_statements_idx ON minority_statements (proposal_id, id);

    CREATE TABLE minority_statement_signers (
      statement_id bigint NOT NULL REFERENCES minority_statements (id) ON DELETE CASCADE,
      participant_id bigint NOT NULL REFERENCES participants (id),
      signed_at timestamptz NOT NULL,
      PRIMARY KEY (statement_id, participant_id)
    );

    -- Rule 8: a decision reopens only when new information is filed and the chair accepts it.
    CREATE TABLE new_information (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      proposal_id bigint NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
      round integer NOT NULL,
      filed_by_participant_id bigint NOT NULL REFERENCES participants (id),
      what_is_new jsonb NOT NULL,
      why_it_matters jsonb NOT NULL,
      links jsonb NOT NULL DEFAULT '[]',
      status text NOT NULL DEFAULT 'filed' CHECK (status IN ('filed', 'accepted', 'declined')),
      filed_at timestamptz NOT NULL,
      answered_at timestamptz,
      answered_by_user_id bigint REFERENCES users (id),
      answer jsonb
    );
    CREATE INDEX new_information_idx ON new_information (proposal_id, id);

    -- Each decision taken (a proposal reopened and decided again has several), with the criteria as they stood.
    CREATE TABLE decisions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      proposal_id bigint NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
      round integer NOT NULL,
      outcome text NOT NULL CHECK (outcome IN ('decided', 'closed')),
      evaluation jsonb NOT NULL,
      assessment_id bigint REFERENCES assessments (id),
      decided_at timestamptz NOT NULL,
      decided_by_user_id bigint REFERENCES users (id),
      decided_by_name text,
      reopened_at timestamptz,
      reopened_by_information_id bigint REFERENCES new_information (id),
      UNIQUE (proposal_id, round)
    );
  `.execute(db);
}
