import type { Child } from 'hono/jsx';
import { platformMessages } from '../../../platform/messages/index.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { ErrorSummary, type AnyFieldError } from '../../../platform/views/form.tsx';
import { href, type PageCtx } from '../../../platform/views/page.ts';
import { T, plain } from '../../../platform/views/text.tsx';
import { processMessages, type Process } from '../../processes/index.ts';
import type { Proposal } from '../domain/proposal.ts';
import { decisionPath } from './parts.tsx';

type Frame = {
  ctx: PageCtx;
  process: Process;
  proposal: Pick<Proposal, 'id' | 'title'>;
  title: string;
  errors?: Record<string, AnyFieldError> | null;
  labels: Record<string, string>;
  children?: Child;
};

/** A form page about one proposal: its crumbs lead back to the record. */
export function FormFrame(props: Frame) {
  const { ctx, process, proposal } = props;
  return (
    <Layout
      ctx={ctx}
      title={props.title}
      crumbs={[
        { href: href(ctx, '/'), label: processMessages(ctx.locale).homeTitle },
        { href: href(ctx, `/p/${process.slug}`), label: plain(process.title, ctx.locale) },
        { href: href(ctx, decisionPath(process, proposal.id)), label: plain(proposal.title, ctx.locale) },
      ]}
    >
      <h1>{props.title}</h1>
      <p class="muted">
        <T value={proposal.title} locale={ctx.locale} />
      </p>
      <ErrorSummary locale={ctx.locale} errors={props.errors} labels={props.labels} />
      {props.children}
    </Layout>
  );
}

export const langLabels = (ctx: PageCtx, name: string, label: string) => {
  const pm = platformMessages(ctx.locale);
  return { [`${name}_en`]: `${label} (${pm.languageName.en})`, [`${name}_fr`]: `${label} (${pm.languageName.fr})` };
};
