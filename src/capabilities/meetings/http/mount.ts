import { Hono } from 'hono';
import type { AppEnv, Deps } from '../../../platform/http/context.ts';
import type { MeetingExtension } from './extension-types.ts';
import { meetingLiveRoutes } from './live-routes.tsx';
import { loadMeeting } from './load.ts';
import { meetingRecordRoutes } from './record-routes.tsx';
import { meetingPageRoutes } from './routes.tsx';

/** Every meeting route, and those of the extensions (the speaker queue), which borrow the console and the loader. */
export function meetingRoutes(deps: Deps, extensions: readonly MeetingExtension[]) {
  const app = new Hono<AppEnv>();
  const pages = meetingPageRoutes(deps, extensions);
  const live = meetingLiveRoutes(deps, extensions);
  app.route('/', live.app);
  app.route('/', meetingRecordRoutes(deps, extensions, pages.meetingPageWith));
  app.route('/', pages.app);
  const helpers = { loadMeeting: (c: Parameters<typeof loadMeeting>[0]) => loadMeeting(c, deps), renderConsole: live.renderConsole, renderRoom: live.renderRoom };
  for (const x of extensions) if (x.routes) app.route('/', x.routes(helpers));
  return app;
}
