import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Locale, Localized } from '../../../kernel/localized.ts';
import type { Db } from '../../../platform/database/connect.ts';
import { COUNT_CAP, ENTRY_TEXT_MAX, MARK_END, MARK_START, snippetLanguage } from '../domain/query.ts';

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
  const [rows, count] = await Promise.all([
    sql<{
      type: string;
      key: string;
      path: string;
      bodyId: number | null;
      titleEn: string;
      titleFr: string;
      rank: number;
      matchEn: boolean;
      matchFr: boolean;
      snippetEn: string | null;
      snippetFr: string | null;
    }>`
      WITH hits AS (
        SELECT e.id, e.type, e.key, e.path, e.body_id, e.title_en, e.title_fr, e.text_en, e.text_fr,
               e.tsv_en @@ q.qe AS match_en, e.tsv_fr @@ q.qf AS match_fr,
               greatest(ts_rank(e.tsv_en, q.qe), ts_rank(e.tsv_fr, q.qf)) AS rank
        FROM search_entries e, ${q}
        WHERE ${filters}
        ORDER BY rank DESC, e.id
        LIMIT ${o.limit} OFFSET ${o.offset}
      )
      SELECT h.type, h.key, h.path, h.body_id, h.title_en, h.title_fr, h.rank::float8 AS rank, h.match_en, h.match_fr,
             CASE WHEN h.match_en THEN ts_headline('concert_english', h.text_en, q.qe, ${HEADLINE}) END AS snippet_en,
             CASE WHEN h.match_fr THEN ts_headline('concert_french', h.text_fr, q.qf, ${HEADLINE}) END AS snippet_fr
      FROM hits h, ${q}
      ORDER BY h.rank DESC, h.id`.execute(db),
    sql<{ n: number }>`SELECT count(*)::int AS n FROM (SELECT 1 FROM search_entries e, ${q} WHERE ${filters} LIMIT ${COUNT_CAP + 1}) x`.execute(db),
  ]);
  const n = count.rows[0]?.n ?? 0;
  return {
    total: Math.min(n, COUNT_CAP),
    capped: n > COUNT_CAP,
    hits: rows.rows.map((r) => {
      const lang = snippetLanguage(o.locale, { en: r.matchEn, fr: r.matchFr });
      return {
        type: r.type,
        key: r.key,
        path: r.path,
        bodyId: r.bodyId,
        title: { ...(r.titleEn ? { en: r.titleEn } : {}), ...(r.titleFr ? { fr: r.titleFr } : {}) },
        snippet: (lang === 'en' ? r.snippetEn : r.snippetFr) ?? '',
        snippetLang: lang,
        rank: r.rank,
      };
    }),
  };
}
