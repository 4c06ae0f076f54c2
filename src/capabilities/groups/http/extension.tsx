import type { Deps } from '../../../platform/http/context.ts';
import { canInProcess, type ProcessExtension } from '../../processes/index.ts';
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
