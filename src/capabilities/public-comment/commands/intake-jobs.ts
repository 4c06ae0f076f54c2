import type { JobRegistry } from '../../../platform/jobs/queue.ts';
import { sendVerificationMail } from './send-verification-mail.ts';
import { VERIFY_MAIL_JOB } from './submit-comment.ts';
import { PERIOD_CLOCK_JOB, tickPeriod } from './tick-period.ts';

/** The jobs intake needs: the period clock and verification mails. (comments.process is the answering side's.) */
export function registerIntakeJobs(registry: JobRegistry): JobRegistry {
  return registry.register(PERIOD_CLOCK_JOB, tickPeriod).register(VERIFY_MAIL_JOB, sendVerificationMail);
}
