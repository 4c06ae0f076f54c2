import { sql, type Kysely } from 'kysely';

// Public input periods: comments from anyone, durably stored first and
// processed afterwards (fingerprints, clusters, search) by jobs; moderation,
// reports of impersonation, dispositions and the "what we heard" report.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE comment_periods (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      process_id bigint NOT NULL REFERENCES processes (id) ON DELETE CASCADE,
      document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
      -- The version the public reads and comments on (frozen while in public input).
      version_number integer NOT NULL,
      -- As scheduled, in the time zone the convener chose (shown to the public in it).
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      time_zone text NOT NULL,
      -- When every official language went live; the clock starts at the later of this and starts_at.
      languages_live_at timestamptz,
      -- When the period really opened and closed (set by the clock job, or by the first request that notices).
      opened_at timestamptz,
      closed_at timestamptz,
      allow_anonymous boolean NOT NULL DEFAULT true,
      require_verified_email boolean NOT NULL DEFAULT true,
      -- 'pre': nothing is public until a moderator approves it; 'post': public once verified, may be hidden.
      moderation text NOT NULL DEFAULT 'post' CHECK (moderation IN ('pre', 'post')),
      -- The published moderation policy, per language.
      policy jsonb NOT NULL DEFAULT '{}',
      created_by bigint REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (ends_at > starts_at)
    );
    CREATE INDEX comment_periods_document_idx ON comment_periods (document_id);
    CREATE INDEX comment_periods_process_idx ON comment_periods (process_id);

    CREATE TABLE comment_clusters (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      period_id bigint NOT NULL REFERENCES comment_periods (id) ON DELETE CASCADE,
      -- The smallest member comment id: stable while members are added, so dispositions stay attached.
      key_comment_id bigint NOT NULL,
      size integer NOT NULL,
      signatories integer NOT NULL,
      template text NOT NULL,
      template_lang text NOT NULL CHECK (template_lang IN ('en', 'fr')),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (period_id, key_comment_id)
    );

    CREATE TABLE public_comments (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      period_id bigint NOT NULL REFERENCES comment_periods (id) ON DELETE CASCADE,
      -- The id on the submitter's receipt (random, not guessable).
      receipt text NOT NULL UNIQUE,
      -- A repeated submission with the same key returns the first receipt instead of a second comment.
      idempotency_key text,
      -- The passage commented on (a document anchor), or NULL for the whole document.
      anchor text,
      version_number integer NOT NULL,
      name text,
      anonymous boolean NOT NULL DEFAULT false,
      organization text,
      category_key text NOT NULL,
      email text,
      email_verified_at timestamptz,
      verify_token_hash text,
      lang text NOT NULL CHECK (lang IN ('en', 'fr')),
      body text NOT NULL,
      -- A campaign: one text, many signatories, each counted.
      signatories integer NOT NULL DEFAULT 1 CHECK (signatories >= 1),
      source text NOT NULL DEFAULT 'web' CHECK (source IN ('web', 'import')),
      status text NOT NULL DEFAULT 'unverified' CHECK (status IN ('unverified', 'pending', 'published', 'hidden')),
      moderation_reason text,
      moderated_by bigint REFERENCES users (id),
      moderated_at timestamptz,
      cluster_id bigint REFERENCES comment_clusters (id) ON DELETE SET NULL,
      -- MinHash signature, written by the processing job.
      signature bytea,
      processed_at timestamptz,
      ip_hash text,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (period_id, idempotency_key)
    );
    CREATE INDEX public_comments_period_idx ON public_comments (period_id, id);
    CREATE INDEX public_comments_unprocessed_idx ON public_comments (period_id, id) WHERE processed_at IS NULL;
    CREATE INDEX public_comments_cluster_idx ON public_comments (cluster_id);
    CREATE INDEX public_comments_moderation_idx ON public_comments (period_id, status);

    -- Named signatories of a campaign comment (optional; the count is public_comments.signatories).
    CREATE TABLE comment_signatories (
      comment_id bigint NOT NULL REFERENCES public_comments (id) ON DELETE CASCADE,
      position integer NOT NULL,
      name text NOT NULL,
      organization text,
      PRIMARY KEY (comment_id, position)
    );

    CREATE TABLE comment_attachments (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      comment_id bigint NOT NULL REFERENCES public_comments (id) ON DELETE CASCADE,
      filename text NOT NULL,
      size integer NOT NULL CHECK (size > 0 AND size <= 10485760),
      sha256 text NOT NULL,
      bytes bytea NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX comment_attachments_comment_idx ON comment_attachments (comment_id);

    -- "This comment was submitted in my name, but not by me."
    CREATE TABLE comment_reports (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      comment_id bigint NOT NULL REFERENCES public_comments (id) ON DELETE CASCADE,
      reporter_name text NOT NULL,
      reporter_email text NOT NULL,
      reason text NOT NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'upheld', 'dismissed')),
      note text,
      handled_by bigint REFERENCES users (id),
      handled_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX comment_reports_comment_idx ON comment_reports (comment_id);

    -- One current disposition per comment or per cluster (history is in the audit log).
    CREATE TABLE comment_dispositions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      period_id bigint NOT NULL REFERENCES comment_periods (id) ON DELETE CASCADE,
      comment_id bigint REFERENCES public_comments (id) ON DELETE CASCADE,
      cluster_key bigint,
      kind text NOT NULL CHECK (kind IN ('accepted', 'partly-accepted', 'not-accepted', 'out-of-scope')),
      reason jsonb NOT NULL DEFAULT '{}',
      -- Where it changed the text: a passage of a version of the document.
      changed_anchor text,
      changed_version integer,
      decided_by bigint REFERENCES users (id),
      decided_by_name text,
      decided_at timestamptz NOT NULL,
      CHECK ((comment_id IS NULL) <> (cluster_key IS NULL)),
      UNIQUE (period_id, comment_id),
      UNIQUE (period_id, cluster_key)
    );

    -- The published "what we heard" report: a frozen snapshot per publication.
    CREATE TABLE what_we_heard_reports (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      period_id bigint NOT NULL REFERENCES comment_periods (id) ON DELETE CASCADE,
      snapshot jsonb NOT NULL,
      published_by bigint REFERENCES users (id),
      published_at timestamptz NOT NULL
    );
    CREATE INDEX what_we_heard_period_idx ON what_we_heard_reports (period_id, id);
  `.execute(db);
}
