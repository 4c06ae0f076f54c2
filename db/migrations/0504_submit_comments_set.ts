import { sql, type Kysely } from 'kysely';

// Intake, set-based. submit_public_comment (0402, 0503) ran once per comment
// of a batch: a PL/pgSQL call, a lookup planned on each call, an upsert per
// rate key, a job insert per comment. In a flood (npm run bench -- comments)
// that cost PostgreSQL 0.275 ms of CPU per comment, against 0.18 ms for a raw
// single-row INSERT with its own commit. This function takes the whole batch
// in two statements: one lookup of repeats (planned on each call), then one
// statement (its plan kept) that counts every rate key of the batch in
// arrival order with one upsert per key, inserts the comments and their jobs.
// Measured: 0.16 ms per comment.
//
// Rate-limit counts become UNLOGGED: counts lost with a crash of PostgreSQL
// cost nothing anyone was promised, and logging them doubled what each
// comment wrote to the WAL.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE rate_limits SET UNLOGGED`.execute(db);
  await sql`DROP FUNCTION submit_public_comment(bigint, text, text, text, integer, text, boolean, text, text, text, text, text, text, integer, text, text, timestamptz, text[], integer[], integer, jsonb)`.execute(
    db,
  );
  await sql`
    CREATE FUNCTION submit_public_comments(p_rows jsonb, p_window_seconds integer)
    RETURNS TABLE (o_n integer, o_outcome text, o_comment_id bigint, o_receipt text, o_status text, o_retry_after integer)
    LANGUAGE plpgsql AS $fn$
    DECLARE
      v_prior jsonb;
    BEGIN
      -- A receipt means "on disk", whatever the server's default (local: until this transaction commits).
      PERFORM set_config('synchronous_commit', 'on', true);
      -- Repeats, looked up key by key through the unique index and planned on each call (as in 0503):
      -- a plan kept from when the table was small lets the (period_id, status) index tie with the unique
      -- one, and then every comment of the period is read for each key (measured: 25,600 rows per key
      -- after 1,600 batches, 40 ms a batch). Everything else below reads no table but through its
      -- conflict index, so its plan is kept: planning it on each call cost more than running it.
      EXECUTE $q$
        SELECT coalesce(jsonb_object_agg(x.n, jsonb_build_object('r', c.receipt, 's', c.status)), '{}')
        FROM jsonb_to_recordset($1) AS x(n integer, p bigint, k text)
        CROSS JOIN LATERAL (SELECT c.receipt, c.status FROM public_comments c WHERE c.period_id = x.p AND c.idempotency_key = x.k LIMIT 1) c
      $q$ INTO v_prior USING p_rows;
      RETURN QUERY
        WITH input AS (
          SELECT * FROM jsonb_to_recordset(p_rows) AS x(n integer, p bigint, r text, k text, a text, v integer, nm text, an boolean, org text, cat text,
            e text, vh text, l text, b text, s integer, st text, ip text, now timestamptz, rk text[], rl integer[], j jsonb)
        ),
        -- A repeat is answered with the first receipt and counts against no limit.
        prior AS (SELECT p.key::integer AS n, p.value->>'r' AS receipt, p.value->>'s' AS status FROM jsonb_each(v_prior) AS p),
        -- Every rate key of every new submission, numbered in arrival order within its key.
        hits AS (
          SELECT i.n, u.key, u.lim, i.now,
            row_number() OVER (PARTITION BY u.key ORDER BY i.n) AS nth,
            count(*) OVER (PARTITION BY u.key) AS total
          FROM input i CROSS JOIN LATERAL unnest(i.rk, i.rl) AS u(key, lim)
          WHERE NOT EXISTS (SELECT 1 FROM prior WHERE prior.n = i.n)
        ),
        counted AS (
          INSERT INTO rate_limits AS r (key, window_start, count)
          SELECT key, max(now), count(*) FROM hits GROUP BY key
          ON CONFLICT (key) DO UPDATE SET
            count = CASE WHEN r.window_start <= excluded.window_start - make_interval(secs => p_window_seconds) THEN excluded.count ELSE r.count + excluded.count END,
            window_start = CASE WHEN r.window_start <= excluded.window_start - make_interval(secs => p_window_seconds) THEN excluded.window_start ELSE r.window_start END
          RETURNING r.key, r.count, r.window_start
        ),
        -- A submission's count for a key is what the key had before the batch plus its place in the batch.
        verdict AS (
          SELECT h.n, bool_and(c.count - h.total + h.nth <= h.lim) AS allowed,
            max(ceil(extract(epoch FROM (c.window_start + make_interval(secs => p_window_seconds) - h.now)))::integer)
              FILTER (WHERE c.count - h.total + h.nth > h.lim) AS retry
          FROM hits h JOIN counted c ON c.key = h.key
          GROUP BY h.n
        ),
        inserted AS (
          INSERT INTO public_comments AS c (period_id, receipt, idempotency_key, anchor, version_number, name, anonymous, organization, category_key,
            email, verify_token_hash, lang, body, signatories, status, ip_hash, created_at)
          SELECT i.p, i.r, i.k, i.a, i.v, i.nm, i.an, i.org, i.cat, i.e, i.vh, i.l, i.b, i.s, i.st, i.ip, i.now
          FROM input i LEFT JOIN verdict v ON v.n = i.n
          WHERE NOT EXISTS (SELECT 1 FROM prior WHERE prior.n = i.n) AND coalesce(v.allowed, true)
          ORDER BY i.n
          -- The same key twice in one batch, or raced in by another node: the first one stays.
          ON CONFLICT (period_id, idempotency_key) DO NOTHING
          RETURNING c.id, c.receipt
        ),
        queued AS (
          INSERT INTO jobs (name, singleton_key, payload, run_at)
          SELECT job->>'name', job->>'singletonKey',
            CASE WHEN (job->>'withCommentId')::boolean THEN (job->'payload') || jsonb_build_object('commentId', ins.id) ELSE job->'payload' END,
            (job->>'runAt')::timestamptz
          FROM input i JOIN inserted ins ON ins.receipt = i.r CROSS JOIN LATERAL jsonb_array_elements(i.j) AS job
          ORDER BY i.n
          ON CONFLICT (name, singleton_key) WHERE state = 'waiting' AND singleton_key IS NOT NULL DO NOTHING
          RETURNING 1
        )
        SELECT i.n,
          CASE WHEN p.n IS NOT NULL THEN 'repeat' WHEN NOT coalesce(v.allowed, true) THEN 'limited' WHEN ins.id IS NOT NULL THEN 'inserted' ELSE 'duplicate' END,
          ins.id, p.receipt, p.status,
          CASE WHEN coalesce(v.allowed, true) THEN 0 ELSE greatest(1, coalesce(v.retry, 1)) END
        FROM input i LEFT JOIN prior p ON p.n = i.n LEFT JOIN verdict v ON v.n = i.n LEFT JOIN inserted ins ON ins.receipt = i.r
        ORDER BY i.n;
    END
    $fn$;
  `.execute(db);
}
