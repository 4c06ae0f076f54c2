import { JobRegistry } from './platform/jobs/queue.ts';
import { PROCESS_COMMENTS_JOB, processCommentsJob, registerIntakeJobs } from './capabilities/public-comment/index.ts';

/** Every background job Concert runs, by name. Capabilities add theirs here. */
export function jobRegistry(): JobRegistry {
  const registry = new JobRegistry();
  // Public input intake: the period clock, verification mails.
  registerIntakeJobs(registry);
  // Public input answering: fingerprints and groups after each burst of comments.
  registry.register(PROCESS_COMMENTS_JOB, processCommentsJob);
  return registry;
}
