import type { Hono } from 'hono';
import { authRoutes } from './platform/auth/routes.tsx';
import type { AppEnv, Deps } from './platform/http/context.ts';
import { createShell, finishShell } from './platform/http/shell.tsx';
import { processRoutes } from './capabilities/processes/index.ts';
import { participantRoutes, participantsExtension } from './capabilities/participants/index.ts';
import { groupRoutes, groupsExtension } from './capabilities/groups/index.ts';
import { meetingRoutes, meetingsBodyExtension, meetingsExtension } from './capabilities/meetings/index.ts';
import { speakingQueueMeetingExtension, speakingQueueProcessExtension } from './capabilities/speaking-queue/index.ts';

/** Every route Concert serves. Assets must be built first (buildAssets). */
export function createApp(deps: Deps): Hono<AppEnv> {
  const app = createShell(deps);
  app.route('/', authRoutes(deps));
  app.route('/', processRoutes(deps, [participantsExtension(deps), meetingsExtension(deps), groupsExtension(deps), speakingQueueProcessExtension()]));
  app.route('/', participantRoutes(deps));
  app.route('/', groupRoutes(deps, [meetingsBodyExtension(deps)]));
  app.route('/', meetingRoutes(deps, [speakingQueueMeetingExtension(deps)]));
  return finishShell(app);
}
