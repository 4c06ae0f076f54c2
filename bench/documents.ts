// `npm run bench -- documents`: a 200-page report (about 4,000 passages in
// each of two languages). Measures, each against its limit in the same run:
//   - saving a new version (parse, anchoring, rendering, translation state,
//     search re-indexing, audit) vs. INSERTing the same bytes into a bare table;
//   - comparing two versions (loading both and diffing) vs. SELECTing the same bytes back;
//   - search over 10,000 documents (English and French at once, ranked, with
//     snippets and a count) vs. a bare to_tsquery on the same table, p95.
// DATABASE_URL runs it on an external PostgreSQL; otherwise an embedded one in a temporary folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { systemClock } from '../src/kernel/clock.ts';
import type { Actor } from '../src/kernel/actor.ts';
import { connect } from '../src/platform/database/connect.ts';
import { startEmbedded, type EmbeddedCluster } from '../src/platform/database/embedded.ts';
import { migrate } from '../src/platform/database/migrate.ts';
import { createUser } from '../src/platform/auth/users.ts';
import { createProcess, findProcessBySlug, publishProcess } from '../src/capabilities/processes/index.ts';
import { bodyBySlug, createBody } from '../src/capabilities/groups/index.ts';
import { createDocument, diffVersions, documentBySlug, loadVersion, saveDocument } from '../src/capabilities/documents/index.ts';
import { indexEntries, searchEntries, type SearchEntryInput } from '../src/capabilities/search/index.ts';

const SAVES = Number(process.env.BENCH_SAVES ?? 10);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 300);
const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 10_000);

// Deterministic text.
let seed = 42;
const rnd = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
const EN_WORDS =
  'device security update label consumer network router manufacturer lifespan privacy data encryption vulnerability report meeting working group recommendation benchmark guideline household provider service cloud password firmware support period risk trust public input definition framework awareness education literacy rural northern community'.split(
    ' ',
  );
const FR_WORDS =
  'appareil sécurité mise à jour étiquette consommateur réseau routeur fabricant durée vie confidentialité données chiffrement vulnérabilité signalement réunion groupe travail recommandation référence ligne directrice foyer fournisseur service nuage mot de passe micrologiciel soutien période risque confiance consultation définition cadre sensibilisation éducation littératie rurale nordique collectivité'.split(
    ' ',
  );
// The search corpus: a vocabulary of 6,000 words per language drawn with Zipf's law
// (a few very common words, most rare), as in real text; the domain words above come first.
const SYLLABLES =
  'ba be bi bo ca ce ci co da de di do fa fe fi fo ga ge gi go la le li lo ma me mi mo na ne ni no pa pe pi po ra re ri ro sa se si so ta te ti to va ve vi vo'.split(' ');
const vocabulary = (base: readonly string[], accents: boolean) => {
  const out = [...base];
  while (out.length < 6000) {
    const w = Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => pick(SYLLABLES)).join('');
    out.push(accents && rnd() < 0.3 ? w.replace(/e/, 'é') : w);
  }
  return out;
};
const zipf = (n: number) => {
  const cum: number[] = [];
  let total = 0;
  for (let r = 1; r <= n; r++) cum.push((total += 1 / r));
  return () => {
    const x = rnd() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
};
const sentence = (words: readonly string[], n: number) => {
  const w = Array.from({ length: n }, () => pick(words));
  return w.join(' ').replace(/^./, (c) => c.toUpperCase()) + '.';
};
const para = (words: readonly string[]) => Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => sentence(words, 6 + Math.floor(rnd() * 14))).join(' ');

