import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Locale, Localized } from '../../../kernel/localized.ts';
import type { Db } from '../../../platform/database/connect.ts';
import { COUNT_CAP, ENTRY_TEXT_MAX, MARK_END, MARK_START, RANK_WINDOW } from '../domain/query.ts';

/**
 * One thing to find: a document section, a meeting, a decision… `path` is
 * the page without its language prefix (`/p/<process>/…#anchor`). Entries in
 * one `group` (say, every section of one document) are replaced together.
 */
export type SearchEntryInput = {
  processId: number;
  type: string;
  key: string;
  group?: string;
  bodyId: number | null;
  path: string;
  title: Localized;
  text: Localized;
  /** Anything that identifies the content; computed from it when absent. */
  digest?: string;
};

const cut = (s: string | undefined, max: number) => (s ?? '').slice(0, max);

export function digestOf(e: Omit<SearchEntryInput, 'digest'>): string {
  return createHash('sha1')
    .update(JSON.stringify([e.type, e.key, e.bodyId, e.path, e.title.en ?? '', e.title.fr ?? '', e.text.en ?? '', e.text.fr ?? '']))
    .digest('hex');
}

/** Adds or replaces entries; call it with the transaction that changed what they describe. */
export async function indexEntries(trx: Db, entries: readonly SearchEntryInput[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 500) {
    const rows = entries.slice(i, i + 500).map((e) => ({
      processId: e.processId,
      type: e.type,
      key: e.key,
      grp: e.group ?? `${e.type}:${e.key}`,
      bodyId: e.bodyId,
      path: e.path,
      titleEn: cut(e.title.en, 1000),
      titleFr: cut(e.title.fr, 1000),
      textEn: cut(e.text.en, ENTRY_TEXT_MAX),
      textFr: cut(e.text.fr, ENTRY_TEXT_MAX),
      digest: e.digest ?? digestOf(e),
    }));
    await trx
      .insertInto('searchEntries')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['type', 'key']).doUpdateSet((eb) => ({
          processId: eb.ref('excluded.processId'),
          grp: eb.ref('excluded.grp'),
          bodyId: eb.ref('excluded.bodyId'),
          path: eb.ref('excluded.path'),
          titleEn: eb.ref('excluded.titleEn'),
          titleFr: eb.ref('excluded.titleFr'),
          textEn: eb.ref('excluded.textEn'),
          textFr: eb.ref('excluded.textFr'),
          digest: eb.ref('excluded.digest'),
          updatedAt: sql`now()`,
        })),
      )
      .execute();
  }
}

export async function removeEntries(trx: Db, which: { type: string; key: string } | { group: string }): Promise<void> {
  let q = trx.deleteFrom('searchEntries');
  q = 'group' in which ? q.where('grp', '=', which.group) : q.where('type', '=', which.type).where('key', '=', which.key);
  await q.execute();
}

/**
 * Brings a group in line with what should be there: removes entries no
 * longer wanted and returns the keys whose digest differs (to index again),
 * so a large document saved with one paragraph changed re-indexes one section.
 */
export async function syncGroup(trx: Db, group: string, wanted: ReadonlyMap<string, string>): Promise<Set<string>> {
  const rows = await trx.selectFrom('searchEntries').select(['key', 'digest']).where('grp', '=', group).execute();
  const gone = rows.filter((r) => !wanted.has(r.key)).map((r) => r.key);
  if (gone.length) await trx.deleteFrom('searchEntries').where('grp', '=', group).where('key', 'in', gone).execute();
  const have = new Map(rows.map((r) => [r.key, r.digest]));
  return new Set([...wanted].filter(([k, d]) => have.get(k) !== d).map(([k]) => k));
}

export type SearchHit = {
  type: string;
  key: string;
  path: string;
  bodyId: number | null;
  title: Localized;
  snippet: string;
  snippetLang: Locale;
  rank: number;
};

