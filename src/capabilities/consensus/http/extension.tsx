import type { Deps } from '../../../platform/http/context.ts';
import { bodiesOf, WORKING_GROUP, type BodyExtension } from '../../groups/index.ts';
import type { ProcessExtension } from '../../processes/index.ts';
import { proposalsOf } from '../db/queries.ts';
import { refusalFor } from '../domain/permissions.ts';
import { consensusMessages } from '../messages/index.ts';
import { BodyDecisionsSection, DecisionsSection } from '../views/decisions-list.tsx';

const SHOWN = 5;

/** The "Decisions" section of the process page, and the words for the activity log. */
export function consensusExtension(deps: Pick<Deps, 'db'>): ProcessExtension {
  return {
    activityLabels: { en: consensusMessages('en').activity, fr: consensusMessages('fr').activity },
    async pageSection({ process, ctx }) {
      const [proposals, bodies] = await Promise.all([proposalsOf(deps.db, process.id, { limit: SHOWN + 1 }), bodiesOf(deps.db, process.id)]);
      const names = new Map(bodies.map((b) => [b.id, { slug: b.slug, name: b.name }]));
      return { main: <DecisionsSection ctx={ctx} process={process} proposals={proposals.slice(0, SHOWN)} bodies={names} more={proposals.length > SHOWN} /> };
    },
  };
}

/** The "Decisions" section of a body's page: its proposals (drafts too, for its members), and the way to put one. */
export function consensusBodyExtension(deps: Pick<Deps, 'db'>): BodyExtension {
  return {
    async bodySection({ process, body, access, ctx }) {
      const insider = access.organizer || access.role !== null;
      const proposals = await proposalsOf(deps.db, process.id, { bodyId: body.id, includeDrafts: insider ? [body.id] : false });
      const canPropose = refusalFor({ ...access }, 'propose', { status: null, bodyClosed: body.status === 'closed' }) === null;
      return (
        <BodyDecisionsSection
          ctx={ctx}
          process={process}
          bodySlug={body.slug}
          proposals={proposals}
          canPropose={canPropose}
          canProposeScope={canPropose && body.typeKey === WORKING_GROUP && process.status === 'published'}
        />
      );
    },
  };
}
