import { JobRegistry } from './platform/jobs/queue.ts';
import { registerIntakeJobs } from './capabilities/public-comment/index.ts';

/** Every background job Concert runs, by name. Capabilities add theirs here. */
export function jobRegistry(): JobRegistry {
  const registry = new JobRegistry();
  // Public input intake: the period clock, verification mails.
  registerIntakeJobs(registry);
  return registry;
}
