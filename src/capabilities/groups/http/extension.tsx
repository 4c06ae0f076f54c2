import type { Child } from 'hono/jsx';
import type { Deps } from '../../../platform/http/context.ts';
import type { PageCtx } from '../../../platform/views/page.ts';
import { canInProcess, type Process, type ProcessAccess, type ProcessExtension } from '../../processes/index.ts';
import type { Body } from '../domain/body.ts';
import { bodiesOf } from '../db/queries.ts';
import { groupMessages } from '../messages/index.ts';
import { BodiesSection } from '../views/bodies-section.tsx';

/** The list of bodies on the process page. */
export function groupsExtension(deps: Pick<Deps, 'db'>): ProcessExtension {
  return {
    activityLabels: { en: groupMessages('en').activity, fr: groupMessages('fr').activity },
    async pageSection({ process, access, ctx }) {
      const bodies = await bodiesOf(deps.db, process.id);
      return { main: <BodiesSection ctx={ctx} process={process} bodies={bodies} canAdd={canInProcess(access, process, 'manage-bodies')} /> };
    },
  };
}

/** What other capabilities add to a body's page (its meetings, say), below the charter. */
export type BodyExtension = {
  bodySection?(args: { process: Process; body: Body; access: ProcessAccess; ctx: PageCtx }): Promise<Child | null>;
};
