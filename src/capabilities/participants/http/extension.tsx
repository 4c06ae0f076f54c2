import type { Deps } from '../../../platform/http/context.ts';
import { canInProcess, type ProcessExtension } from '../../processes/index.ts';
import { standingFor } from '../commands/standing.ts';
import { participantById } from '../db/queries.ts';
import { participantMessages } from '../messages/index.ts';
import { JoinAction, ParticipationPanel } from '../views/participation-section.tsx';

/** The participation panel and join button on the process page. */
export function participantsExtension(deps: Pick<Deps, 'db'>): ProcessExtension {
  return {
    activityLabels: { en: participantMessages('en').activity, fr: participantMessages('fr').activity },
    async pageSection({ process, access, ctx }) {
      if (access.participantId === null) {
        return { actions: <JoinAction ctx={ctx} process={process} canJoin={canInProcess(access, process, 'join')} /> };
      }
      const participant = (await participantById(deps.db, process.id, access.participantId))!;
      const standing = await standingFor(deps.db, process.id, participant.id);
      return { aside: <ParticipationPanel ctx={ctx} process={process} participant={participant} standing={standing} /> };
    },
  };
}
