import type { Localized } from '../../../kernel/localized.ts';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import { T } from '../../../platform/views/text.tsx';
import type { DocumentRecord } from '../domain/document.ts';
import { documentMessages } from '../messages/index.ts';
import { StateBadge } from './labels.tsx';

/** The documents of a process (on its page) or of a body (on the body's page). */
export function DocumentsSection(props: {
  ctx: PageCtx;
  processSlug: string;
  docs: Array<DocumentRecord & { bodyName?: Localized }>;
  /** Where "start a document" goes, when the reader may. */
  startHref: string | null;
  id: string;
  limit?: number;
}) {
  const { ctx } = props;
  const m = documentMessages(ctx.locale);
  const shown = props.limit ? props.docs.slice(0, props.limit) : props.docs;
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{m.documents}</h2>
      {props.docs.length === 0 ? <p class="muted">{m.noDocuments}</p> : null}
      <ul class="plain doc-list">
        {shown.map((d) => (
          <li>
            <a href={href(ctx, `/p/${props.processSlug}/documents/${d.slug}`)}>
              <T value={d.title} locale={ctx.locale} />
            </a>{' '}
            <StateBadge state={d.state} locale={ctx.locale} />
            <span class="muted">
              {' '}
              {m.types[d.type]}
              {d.bodyName ? (
                <>
                  {' · '}
                  <T value={d.bodyName} locale={ctx.locale} />
                </>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
      <p class="actions">
        {props.docs.length > shown.length || props.limit ? <a href={href(ctx, `/p/${props.processSlug}/documents`)}>{m.allDocuments}</a> : null}
        {props.startHref ? (
          <a class="button secondary" href={props.startHref}>
            {m.newDocument}
          </a>
        ) : null}
      </p>
    </section>
  );
}
