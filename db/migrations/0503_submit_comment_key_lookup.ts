import { sql, type Kysely } from 'kysely';

// submit_public_comment (0402) looked a repeat up with a plan PL/pgSQL keeps
// for the session. Made while public_comments was still empty, that plan could
// pick the (period_id, status) index and read every comment of the period to
// find one idempotency key: each submission slower than the one before it, in
// exactly the flood the function exists for. The lookup is now planned on each
// call, where the unique (period_id, idempotency_key) index always wins.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE OR REPLACE FUNCTION submit_public_comment(
      p_period bigint, p_receipt text, p_key text, p_anchor text, p_version integer, p_name text, p_anonymous boolean,
      p_organization text, p_category text, p_email text, p_verify_hash text, p_lang text, p_body text, p_signatories integer,
      p_status text, p_ip_hash text, p_now timestamptz, p_rate_keys text[], p_rate_limits integer[], p_window_seconds integer, p_jobs jsonb)
    RETURNS TABLE (o_outcome text, o_comment_id bigint, o_receipt text, o_status text, o_retry_after integer)
    LANGUAGE plpgsql AS $fn$
    DECLARE
      v_prior_receipt text;
      v_prior_status text;
      v_allowed boolean := true;
      v_retry integer := 0;
      v_count integer;
      v_start timestamptz;
      v_id bigint;
      v_job jsonb;
      v_window interval := make_interval(secs => p_window_seconds);
    BEGIN
      -- A receipt means "on disk", whatever the server's default.
      PERFORM set_config('synchronous_commit', 'on', true);
      -- A repeat is answered with the first receipt and counts against no limit.
      IF p_key IS NOT NULL THEN
        -- Planned on every call: a plan kept from when the table was empty may read
        -- the whole period through another index for each comment (measured: a
        -- flood of 15,000 comments read 112 million index entries that way).
        EXECUTE 'SELECT c.receipt, c.status FROM public_comments c WHERE c.period_id = $1 AND c.idempotency_key = $2'
          INTO v_prior_receipt, v_prior_status USING p_period, p_key;
        IF v_prior_receipt IS NOT NULL THEN
          RETURN QUERY SELECT 'repeat'::text, NULL::bigint, v_prior_receipt, v_prior_status, 0;
          RETURN;
        END IF;
      END IF;
      FOR i IN 1 .. coalesce(array_length(p_rate_keys, 1), 0) LOOP
        INSERT INTO rate_limits AS r (key, window_start, count) VALUES (p_rate_keys[i], p_now, 1)
        ON CONFLICT (key) DO UPDATE SET
          count = CASE WHEN r.window_start <= p_now - v_window THEN 1 ELSE r.count + 1 END,
          window_start = CASE WHEN r.window_start <= p_now - v_window THEN p_now ELSE r.window_start END
        RETURNING r.count, r.window_start INTO v_count, v_start;
        IF v_count > p_rate_limits[i] THEN
          v_allowed := false;
          v_retry := greatest(v_retry, ceil(extract(epoch FROM (v_start + v_window - p_now)))::integer);
        END IF;
      END LOOP;
      IF NOT v_allowed THEN
        RETURN QUERY SELECT 'limited'::text, NULL::bigint, NULL::text, NULL::text, greatest(1, v_retry);
        RETURN;
      END IF;
      INSERT INTO public_comments AS c (period_id, receipt, idempotency_key, anchor, version_number, name, anonymous, organization, category_key,
        email, verify_token_hash, lang, body, signatories, status, ip_hash, created_at)
      VALUES (p_period, p_receipt, p_key, p_anchor, p_version, p_name, p_anonymous, p_organization, p_category,
        p_email, p_verify_hash, p_lang, p_body, p_signatories, p_status, p_ip_hash, p_now)
      ON CONFLICT (period_id, idempotency_key) DO NOTHING
      RETURNING c.id INTO v_id;
      IF v_id IS NULL THEN
        RETURN QUERY SELECT 'duplicate'::text, NULL::bigint, NULL::text, NULL::text, 0;
        RETURN;
      END IF;
      FOR v_job IN SELECT value FROM jsonb_array_elements(p_jobs) LOOP
        INSERT INTO jobs (name, singleton_key, payload, run_at)
        VALUES (v_job->>'name', v_job->>'singletonKey',
          CASE WHEN (v_job->>'withCommentId')::boolean THEN (v_job->'payload') || jsonb_build_object('commentId', v_id) ELSE v_job->'payload' END,
          (v_job->>'runAt')::timestamptz)
        ON CONFLICT (name, singleton_key) WHERE state = 'waiting' AND singleton_key IS NOT NULL DO NOTHING;
      END LOOP;
      RETURN QUERY SELECT 'inserted'::text, v_id, NULL::text, NULL::text, 0;
    END
    $fn$;
  `.execute(db);
}