/** 200 pages of 20 passages: a heading per page, lists, recommendations, paragraphs. */
function report(words: readonly string[], recLabel: string): string[] {
  const blocks: string[] = [];
  for (let page = 0; page < 200; page++) {
    blocks.push(`${page % 10 === 0 ? '#' : '##'} ${sentence(words, 4)}`);
    for (let k = 1; k < 20; k++) {
      if (k % 9 === 0) blocks.push(`- ${sentence(words, 8)}\n- ${sentence(words, 8)}`);
      else if (k % 13 === 0) blocks.push(`${recLabel} ${para(words)}`);
      else blocks.push(para(words));
    }
  }
  return blocks;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const median = (xs: number[]) => quantile(xs, 0.5);
const round = (x: number) => Math.round(x * 10) / 10;
const time = async (f: () => Promise<unknown>) => {
  const t = performance.now();
  await f();
  return performance.now() - t;
};

let cluster: EmbeddedCluster | null = null;
let dir: string | null = null;
let url = process.env.DATABASE_URL;
if (!url) {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concert-bench-docs-'));
  fs.chmodSync(dir, 0o755);
  cluster = await startEmbedded({ dataDir: dir });
  const admin = new pg.Client({ connectionString: cluster.adminUrl });
  await admin.connect();
  await admin.query('CREATE DATABASE bench');
  await admin.end();
  url = cluster.urlFor('bench');
}
const conn = connect(url, 4);
const db = conn.db;
let result: Record<string, unknown> = {};
try {
  await migrate(db);
  const deps = { db, clock: systemClock };
  const { id } = await createUser(db, { email: `bench-${Date.now()}@example.org`, name: 'Bench', isAdmin: true });
  const actor: Actor = { kind: 'user', userId: id, name: 'Bench', isAdmin: true };
  const slug = `bench-${Date.now().toString(36)}`;
  const title = { en: 'Benchmark process', fr: 'Processus de mesure' };
  await createProcess(deps, actor, slug, { title, summary: title, scope: title, convenerName: title, officialLanguages: ['en', 'fr'], timeZone: 'America/Toronto' });
  await publishProcess(deps, actor, (await findProcessBySlug(db, slug))!);
  const proc = (await findProcessBySlug(db, slug))!;
  await createBody(deps, actor, proc, 'wg', { typeKey: 'working-group', name: title, charter: title, membershipPolicy: 'open' });
  const body = (await bodyBySlug(db, proc.id, 'wg'))!;

  const en = report(EN_WORDS, 'Recommendation:');
  const fr = report(FR_WORDS, 'Recommandation :');
  const passages = en.reduce((n, b) => n + b.split('\n').length, 0);
  console.log(`# report: ${passages} passages per language, ${en.join('\n\n').length} + ${fr.join('\n\n').length} characters`);

  const firstMs = await time(async () => {
    const r = await createDocument(deps, actor, proc, body, { slug: 'report', type: 'report', title, lang: 'en', markdown: en.join('\n\n') });
    if (!r.ok) throw new Error(r.refusal);
  });
  const doc = async () => (await documentBySlug(db, proc.id, 'report'))!;
  const save = async (lang: 'en' | 'fr', blocks: string[]) => {
    const d = await doc();
    const r = await saveDocument(deps, actor, proc, d, { lang, markdown: blocks.join('\n\n'), title, type: 'report', baseVersion: d.currentVersion, note: null });
    if (!r.ok) throw new Error(r.refusal);
  };
  const translateMs = await time(() => save('fr', fr));
  console.log(`# first version ${round(firstMs)} ms; whole French translation paired passage by passage ${round(translateMs)} ms`);

  // Each new version: 20 passages edited, 5 inserted, 3 deleted, 2 moved.
  await sql`CREATE TABLE IF NOT EXISTS bench_raw (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, en text NOT NULL, fr text NOT NULL)`.execute(db);
  const concertSaves: number[] = [];
  const rawSaves: number[] = [];
  let current = [...en];
  for (let i = 0; i < SAVES; i++) {
    const next = [...current];
    for (let k = 0; k < 20; k++) {
      const at = 1 + Math.floor(rnd() * (next.length - 1));
      if (!next[at]!.startsWith('#') && !next[at]!.startsWith('-')) next[at] = next[at]!.replace(/\.$/, `, ${pick(EN_WORDS)} ${pick(EN_WORDS)}.`);
    }
    for (let k = 0; k < 5; k++) next.splice(1 + Math.floor(rnd() * (next.length - 1)), 0, para(EN_WORDS));
    for (let k = 0; k < 3; k++) next.splice(1 + Math.floor(rnd() * (next.length - 1)), 1);
    for (let k = 0; k < 2; k++) {
      const [m] = next.splice(1 + Math.floor(rnd() * (next.length - 1)), 1);
      next.splice(1 + Math.floor(rnd() * (next.length - 1)), 0, m!);
    }
    current = next;
    concertSaves.push(await time(() => save('en', next)));
    const bytesEn = next.join('\n\n');
    const bytesFr = fr.join('\n\n');
    rawSaves.push(await time(() => sql`INSERT INTO bench_raw (en, fr) VALUES (${bytesEn}, ${bytesFr})`.execute(db)));
  }
  const bytes = Buffer.byteLength(current.join('\n\n')) + Buffer.byteLength(fr.join('\n\n'));
  console.log(`# save: concert ${concertSaves.map(round).join(', ')} ms; raw insert ${rawSaves.map(round).join(', ')} ms`);

  // Compare the first translated version with the latest, in English, as the comparison page does.
  const d = await doc();
  const concertDiffs: number[] = [];
  const rawReads: number[] = [];
  let rows = 0;
  for (let i = 0; i < 5; i++) {
    concertDiffs.push(
      await time(async () => {
        const [a, b] = await Promise.all([loadVersion(db, d.id, 2, { html: false }), loadVersion(db, d.id, d.currentVersion, { html: false })]);
        const side = (v: NonNullable<typeof a>) =>
          v.version.blocks.map((x) => ({ anchor: x.anchor, kind: x.kind, text: x.text.en ? (v.texts.get(`${x.anchor}:en`)?.plain ?? '') : null }));
        rows = diffVersions(side(a!), side(b!)).filter((r) => r.change !== 'same' || r.moved).length;
      }),
    );
    rawReads.push(await time(() => sql`SELECT en, fr FROM bench_raw ORDER BY id LIMIT 2`.execute(db)));
  }
  console.log(`# diff v2 → v${d.currentVersion}: ${rows} changed passages; concert ${concertDiffs.map(round).join(', ')} ms; raw read ${rawReads.map(round).join(', ')} ms`);

  // 10,000 documents in the search index.
  const vocabEn = vocabulary(EN_WORDS, false);
  const vocabFr = vocabulary(FR_WORDS, true);
  const rank = zipf(6000);
  const text = (vocab: readonly string[], words: number) => Array.from({ length: words }, () => vocab[rank()]!).join(' ');
  const started = performance.now();
  for (let i = 0; i < DOCUMENTS; i += 500) {
    const batch: SearchEntryInput[] = [];
    for (let k = i; k < Math.min(DOCUMENTS, i + 500); k++) {
      batch.push({
        processId: proc.id,
        type: k % 3 === 0 ? 'meeting' : 'document',
        key: `bench-${k}`,
        bodyId: body.id,
        path: `/p/${slug}/documents/bench-${k}`,
        title: { en: text(vocabEn, 6), fr: text(vocabFr, 6) },
        text: { en: text(vocabEn, 250), fr: text(vocabFr, 250) },
      });
    }
    await db.transaction().execute((trx) => indexEntries(trx, batch));
  }
  await sql`VACUUM ANALYZE search_entries`.execute(db);
  console.log(`# indexed ${DOCUMENTS} documents in ${round((performance.now() - started) / 1000)} s`);
  // Queries: words people would type, from common to rare (as drawn from the same law), in either
  // language, a third of the French ones without their accents, some two-word queries.
  const queryWord = () => {
    const fr = rnd() < 0.5;
    const w = (fr ? vocabFr : vocabEn)[rank()]!;
    return fr && rnd() < 0.33 ? w.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : w;
  };
  const queries = Array.from({ length: QUERIES }, () => (rnd() < 0.3 ? `${queryWord()} ${queryWord()}` : queryWord()));
  const lexeme = (q: string) =>
    q
      .split(' ')
      .filter((w) => /^[\p{L}\p{N}]+$/u.test(w))
      .join(' & ') || 'x';
  for (const q of queries.slice(0, 20)) await searchEntries(db, { processId: proc.id, query: q, locale: 'en', limit: 20, offset: 0 }); // warm-up
  const concertSearch: number[] = [];
  const bareSearch: number[] = [];
  for (const q of queries) {
    concertSearch.push(await time(() => searchEntries(db, { processId: proc.id, query: q, locale: rnd() < 0.5 ? 'en' : 'fr', limit: 20, offset: 0 })));
    bareSearch.push(await time(() => sql`SELECT id FROM search_entries WHERE tsv_en @@ to_tsquery('concert_english', ${lexeme(q)}) LIMIT 20`.execute(db)));
  }
  console.log(`# search p50: concert ${round(median(concertSearch))} ms, bare ${round(median(bareSearch))} ms`);

  const saveMs = median(concertSaves);
  const rawMs = median(rawSaves);
  result = {
    bench: 'documents',
    passagesPerLanguage: passages,
    bytes,
    cores: os.cpus().length,
    firstVersionMs: round(firstMs),
    wholeTranslationMs: round(translateMs),
    save: { concertMedianMs: round(saveMs), concertP95Ms: round(quantile(concertSaves, 0.95)), rawInsertMedianMs: round(rawMs), ratio: round(saveMs / rawMs) },
    diff: { changedPassages: rows, concertMedianMs: round(median(concertDiffs)), rawReadMedianMs: round(median(rawReads)), ratio: round(median(concertDiffs) / median(rawReads)) },
    search: {
      documents: DOCUMENTS,
      queries: QUERIES,
      concertP95Ms: round(quantile(concertSearch, 0.95)),
      bareP95Ms: round(quantile(bareSearch, 0.95)),
      ratio: round(quantile(concertSearch, 0.95) / quantile(bareSearch, 0.95)),
    },
    ratio: round(saveMs / rawMs),
  };
} finally {
  await conn.close();
  if (cluster) await cluster.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
console.log(JSON.stringify(result));
