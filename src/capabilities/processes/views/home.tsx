import { Layout } from '../../../platform/views/layout.tsx';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import { T } from '../../../platform/views/text.tsx';
import type { Process } from '../domain/process.ts';
import { processMessages } from '../messages/index.ts';

export function HomePage(props: { ctx: PageCtx; processes: Process[]; canCreate: boolean }) {
  const { ctx } = props;
  const m = processMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={m.homeTitle}>
      <h1>{m.homeTitle}</h1>
      <p class="lede">{m.homeIntro}</p>
      {props.canCreate ? (
        <p class="actions">
          <a class="button" href={href(ctx, '/processes/new')}>
            {m.startProcess}
          </a>
        </p>
      ) : null}
      {props.processes.length === 0 ? (
        <p>{m.noProcesses}</p>
      ) : (
        <ul class="grid">
          {props.processes.map((p) => (
            <li class="card">
              <h2>
                <a href={href(ctx, `/p/${p.slug}`)}>
                  <T value={p.title} locale={ctx.locale} />
                </a>
              </h2>
              {p.status === 'draft' ? (
                <p>
                  <span class="badge warn">{m.draft}</span>
                </p>
              ) : null}
              <p>
                <T value={p.summary} locale={ctx.locale} />
              </p>
              <p class="muted">
                {m.convener}: <T value={p.convenerName} locale={ctx.locale} />
              </p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