export type SearchResults = { total: number; capped: boolean; hits: SearchHit[] };

const HEADLINE = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * Ranked matches in English and French at once (each language with its own
 * stemming, accents ignored), with highlighted snippets for one page of hits.
 */
export async function searchEntries(
  db: Db,
  o: { processId: number; query: string; locale: Locale; type?: string | null; bodyId?: number | null; limit: number; offset: number },
): Promise<SearchResults> {
  const filters = sql.join(
    [
      sql`e.process_id = ${o.processId}`,
      sql`(e.tsv_en @@ q.qe OR e.tsv_fr @@ q.qf)`,
      ...(o.type ? [sql`e.type = ${o.type}`] : []),
      ...(o.bodyId ? [sql`e.body_id = ${o.bodyId}`] : []),
    ],
    sql` AND `,
  );
  const q = sql`(SELECT websearch_to_tsquery('concert_english', ${o.query}) AS qe, websearch_to_tsquery('concert_french', ${o.query}) AS qf) q`;
  // The snippet is in the reader's language when it matched there, else in the language that matched.
  // Ranking needs every match; past RANK_WINDOW matches (a query made of very common words)
  // the first ones found are ranked, which keeps the page fast whatever is typed.
  const [rows, count] = await Promise.all([
    sql<{
      type: string;
      key: string;
      path: string;
      bodyId: number | null;
      titleEn: string;
      titleFr: string;
      rank: number;
      snippet: string | null;
      snippetLang: Locale;
    }>`
      WITH matches AS (
        SELECT m.id, m.match_en, m.match_fr,
               greatest(CASE WHEN m.match_en THEN ts_rank(m.tsv_en, q.qe) ELSE 0 END, CASE WHEN m.match_fr THEN ts_rank(m.tsv_fr, q.qf) ELSE 0 END) AS rank
        FROM (SELECT e.id, e.tsv_en, e.tsv_fr, e.tsv_en @@ q.qe AS match_en, e.tsv_fr @@ q.qf AS match_fr FROM search_entries e, ${q} WHERE ${filters} LIMIT ${RANK_WINDOW}) m, ${q}
      ),
      top AS (
        SELECT id, match_en, match_fr, rank,
               CASE WHEN ${o.locale === 'en'} THEN (CASE WHEN match_en THEN 'en' ELSE 'fr' END) ELSE (CASE WHEN match_fr THEN 'fr' ELSE 'en' END) END AS lang
        FROM matches ORDER BY rank DESC, id LIMIT ${o.limit} OFFSET ${o.offset}
      )
      SELECT e.type, e.key, e.path, e.body_id, e.title_en, e.title_fr, t.rank::float8 AS rank, t.lang AS snippet_lang,
             CASE WHEN t.lang = 'en' THEN ts_headline('concert_english', e.text_en, q.qe, ${HEADLINE})
                  ELSE ts_headline('concert_french', e.text_fr, q.qf, ${HEADLINE}) END AS snippet
      FROM top t JOIN search_entries e ON e.id = t.id, ${q}
      ORDER BY t.rank DESC, t.id`.execute(db),
    sql<{ n: number }>`SELECT count(*)::int AS n FROM (SELECT 1 FROM search_entries e, ${q} WHERE ${filters} LIMIT ${COUNT_CAP + 1}) x`.execute(db),
  ]);
  const n = count.rows[0]?.n ?? 0;
  return {
    total: Math.min(n, COUNT_CAP),
    capped: n > COUNT_CAP,
    hits: rows.rows.map((r) => ({
      type: r.type,
      key: r.key,
      path: r.path,
      bodyId: r.bodyId,
      title: { ...(r.titleEn ? { en: r.titleEn } : {}), ...(r.titleFr ? { fr: r.titleFr } : {}) },
      snippet: r.snippet ?? '',
      snippetLang: r.snippetLang,
      rank: r.rank,
    })),
  };
}
