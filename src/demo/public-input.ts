import type { Actor } from '../kernel/actor.ts';
import type { Clock } from '../kernel/clock.ts';
import type { Db } from '../platform/database/connect.ts';
import { documentBySlug, loadVersion } from '../capabilities/documents/index.ts';
import { DEFAULT_POLICY, findPeriod, moderateComment, schedulePeriod, submitComment } from '../capabilities/public-comment/index.ts';
import type { Process } from '../capabilities/processes/index.ts';
import { must } from './must.ts';

const DAY = 86_400_000;

/**
 * The draft outcomes report is open for public input, six weeks as in 2019,
 * with a handful of comments in both languages: one from a campaign with its
 * signatories, one hidden by the moderators with the reason shown. Everyone
 * here is fictional.
 */
export async function seedPublicInput(deps: { db: Db; clock: Clock }, convener: Actor, process: Process): Promise<void> {
  const doc = (await documentBySlug(deps.db, process.id, 'draft-outcomes-report'))!;
  const now = deps.clock.now();
  const periodId = must(
    await schedulePeriod(deps, convener, process, doc, {
      startsAt: new Date(now.getTime() - 60_000),
      // Six weeks, closing at 5 p.m. in Toronto (22:00 UTC in winter) rather than at the minute the demo was loaded.
      endsAt: new Date(Math.floor((now.getTime() + 42 * DAY) / DAY) * DAY + 22 * 3600_000),
      timeZone: 'America/Toronto',
      allowAnonymous: true,
      requireVerifiedEmail: false,
      moderation: 'post',
      policy: DEFAULT_POLICY,
    }),
    'public input period',
  ).id;
  const period = (await findPeriod(deps.db, process.id, periodId))!;
  const version = await loadVersion(deps.db, doc.id, period.versionNumber, { html: false });
  const paragraphs = (version?.version.blocks ?? []).filter((b) => b.kind === 'paragraph' || b.kind === 'recommendation').map((b) => b.anchor);
  const limits = { perIp: 100, perEmail: 10, windowSeconds: 3600 };
  const comments = [
    {
      name: 'Maple Devices delegate (demo)',
      organization: 'Maple Devices (demo)',
      categoryKey: 'industry',
      lang: 'en' as const,
      anchor: paragraphs[1] ?? null,
      body: 'A support period stated at the time of sale is workable for manufacturers, provided the label format is common across retailers.',
    },
    {
      name: 'Camille Tremblay (démo)',
      organization: null,
      categoryKey: 'consumers',
      lang: 'fr' as const,
      anchor: null,
      body: 'Le rapport devrait expliquer aux familles comment savoir si leur appareil reçoit encore des mises à jour de sécurité.',
    },
    {
      name: 'Northern Connectivity Coalition (demo)',
      organization: 'Northern Connectivity Coalition (demo)',
      categoryKey: 'civil-society',
      lang: 'en' as const,
      anchor: paragraphs[2] ?? null,
      body: 'Devices sold in remote and northern communities must keep working when the connection is slow or down. Security updates should not require a fast connection.',
      signatories: 1240,
      signatoryNames: ['Aputi K. (demo)', 'Jordan M. (demo)', 'Léa B. (demo)'],
    },
    {
      name: null,
      organization: null,
      categoryKey: 'academia',
      lang: 'fr' as const,
      anchor: null,
      body: 'Les points de référence gagneraient à citer les normes internationales existantes.',
    },
  ];
  for (const [i, c] of comments.entries()) {
    must(
      await submitComment(
        deps,
        process,
        period,
        {
          name: c.name,
          anonymous: c.name === null,
          organization: c.organization,
          categoryKey: c.categoryKey,
          email: `commenter-${i + 1}@concert.example`,
          lang: c.lang,
          body: c.body,
          anchor: c.anchor,
          signatories: 'signatories' in c ? c.signatories! : 1,
          signatoryNames: 'signatoryNames' in c ? c.signatoryNames! : [],
          attachments: [],
        },
        { ip: 'demo', idempotencyKey: `demo-${i + 1}`, locale: c.lang },
        limits,
      ),
      'public comment',
    );
  }
  // Advertising is hidden, with the reason shown in its place.
  must(
    await submitComment(
      deps,
      process,
      period,
      {
        name: 'Cheap Routers Inc (demo)',
        anonymous: false,
        organization: null,
        categoryKey: 'industry',
        email: 'ads@concert.example',
        lang: 'en',
        body: 'Buy our routers at half price!',
        anchor: null,
        signatories: 1,
        signatoryNames: [],
        attachments: [],
      },
      { ip: 'demo', idempotencyKey: 'demo-ad', locale: 'en' },
      limits,
    ),
    'advertising',
  );
  const ad = await deps.db.selectFrom('publicComments').select('id').where('periodId', '=', periodId).where('idempotencyKey', '=', 'demo-ad').executeTakeFirstOrThrow();
  must(await moderateComment(deps, convener, process, period, doc.bodyId, ad.id, 'hide', 'Advertising, not about the report (moderation policy).'), 'hide');
}
