import { sql, type Kysely } from 'kysely';

// Intake, set-based. submit_public_comment (0402, 0503) ran once per comment
// of a batch: a PL/pgSQL call, a lookup planned on each call, an upsert per
// rate key, a job insert per comment. In a flood (npm run bench -- comments)
// that cost PostgreSQL 0.275 ms of CPU per comment, against 0.18 ms for a raw
// single-row INSERT with its own commit. This function takes the whole batch
// in one statement whose plan can be kept: a lookup of repeats through the
// unique index, one upsert per rate key counting every hit of the batch in
// arrival order, one insert of the comments, one of their jobs.
//
// Rate-limit counts become UNLOGGED: counts lost with a crash of PostgreSQL
// cost nothing anyone was promised, and logging them doubled what each
// comment wrote to the WAL.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE rate_limits SET UNLOGGED`.execute(db);
  await sql`DROP FUNCTION submit_public_comment(bigint, text, text, text, integer, text, boolean, text, text, text, text, text, text, integer, text, text, timestamptz, text[], integer[], integer, jsonb)`.execute(
    db,
  );
  // The key first: a lookup by key alone can only use this index (see prior below). Conflict targets
  // name columns, not their order, so ON CONFLICT (period_id, idempotency_key) still finds it.
  await sql`ALTER TABLE public_comments DROP CONSTRAINT public_comments_period_id_idempotency_key_key`.execute(db);
  await sql`ALTER TABLE public_comments ADD CONSTRAINT public_comments_idempotency_key UNIQUE (idempotency_key, period_id)`.execute(db);
  // The batch in one statement, written once; its wrapper depends on the server. Both keep its plan
  // between calls, which matters: planning it cost more than running it for a batch of eight.
  // PostgreSQL 18 keeps the plans of SQL functions, and there a SQL function cost 0.13 ms of CPU per
  // comment in the flood against 0.14 ms for PL/pgSQL; before 18 only PL/pgSQL keeps its plans
  // (measured on PostgreSQL 15: 0.21 ms per comment as SQL, 0.12 ms as PL/pgSQL).
  const statement = `
      WITH input AS (
        SELECT * FROM jsonb_to_recordset(p_rows) AS x(n integer, p bigint, r text, k text, a text, v integer, nm text, an boolean, org text, cat text,
          e text, vh text, l text, b text, s integer, st text, ip text, now timestamptz, rk text[], rl integer[], j jsonb)
      ),
      -- A repeat is answered with the first receipt and counts against no limit. Looked up key by key
      -- through the unique index, the only one that leads with the key: "period_id + 0" keeps the
      -- indexes that lead with the period out of the plan, which is kept for the session. One of those,
      -- picked when the table was small, read every comment of the period for each key (0503).
      prior AS (
        SELECT i.n, c.receipt, c.status FROM input i
        CROSS JOIN LATERAL (SELECT c.receipt, c.status FROM public_comments c WHERE c.idempotency_key = i.k AND c.period_id + 0 = i.p LIMIT 1) c
      ),
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
        -- Locked in key order whatever the plan: batches of several nodes that share keys cannot deadlock on them.
        SELECT key, max(now), count(*) FROM hits GROUP BY key ORDER BY key
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
      ORDER BY i.n`;
  const { rows } = await sql<{ v: number }>`SELECT current_setting('server_version_num')::int AS v`.execute(db);
  const wrapped =
    rows[0]!.v >= 180000
      ? `LANGUAGE sql AS $fn$
      -- A receipt means "on disk", whatever the server's default (local: until this transaction commits).
      SELECT set_config('synchronous_commit', 'on', true);
${statement};
    $fn$`
      : `LANGUAGE plpgsql AS $fn$
    BEGIN
      -- A receipt means "on disk", whatever the server's default (local: until this transaction commits).
      PERFORM set_config('synchronous_commit', 'on', true);
      RETURN QUERY ${statement};
    END
    $fn$`;
  await sql`
    CREATE FUNCTION submit_public_comments(p_rows jsonb, p_window_seconds integer)
    RETURNS TABLE (o_n integer, o_outcome text, o_comment_id bigint, o_receipt text, o_status text, o_retry_after integer)
    ${sql.raw(wrapped)}
  `.execute(db);
}
