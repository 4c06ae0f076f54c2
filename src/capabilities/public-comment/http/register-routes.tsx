import { Hono } from 'hono';
import { formatNumber } from '../../../kernel/i18n.ts';
import type { Locale } from '../../../kernel/localized.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import type { AppEnv, Deps } from '../../../platform/http/context.ts';
import { L } from '../../../platform/http/paths.ts';
import { HttpProblem } from '../../../platform/http/problem.ts';
import { pageCtx, redirectWithFlash, render } from '../../../platform/http/render.tsx';
import type { AnyFieldError } from '../../../platform/views/form.tsx';
import { loadVersion, versionList } from '../../documents/index.ts';
import { formBody } from '../../processes/index.ts';
import { commentById, commentsByIds, dispositionOf, dispositionsOf, groupByKey, groupCounts, groupsOf, lightComments } from '../db/answers.ts';
import { setDisposition } from '../commands/set-disposition.ts';
import {
  answerOf,
  DISPOSITION_KINDS,
  matchesFilter,
  progressOf,
  type Disposition,
  type DispositionKind,
  type DispositionTarget,
  type RegisterFilter,
} from '../domain/disposition.ts';
import { inputRefusal } from '../domain/permissions.ts';
import { answerMessages } from '../messages/answer.ts';
import { periodBase } from '../views/answer-parts.tsx';
import { DispositionPage, RegisterPage, type DispositionValues, type RegisterRow } from '../views/register-pages.tsx';
import { inputProblem, loadPeriod, pageParam, type LoadedPeriod } from './period-load.ts';

const ROWS_PER_PAGE = 50;
const EXCERPT = 200;
const excerpt = (s: string) => (s.length > EXCERPT ? s.slice(0, EXCERPT - 1) + '…' : s);

function filterOf(c: Ctx): RegisterFilter {
  const show = c.req.query('show') ?? 'all';
  const kind = c.req.query('kind') || null;
  const anchor = c.req.query('anchor') || null;
  if (!['all', 'unanswered', 'answered'].includes(show)) throw new HttpProblem('bad-request');
  if (kind && !(DISPOSITION_KINDS as readonly string[]).includes(kind)) throw new HttpProblem('bad-request');
  if (anchor && !/^p\d{1,7}$/.test(anchor)) throw new HttpProblem('bad-request');
  return { show: show as RegisterFilter['show'], kind: kind as DispositionKind | null, anchor };
}

async function staffOnly(c: Ctx, deps: Deps): Promise<LoadedPeriod> {
  const l = await loadPeriod(c, deps);
  const refusal = inputRefusal(l.pc.access, 'answer', l.pc.phase);
  if (refusal) throw inputProblem(c, refusal);
  return l;
}

