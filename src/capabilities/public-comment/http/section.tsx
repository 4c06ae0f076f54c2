import type { Deps } from '../../../platform/http/context.ts';
import { href } from '../../../platform/views/page.ts';
import type { DocumentSection } from '../../documents/index.ts';
import { inputAccess } from '../commands/access.ts';
import { periodsOfDocument } from '../db/periods.ts';
import { can, inputRefusal } from '../domain/permissions.ts';
import { phaseAt } from '../domain/period.ts';
import { intakeMessages } from '../messages/index.ts';
import { PeriodSection } from '../views/section.tsx';
import { passagesOf } from './load.ts';

/** The document page's public input section: the period in words, and where to comment while it is open. */
export function intakeSection(deps: Deps): DocumentSection {
  return async ({ process, processAccess, doc, ctx }) => {
    const [periods, access] = await Promise.all([periodsOfDocument(deps.db, doc.id), inputAccess(deps.db, process, doc.bodyId, ctx.actor, processAccess)]);
    const mayOpen = doc.state === 'public-input' && inputRefusal(access, 'open-period', 'scheduled') === null;
    const period = periods[0];
    if (!period && !mayOpen) return null;
    const now = deps.clock.now();
    const phase = period ? phaseAt(period, now) : null;
    const passages = period && phase === 'open' ? await passagesOf(deps, { process, period, doc: { ...doc, title: doc.title } }) : [];
    const m = intakeMessages(ctx.locale);
    return (
      <PeriodSection
        ctx={ctx}
        title={m.periodSection}
        v={
          period && phase
            ? { process: { slug: process.slug, title: process.title, officialLanguages: process.officialLanguages }, period, doc: { slug: doc.slug, title: doc.title }, phase }
            : null
        }
        passages={passages}
        canSubmit={!!phase && !!period && can(access, 'submit', phase)}
        scheduleHref={mayOpen && (!phase || phase === 'closed') ? href(ctx, `/p/${process.slug}/documents/${doc.slug}/input-period`) : null}
      />
    );
  };
}
