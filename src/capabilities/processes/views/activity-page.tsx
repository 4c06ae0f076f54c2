import { formatDateTime } from '../../../kernel/i18n.ts';
import type { Locale, Localized } from '../../../kernel/localized.ts';
import type { AuditEntry } from '../../../platform/audit/audit-log.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import { T, plain } from '../../../platform/views/text.tsx';
import type { Process } from '../domain/process.ts';
import { processMessages } from '../messages/index.ts';

export type ActivityLabels = Record<Locale, Record<string, string>>;

/** What the event was about, when the event names it: a body, a phase, a person. */
function Subject(props: { data: Record<string, unknown>; locale: Locale }) {
  const { data } = props;
  const name = data.name && typeof data.name === 'object' ? (data.name as Localized) : null;
  // A capability may word the subject itself (a speaker and the reason for an override, say).
  const who = typeof data.label === 'string' ? data.label : typeof data.who === 'string' ? data.who : null;
  if (!name && !who) return null;
  return (
    <>
      {' — '}
      {name ? <T value={name} locale={props.locale} /> : null}
      {name && who ? ', ' : null}
      {who}
    </>
  );
}

export function ActivityPage(props: { ctx: PageCtx; process: Process; entries: AuditEntry[]; labels: ActivityLabels; olderHref: string | null }) {
  const { ctx, process } = props;
  const m = processMessages(ctx.locale);
  const base = `/p/${process.slug}`;
  const labels = props.labels[ctx.locale];
  return (
    <Layout
      ctx={ctx}
      title={m.activityTitle}
      crumbs={[
        { href: href(ctx, '/'), label: m.homeTitle },
        { href: href(ctx, base), label: process.title },
      ]}
    >
      <h1>{m.activityTitle}</h1>
      <p class="lede">{m.activityIntro}</p>
      {props.entries.length === 0 ? (
        <p>{m.noActivity}</p>
      ) : (
        <ol class="plain activity" reversed>
          {props.entries.map((e) => (
            <li id={`event-${e.id}`}>
              <time datetime={e.createdAt.toISOString()}>{formatDateTime(ctx.locale, e.createdAt, process.timeZone)}</time>
              {' — '}
              <strong>{e.actorName || m.someone}</strong> {labels[e.action] ?? e.action}
              <Subject data={e.data} locale={ctx.locale} />
            </li>
          ))}
        </ol>
      )}
      {props.olderHref ? (
        <p>
          <a href={props.olderHref}>{m.older}</a>
        </p>
      ) : null}
    </Layout>
  );
}
