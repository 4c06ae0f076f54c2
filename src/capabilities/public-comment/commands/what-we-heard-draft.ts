import type { Localized } from '../../../kernel/localized.ts';
import type { Db } from '../../../platform/database/connect.ts';
import { loadVersion } from '../../documents/index.ts';
import type { Process } from '../../processes/index.ts';
import { commentsByIds, dispositionsOf, groupsOf, lightComments } from '../db/answers.ts';
import { whatWeHeard, type WhatWeHeard } from '../domain/what-we-heard.ts';
import { answerMessages } from '../messages/answer.ts';
import type { PeriodContext } from './period-context.ts';

/** What a published report freezes: the figures, and the words of both languages, so it never changes afterwards. */
export type WhatWeHeardSnapshot = WhatWeHeard & {
  periodId: number;
  documentTitle: Localized;
  documentSlug: string;
  closedAt: string | null;
  builtAt: string;
};

const PASSAGE_EXCERPT = 160;
const both = (f: (m: ReturnType<typeof answerMessages>) => string): Localized => ({ en: f(answerMessages('en')), fr: f(answerMessages('fr')) });

/** The report as it would be published now, from published comments only. */
export async function whatWeHeardDraft(db: Db, process: Process, ctx: PeriodContext, now: Date): Promise<WhatWeHeardSnapshot> {
  const periodId = ctx.period.id;
  const [light, groups, dispositions, version] = await Promise.all([
    lightComments(db, periodId, ['published']),
    groupsOf(db, periodId),
    dispositionsOf(db, periodId),
    loadVersion(db, ctx.doc.id, ctx.period.versionNumber, { html: false, contentOnly: true }),
  ]);
  // Bodies are needed only for comments answered on their own (their excerpt).
  const ownIds = dispositions.flatMap((d) => ('comment' in d.target ? [d.target.comment] : []));
  const bodies = new Map((await commentsByIds(db, periodId, ownIds)).map((c) => [c.id, c]));
  const blocks = (version?.version.blocks ?? []).map((b) => {
    const text: Localized = {};
    for (const lang of ['en', 'fr'] as const) {
      const t = b.text[lang]?.content;
      if (t !== undefined) text[lang] = t.length > PASSAGE_EXCERPT ? t.slice(0, PASSAGE_EXCERPT - 1) + '…' : t;
    }
    return { anchor: b.anchor, heading: b.kind === 'heading', text };
  });
  const built = whatWeHeard({
    version: ctx.period.versionNumber,
    categories: process.stakeholderCategories,
    blocks,
    comments: light.map((c) => ({ ...c, lang: bodies.get(c.id)?.lang ?? 'en', body: bodies.get(c.id)?.body ?? '' })),
    groups,
    dispositions,
    labels: { wholeDocument: both((m) => m.wholeDocument), beforeFirstHeading: both((m) => m.beforeFirstHeading), otherCategory: both((m) => m.otherCategory) },
  });
  return {
    ...built,
    periodId,
    documentTitle: ctx.doc.title,
    documentSlug: ctx.doc.slug,
    closedAt: ctx.phase === 'closed' ? (ctx.period.closedAt ?? ctx.period.endsAt).toISOString() : null,
    builtAt: now.toISOString(),
  };
}
