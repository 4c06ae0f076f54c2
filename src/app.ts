import type { Hono } from 'hono';
import { authRoutes } from './platform/auth/routes.tsx';
import type { AppEnv, Deps } from './platform/http/context.ts';
import { createShell, finishShell } from './platform/http/shell.tsx';
import { processRoutes } from './capabilities/processes/index.ts';
import { participantRoutes, participantsExtension } from './capabilities/participants/index.ts';
import { groupRoutes, groupsExtension } from './capabilities/groups/index.ts';
import { bodyDocumentsExtension, documentRoutes, documentsExtension, type DocumentPorts } from './capabilities/documents/index.ts';
import { searchExtension, searchRoutes } from './capabilities/search/index.ts';

/** Every route Concert serves. Assets must be built first (buildAssets). */
export function createApp(deps: Deps, ports: { documents?: DocumentPorts } = {}): Hono<AppEnv> {
  const app = createShell(deps);
  app.route('/', authRoutes(deps));
  app.route('/', processRoutes(deps, [searchExtension(), participantsExtension(deps), groupsExtension(deps), documentsExtension(deps)]));
  app.route('/', participantRoutes(deps));
  app.route('/', groupRoutes(deps, [bodyDocumentsExtension(deps)]));
  // Consensus outcomes of recommendations come in through ports.documents.outcomes once a consensus capability exists.
  app.route('/', documentRoutes(deps, ports.documents));
  app.route('/', searchRoutes(deps));
  return finishShell(app);
}
