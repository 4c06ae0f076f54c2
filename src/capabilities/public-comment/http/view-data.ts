import type { Db } from '../../../platform/database/connect.ts';
import { categoryLabel, type Process } from '../../processes/index.ts';
import { attachmentsOf, signatoryNamesOf, type StoredComment } from '../db/comments.ts';
import { phaseAt } from '../domain/period.ts';
import type { CommentView, PeriodView } from '../views/parts.tsx';
import type { LoadedPeriod } from './load.ts';

export function periodView(l: LoadedPeriod, now: Date): PeriodView {
  return {
    process: { slug: l.process.slug, title: l.process.title, officialLanguages: l.process.officialLanguages },
    period: l.period,
    doc: { slug: l.doc.slug, title: l.doc.title },
    phase: phaseAt(l.period, now),
  };
}

/** Comments as the views show them, with their attachments and named signatories. */
export async function commentViews(db: Db, process: Process, rows: StoredComment[]): Promise<CommentView[]> {
  const ids = rows.filter((r) => r.status !== 'hidden').map((r) => r.id);
  const [files, names] = await Promise.all([attachmentsOf(db, ids), signatoryNamesOf(db, ids)]);
  return rows.map((r) => ({
    id: r.id,
    receipt: r.receipt,
    anchor: r.anchor,
    name: r.name,
    anonymous: r.anonymous,
    organization: r.organization,
    category: categoryLabel(process, r.categoryKey),
    lang: r.lang,
    body: r.body,
    signatories: r.signatories,
    status: r.status,
    moderationReason: r.moderationReason,
    createdAt: r.createdAt,
    attachments: files.filter((f) => f.commentId === r.id),
    signatoryNames: names.filter((n) => n.commentId === r.id).map((n) => n.name),
  }));
}
