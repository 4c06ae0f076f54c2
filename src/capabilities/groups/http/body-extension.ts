import type { Child } from 'hono/jsx';
import type { PageCtx } from '../../../platform/views/page.ts';
import type { Process } from '../../processes/index.ts';
import type { Body } from '../domain/body.ts';
import type { BodyAccess } from '../domain/permissions.ts';

/** What other capabilities add to a body's page (its decisions, its meetings). */
export type BodyExtension = {
  /** A section of the body's page; null when there is nothing to show. */
  bodySection?(args: { process: Process; body: Body; access: BodyAccess; ctx: PageCtx }): Promise<Child | null>;
};
