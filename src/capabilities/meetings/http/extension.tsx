import type { Deps } from '../../../platform/http/context.ts';
import type { BodyExtension } from '../../groups/index.ts';
import type { ProcessExtension } from '../../processes/index.ts';
import { meetingsOf } from '../db/queries.ts';
import { splitMeetings } from '../domain/listing.ts';
import { meetingMessages } from '../messages/index.ts';
import { MeetingsSection } from '../views/meetings-page.tsx';

/** The "Meetings" section of the process page (what is live, what is next) and the words of the activity log. */
export function meetingsExtension(deps: Pick<Deps, 'db' | 'clock'>): ProcessExtension {
  return {
    activityLabels: { en: meetingMessages('en').activity, fr: meetingMessages('fr').activity },
    async pageSection({ process, ctx }) {
      const { inProgress, upcoming } = splitMeetings(await meetingsOf(deps.db, process.id), deps.clock.now());
      return { main: <MeetingsSection ctx={ctx} process={process} inProgress={inProgress} upcoming={upcoming} base={`/p/${process.slug}`} showBody id="meetings-h" /> };
    },
  };
}

/** The same section on each body's page, for that body's meetings. */
export function meetingsBodyExtension(deps: Pick<Deps, 'db' | 'clock'>): BodyExtension {
  return {
    async bodySection({ process, body, ctx }) {
      const { inProgress, upcoming } = splitMeetings(await meetingsOf(deps.db, process.id, body.id), deps.clock.now());
      return (
        <MeetingsSection
          ctx={ctx}
          process={process}
          inProgress={inProgress}
          upcoming={upcoming}
          base={`/p/${process.slug}/bodies/${body.slug}`}
          showBody={false}
          id="body-meetings-h"
        />
      );
    },
  };
}