/** Staff: every published comment and group with its disposition, and the form to give one. */
export function registerRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const base = `${L}/p/:slug/input/:periodId{[0-9]{1,12}}/dispositions`;

  app.get(base, async (c) => {
    const l = await staffOnly(c, deps);
    const filter = filterOf(c);
    const page = pageParam(c);
    const periodId = l.pc.period.id;
    const [light, groups, dispositions, counts, version] = await Promise.all([
      lightComments(deps.db, periodId, ['published']),
      groupsOf(deps.db, periodId),
      dispositionsOf(deps.db, periodId),
      groupCounts(deps.db, periodId, ['published']),
      loadVersion(deps.db, l.pc.doc.id, l.pc.period.versionNumber, { html: false, contentOnly: true }),
    ]);
    const own = new Map<number, Disposition>();
    const byGroup = new Map<number, Disposition>();
    for (const d of dispositions) 'comment' in d.target ? own.set(d.target.comment, d) : byGroup.set(d.target.cluster, d);
    const live = new Set(groups.map((g) => g.key));
    // Members by group, in one pass: a period may hold 100,000 comments in a thousand groups.
    const membersOf = new Map<number, typeof light>();
    for (const x of light) if (x.clusterKey !== null) (membersOf.get(x.clusterKey) ?? membersOf.set(x.clusterKey, []).get(x.clusterKey)!).push(x);
    const rows: RegisterRow[] = [];
    for (const g of groups) {
      const count = counts.get(g.key);
      if (!count) continue;
      const members = membersOf.get(g.key) ?? [];
      const kind = byGroup.get(g.key)?.kind ?? null;
      if (filter.show === 'unanswered' && kind) continue;
      if (filter.show === 'answered' && !kind) continue;
      if (filter.kind && kind !== filter.kind) continue;
      const anchors = [...new Set(members.flatMap((x) => (x.anchor ? [x.anchor] : [])))].sort();
      if (filter.anchor && !anchors.includes(filter.anchor)) continue;
      rows.push({
        type: 'group',
        key: g.key,
        ...count,
        excerpt: excerpt(g.template),
        lang: g.templateLang,
        anchors,
        kind,
        ownAnswers: members.filter((x) => own.has(x.id)).length,
      });
    }
    rows.sort((a, b) => b.signatories - a.signatories);
    // Distinct comments, and members answered on their own (so their own answer can be found and changed).
    const singles = light.filter((x) => x.clusterKey === null || own.has(x.id)).filter((x) => matchesFilter(x, answerOf(x, own, byGroup), filter));
    const pageRows = [...rows, ...singles.map((x) => ({ type: 'comment' as const, x }))].slice((page - 1) * ROWS_PER_PAGE, page * ROWS_PER_PAGE);
    const bodies = new Map(
      (
        await commentsByIds(
          deps.db,
          periodId,
          pageRows.flatMap((r) => ('x' in r ? [r.x.id] : [])),
        )
      ).map((x) => [x.id, x]),
    );
    const shown: RegisterRow[] = pageRows.map((r) => {
      if (!('x' in r)) return r;
      const a = answerOf(r.x, own, byGroup);
      const b = bodies.get(r.x.id)!;
      return {
        type: 'comment',
        id: r.x.id,
        signatories: r.x.signatories,
        excerpt: excerpt(b.body),
        lang: b.lang,
        anchor: r.x.anchor,
        kind: a?.disposition.kind ?? null,
        inherited: a?.inherited ?? false,
        groupKey: r.x.clusterKey,
      };
    });
    const total = rows.length + singles.length;
    if (page > 1 && shown.length === 0) throw new HttpProblem('not-found');
    const former = dispositions.flatMap((d) => ('cluster' in d.target && !live.has(d.target.cluster) ? [{ key: d.target.cluster, kind: d.kind, reason: d.reason }] : []));
    return render(
      c,
      <RegisterPage
        ctx={pageCtx(c)}
        v={l.v}
        progress={progressOf(light, own, byGroup)}
        filter={filter}
        anchors={(version?.version.blocks ?? [])
          .filter((b) => b.kind !== 'heading')
          .map((b) => {
            const text = b.text[c.get('locale')]?.content ?? b.text.en?.content ?? b.text.fr?.content ?? '';
            return { anchor: b.anchor, label: `${b.anchor} · ${text.length > 60 ? text.slice(0, 59) + '…' : text}` };
          })}
        rows={shown}
        former={former}
        page={page}
        total={total}
        size={ROWS_PER_PAGE}
      />,
    );
  });

  /** What the form is about: one comment, or one group, of this period. */
  async function subjectOf(l: LoadedPeriod, target: DispositionTarget, locale: Locale) {
    const periodId = l.pc.period.id;
    const m = answerMessages(locale);
    if ('comment' in target) {
      const x = await commentById(deps.db, periodId, target.comment);
      if (!x) throw new HttpProblem('not-found');
      const own = await dispositionOf(deps.db, periodId, target);
      const inherited = !own && x.clusterKey !== null ? await dispositionOf(deps.db, periodId, { cluster: x.clusterKey }) : null;
      return {
        subject: {
          title: `#${x.id}`,
          text: x.body,
          lang: x.lang,
          signatories: x.signatories,
          comments: 1,
          link: x.clusterKey !== null ? `${periodBase(l.v)}/clusters/${x.clusterKey}` : null,
        },
        current: own ? { ...own, inherited: false } : inherited ? { ...inherited, inherited: true } : null,
        own,
      };
    }
    const g = await groupByKey(deps.db, periodId, target.cluster);
    if (!g) throw new HttpProblem('not-found');
    const count = (await groupCounts(deps.db, periodId, ['published'])).get(g.key) ?? { comments: g.size, signatories: g.signatories };
    const own = await dispositionOf(deps.db, periodId, target);
    return {
      subject: {
        title: `#${g.key} (${count.comments})`,
        text: g.template,
        lang: g.templateLang,
        signatories: count.signatories,
        comments: count.comments,
        link: `${periodBase(l.v)}/clusters/${g.key}`,
      },
      current: own ? { ...own, inherited: false } : null,
      own,
    };
  }

  const targetOf = (c: Ctx): DispositionTarget => {
    const id = Number(c.req.param('id'));
    return c.req.param('type') === 'group' ? { cluster: id } : { comment: id };
  };
  const formPath = `${base}/:type{comment|group}/:id{[0-9]{1,12}}`;

  app.get(formPath, async (c) => {
    const l = await staffOnly(c, deps);
    const target = targetOf(c);
    const s = await subjectOf(l, target, c.get('locale'));
    const d = s.own;
    const values: DispositionValues = {
      kind: d?.kind ?? '',
      reasonEn: d?.reason.en ?? '',
      reasonFr: d?.reason.fr ?? '',
      changedVersion: d?.changedVersion ? String(d.changedVersion) : '',
      changedAnchor: d?.changedAnchor ?? '',
    };
    const versions = (await versionList(deps.db, l.pc.doc.id)).map((v) => v.number).filter((n) => n >= l.pc.period.versionNumber);
    return render(
      c,
      <DispositionPage ctx={pageCtx(c)} v={l.v} subject={s.subject} current={s.current} versions={versions} values={values} action={c.req.path.replace(/^\/(en|fr)/, '')} />,
    );
  });

  app.post(formPath, async (c) => {
    const l = await staffOnly(c, deps);
    const target = targetOf(c);
    const form = await formBody(c);
    const str = (k: string) => (typeof form[k] === 'string' ? (form[k] as string) : '');
    const values: DispositionValues = {
      kind: str('kind'),
      reasonEn: str('reasonEn'),
      reasonFr: str('reasonFr'),
      changedVersion: str('changedVersion').trim(),
      changedAnchor: str('changedAnchor').trim(),
    };
    const m = answerMessages(c.get('locale'));
    const errors: Record<string, AnyFieldError> = {};
    if (!(DISPOSITION_KINDS as readonly string[]).includes(values.kind)) errors.kind = { message: m.errors.kind! };
    if (values.changedVersion && !/^\d{1,7}$/.test(values.changedVersion)) errors.changedVersion = { message: m.errors['unknown-version']! };
    if (values.changedAnchor && !/^p\d{1,7}$/.test(values.changedAnchor)) errors.changedAnchor = { message: m.errors['unknown-anchor']! };
    if (Object.keys(errors).length === 0) {
      const r = await setDisposition(deps, c.get('actor'), l.process, l.pc, target, {
        kind: values.kind as DispositionKind,
        reason: { en: values.reasonEn, fr: values.reasonFr },
        changedVersion: values.changedVersion ? Number(values.changedVersion) : null,
        changedAnchor: values.changedAnchor || null,
      });
      if (r.ok) {
        const anchor = 'comment' in target ? `comment-${target.comment}` : `group-${target.cluster}`;
        return redirectWithFlash(c, `/${c.get('locale')}${periodBase(l.v)}/dispositions#${anchor}`, m.saved);
      }
      switch (r.refusal) {
        case 'not-signed-in':
        case 'not-allowed':
        case 'not-open':
        case 'still-open':
          throw inputProblem(c, r.refusal);
        case 'unknown-target':
          throw new HttpProblem('not-found');
        case 'reason-required':
        case 'reason-too-long':
          errors.reasonEn = { message: m.errors[r.refusal]! };
          break;
        case 'unknown-anchor':
          errors.changedAnchor = { message: m.errors[r.refusal]! };
          break;
        case 'unknown-version':
        case 'version-before-comment':
        case 'anchor-without-version':
          errors.changedVersion = { message: m.errors[r.refusal]! };
          break;
      }
    }
    const s = await subjectOf(l, target, c.get('locale'));
    const versions = (await versionList(deps.db, l.pc.doc.id)).map((v) => v.number).filter((n) => n >= l.pc.period.versionNumber);
    return render(
      c,
      <DispositionPage
        ctx={pageCtx(c)}
        v={l.v}
        subject={s.subject}
        current={s.current}
        versions={versions}
        values={values}
        errors={errors}
        action={c.req.path.replace(/^\/(en|fr)/, '')}
      />,
      422,
    );
  });

  return app;
}
