import { formatDate } from '../../../kernel/i18n.ts';
import { PostButton } from '../../../platform/views/form.tsx';
import type { PageCtx } from '../../../platform/views/page.ts';
import type { DocumentState } from '../domain/document.ts';
import { needsBothLanguages } from '../domain/states.ts';
import { documentMessages } from '../messages/index.ts';
import { docHref } from './document-text.tsx';
import { languageName, StateBadge } from './labels.tsx';
import type { DocumentView } from './model.ts';

export type StatePanelData = {
  /** Transitions the actor may make (the gate aside). */
  transitions: DocumentState[];
  inStep: boolean;
  /** Who acts next, worded. */
  holder: string;
};

const ORDER = ['draft', 'wg-review', 'plenary-review', 'public-input', 'final', 'published'];

/** Where the document is on its review path, who acts next, how far the translation is, and the next steps. */
export function StatePanel(props: { ctx: PageCtx; view: DocumentView; data: StatePanelData }) {
  const { ctx, view, data } = props;
  const m = documentMessages(ctx.locale);
  const forward = (to: DocumentState) => ORDER.indexOf(to) > ORDER.indexOf(view.doc.state);
  const gated = data.transitions.filter((t) => needsBothLanguages(t));
  const shown = data.transitions.filter((t) => !needsBothLanguages(t) || data.inStep);
  return (
    <section class="panel doc-state" aria-labelledby="state-h">
      <h2 id="state-h" class="visually-hidden">
        {m.status}
      </h2>
      <dl class="facts">
        <dt>{m.status}</dt>
        <dd>
          <StateBadge state={view.doc.state} locale={ctx.locale} />
        </dd>
        <dt>{m.whoActsNext}</dt>
        <dd>{data.holder}</dd>
        <dt>{m.versions}</dt>
        <dd>
          <a href={docHref(ctx, view, '/versions')}>
            {m.versionSaved(view.version.number, formatDate(ctx.locale, view.version.createdAt, view.process.timeZone), view.version.authorName)}
          </a>
        </dd>
        <dt>{m.translation}</dt>
        <dd>
          <ul class="plain">
            {view.official.map((l) => {
              const c = view.report.counts[l];
              return <li>{m.translationLine(languageName(ctx.locale, l), c.current, c.outdated, c.missing)}</li>;
            })}
            {view.report.missingTitle.map((l) => (
              <li>{m.titleMissingIn(languageName(ctx.locale, l))}</li>
            ))}
          </ul>
          <a href={docHref(ctx, view, `/translate${view.report.problems.length ? '?show=todo' : ''}`)}>{m.sideBySide}</a>
        </dd>
      </dl>
      {shown.length ? (
        <div class="actions">
          {shown.map((to) => (
            <PostButton
              action={docHref(ctx, view, '/state')}
              csrf={ctx.csrf}
              label={forward(to) ? m.moveTo[to]! : (m.moveBackTo[to] ?? m.moveTo[to]!)}
              class={forward(to) ? undefined : 'secondary'}
              hidden={{ to, from: view.doc.state }}
            />
          ))}
        </div>
      ) : null}
      {gated.length && !data.inStep ? (
        <p class="warning">
          {view.blocks.length === 0 ? m.gateEmpty : m.gateExplained} <a href={docHref(ctx, view, '/translate?show=todo')}>{m.gateTodo}</a>
        </p>
      ) : null}
    </section>
  );
}
