import type { Child } from 'hono/jsx';
import { formatDate, plural } from '../../../kernel/i18n.ts';
import { platformMessages, type PlatformMessages } from '../../../platform/messages/index.ts';
import type { Locale } from '../../../kernel/localized.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { PostButton } from '../../../platform/views/form.tsx';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import { Paragraphs, T, plain } from '../../../platform/views/text.tsx';
import type { ProcessAction } from '../domain/permissions.ts';
import type { Process } from '../domain/process.ts';
import type { MissingTranslation } from '../domain/publication.ts';
import type { RulesVersion } from '../domain/rules.ts';
import type { PhaseView } from '../domain/timeline.ts';
import { processMessages, type ProcessMessages } from '../messages/index.ts';
import { TimelineList } from './timeline.tsx';

/** Sections other capabilities contribute to the process page (bodies, participation). */
export type PageSection = { main?: Child; aside?: Child; actions?: Child };

export type ProcessPageData = {
  process: Process;
  can: Record<ProcessAction, boolean>;
  rules: RulesVersion | null;
  phases: PhaseView[];
  participantCount: number;
  missing: MissingTranslation[];
  sections: PageSection[];
};

/** What a missing text is, in the reader's words. */
export function gapName(m: ProcessMessages, locale: Locale, x: MissingTranslation): string {
  if (x.label) return plain(x.label, locale);
  const name = plain(x.ref?.name, locale);
  switch (x.field) {
    case 'rule':
      return m.gapRule(x.ref?.index ?? 0);
    case 'criterion':
      return m.gapCriterion(x.ref?.index ?? 0);
    case 'phase':
      return m.gapPhase(name);
    case 'category':
      return m.gapCategory(name);
    case 'bodyType':
      return m.gapBodyType(name);
    default:
      return ({ title: m.title, summary: m.summary, scope: m.scope, convenerName: m.convenerName } as Record<string, string>)[x.field] ?? x.field;
  }
}

export function gapList(m: ProcessMessages, pm: PlatformMessages, locale: Locale, missing: MissingTranslation[]): string {
  return `${m.publishBlocked} ${missing.map((x) => m.missingIn(gapName(m, locale, x), pm.languageName[x.language])).join('; ')}`;
}

export function ConsensusDefinition(props: { process: Process; rules: RulesVersion | null; ctx: PageCtx }) {
  const { ctx, process } = props;
  const m = processMessages(ctx.locale);
  const c = process.consensusSettings;
  return (
    <section aria-labelledby="consensus-h">
      <h2 id="consensus-h">{m.consensusTitle}</h2>
      <p>{m.consensusIntro}</p>
      <ol>
        {(props.rules?.consensusCriteria ?? []).map((r) => (
          <li>
            <T value={r} locale={ctx.locale} />
          </li>
        ))}
      </ol>
      <p class="muted">{c.almostNoneMax === 0 ? m.consensusZero(c.quietPeriodHours) : m.consensusSettings(c.quietPeriodHours, c.almostNonePercent, c.almostNoneMax)}</p>
    </section>
  );
}

export function ProcessPage(props: { ctx: PageCtx; data: ProcessPageData }) {
  const { ctx, data } = props;
  const { process: p } = data;
  const m = processMessages(ctx.locale);
  const pm = platformMessages(ctx.locale);
  const base = `/p/${p.slug}`;
  return (
    <Layout ctx={ctx} title={plain(p.title, ctx.locale)} crumbs={[{ href: href(ctx, '/'), label: m.homeTitle }]}>
      <h1>
        <T value={p.title} locale={ctx.locale} />
      </h1>
      {p.status === 'draft' ? (
        <div class="warning">
          <p>{m.draftNotice}</p>
          {data.can.publish && data.missing.length > 0 ? (
            <>
              <p>{m.publishBlocked}</p>
              <ul>
                {data.missing.map((x) => (
                  <li>{m.missingIn(gapName(m, ctx.locale, x), pm.languageName[x.language])}</li>
                ))}
              </ul>
            </>
          ) : null}
          {data.can.publish && data.missing.length === 0 ? <PostButton action={href(ctx, `${base}/publish`)} csrf={ctx.csrf} label={m.publish} /> : null}
        </div>
      ) : null}
      <p class="lede">
        <T value={p.summary} locale={ctx.locale} />
      </p>
      <div class="actions">
        {data.sections.map((s) => s.actions)}
        {data.can.edit ? (
          <>
            <a class="button secondary" href={href(ctx, `${base}/edit`)}>
              {m.editProcess}
            </a>
            <a class="button secondary" href={href(ctx, `${base}/settings`)}>
              {m.settings}
            </a>
          </>
        ) : null}
      </div>
      <div class="cols">
        <div>
          <dl class="facts">
            <dt>{m.convener}</dt>
            <dd>
              <T value={p.convenerName} locale={ctx.locale} />
            </dd>
            <dt>{m.officialLanguages}</dt>
            <dd>{p.officialLanguages.map((l) => pm.languageName[l]).join(', ')}</dd>
            <dt>{m.participants}</dt>
            <dd>
              <a href={href(ctx, `${base}/participants`)}>{plural(ctx.locale, data.participantCount, m.participantsCount)}</a>
            </dd>
            {p.publishedAt ? (
              <>
                <dt>{m.status}</dt>
                <dd>{m.publishedOn(formatDate(ctx.locale, p.publishedAt, p.timeZone))}</dd>
              </>
            ) : null}
          </dl>
          <section aria-labelledby="scope-h">
            <h2 id="scope-h">{m.scope}</h2>
            <Paragraphs value={p.scope} locale={ctx.locale} />
          </section>
          {data.sections.map((s) => s.main)}
          <section aria-labelledby="timeline-h">
            <h2 id="timeline-h">{m.timeline}</h2>
            <TimelineList phases={data.phases} locale={ctx.locale} />
            <p>
              <a href={href(ctx, `${base}/timeline`)}>{m.fullTimeline}</a>
            </p>
          </section>
        </div>
        <div>
          {data.sections.map((s) => s.aside)}
          <section aria-labelledby="rules-h" class="panel">
            <h2 id="rules-h">{m.rulesTitle}</h2>
            <ol>
              {(data.rules?.rules ?? []).map((r) => (
                <li>
                  <T value={r} locale={ctx.locale} />
                </li>
              ))}
            </ol>
            <p>
              <a href={href(ctx, `${base}/rules`)}>
                {data.rules ? m.rulesVersion(data.rules.version) : ''}
                {data.rules?.adoptedOn ? `, ${m.rulesAdopted(formatDate(ctx.locale, data.rules.adoptedOn))}` : ''}
              </a>
            </p>
          </section>
          <div class="panel">
            <ConsensusDefinition process={p} rules={data.rules} ctx={ctx} />
          </div>
          <p>
            <a href={href(ctx, `${base}/activity`)}>{m.activityTitle}</a>
          </p>
        </div>
      </div>
    </Layout>
  );
}
