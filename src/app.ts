import type { Hono } from 'hono';
import { authRoutes } from './platform/auth/routes.tsx';
import type { AppEnv, Deps } from './platform/http/context.ts';
import { createShell, finishShell } from './platform/http/shell.tsx';
import { processRoutes } from './capabilities/processes/index.ts';
import { participantRoutes, participantsExtension } from './capabilities/participants/index.ts';
import { groupRoutes, groupsExtension } from './capabilities/groups/index.ts';
import { consensusBodyExtension, consensusExtension, consensusRoutes } from './capabilities/consensus/index.ts';

/** Every route Concert serves. Assets must be built first (buildAssets). */
export function createApp(deps: Deps): Hono<AppEnv> {
  const app = createShell(deps);
  app.route('/', authRoutes(deps));
  app.route('/', processRoutes(deps, [participantsExtension(deps), groupsExtension(deps), consensusExtension(deps)]));
  app.route('/', participantRoutes(deps));
  app.route('/', groupRoutes(deps, [consensusBodyExtension(deps)]));
  app.route('/', consensusRoutes(deps));
  return finishShell(app);
}
