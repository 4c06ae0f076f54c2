import { isLocale } from '../../../kernel/localized.ts';
import type { JobContext } from '../../../platform/jobs/queue.ts';
import { intakeMessages } from '../messages/index.ts';
import { documentTitleOf, periodById } from '../db/period-writes.ts';

/** The verification mail, sent by a job after the comment committed (a slow mail server never slows the form). */
export async function sendVerificationMail(payload: Record<string, unknown>, ctx: JobContext): Promise<void> {
  const { periodId, to, token, receipt, processSlug } = payload as Record<string, string | number | undefined>;
  if (typeof to !== 'string' || typeof token !== 'string' || typeof receipt !== 'string') return;
  const locale = isLocale(payload.locale) ? payload.locale : 'en';
  const m = intakeMessages(locale);
  const period = Number.isSafeInteger(Number(periodId)) ? await periodById(ctx.db, Number(periodId)) : undefined;
  if (!period) return;
  const title = await documentTitleOf(ctx.db, period.documentId);
  const link = `${ctx.publicUrl()}/${locale}/p/${String(processSlug)}/input/${period.id}/verify/${token}`;
  await ctx.mailer.send({ to, subject: m.mailSubject(title[locale] ?? title.en ?? title.fr ?? ''), text: m.mailBody(receipt, link) });
}
