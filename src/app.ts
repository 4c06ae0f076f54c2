import type { Hono } from 'hono';
import { authRoutes } from './platform/auth/routes.tsx';
import type { AppEnv, Deps } from './platform/http/context.ts';
import { createShell, finishShell } from './platform/http/shell.tsx';
import { processRoutes } from './capabilities/processes/index.ts';
import { participantRoutes, participantsExtension } from './capabilities/participants/index.ts';
import { groupRoutes, groupsExtension } from './capabilities/groups/index.ts';
import { consensusBodyExtension, consensusExtension, consensusRoutes, outcomesForPassages, consensusMeetingExtension } from './capabilities/consensus/index.ts';
import {
  bodyDocumentsExtension,
  documentRoutes,
  documentsExtension,
  documentsMeetingExtension,
  type DocumentPorts,
  type RecommendationOutcomes,
} from './capabilities/documents/index.ts';
import { searchExtension, searchRoutes } from './capabilities/search/index.ts';
import { meetingRoutes, meetingsBodyExtension, meetingsExtension } from './capabilities/meetings/index.ts';
import { speakingQueueMeetingExtension, speakingQueueProcessExtension } from './capabilities/speaking-queue/index.ts';
import { answerRoutes, COMMENT_BODY_LIMIT, intakeRoutes, intakeSection } from './capabilities/public-comment/index.ts';

/** Every route Concert serves. Assets must be built first (buildAssets). */
export function createApp(deps: Deps, ports: { documents?: DocumentPorts } = {}): Hono<AppEnv> {
  // The published report lists each recommendation with the decision on it: consensus answers for documents.
  const outcomes: RecommendationOutcomes = ({ process, documentSlug, anchors }) => outcomesForPassages(deps.db, process, documentSlug, anchors);
  const app = createShell(deps, { largeBodies: [COMMENT_BODY_LIMIT] });
  app.route('/', authRoutes(deps));
  app.route(
    '/',
    processRoutes(deps, [
      searchExtension(),
      participantsExtension(deps),
      meetingsExtension(deps),
      groupsExtension(deps),
      documentsExtension(deps),
      consensusExtension(deps),
      speakingQueueProcessExtension(),
    ]),
  );
  app.route('/', participantRoutes(deps));
  app.route('/', groupRoutes(deps, [meetingsBodyExtension(deps), bodyDocumentsExtension(deps), consensusBodyExtension(deps)]));
  app.route('/', meetingRoutes(deps, [speakingQueueMeetingExtension(deps), consensusMeetingExtension(deps), documentsMeetingExtension(deps)]));
  app.route('/', documentRoutes(deps, { outcomes, ...ports.documents, sections: [intakeSection(deps), ...(ports.documents?.sections ?? [])] }));
  app.route('/', consensusRoutes(deps));
  app.route('/', searchRoutes(deps));
  app.route('/', intakeRoutes(deps));
  app.route('/', answerRoutes(deps));
  return finishShell(app);
}
