import type { Child } from 'hono/jsx';
import { Layout } from './layout.tsx';
import type { PageCtx } from './page.ts';
import { href } from './page.ts';
import { platformMessages } from '../messages/index.ts';

/** A simple page with a title and a message: errors, confirmations. */
export function MessagePage(props: { ctx: PageCtx; title: string; body: string; children?: Child }) {
  const m = platformMessages(props.ctx.locale);
  return (
    <Layout ctx={props.ctx} title={props.title}>
      <h1>{props.title}</h1>
      <p>{props.body}</p>
      {props.children}
      <p>
        <a href={href(props.ctx, '/')}>{m.backHome}</a>
      </p>
    </Layout>
  );
}
