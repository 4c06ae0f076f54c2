import { Hono } from 'hono';
import type { AppEnv, Deps } from '../../../platform/http/context.ts';
import { groupsRoutes } from './groups-routes.tsx';
import { registerRoutes } from './register-routes.tsx';
import { reportRoutes } from './report-routes.tsx';

/** Answering public input: groups, the disposition register, "what we heard". */
export function answerRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.route('/', groupsRoutes(deps));
  app.route('/', registerRoutes(deps));
  app.route('/', reportRoutes(deps));
  return app;
}
