import type { Localized } from '../../../kernel/localized.ts';
import type { Db } from '../../../platform/database/connect.ts';
import type { Period } from '../domain/period.ts';
import { PERIOD_COLUMNS } from './periods.ts';

export type NewPeriod = Omit<Period, 'id' | 'openedAt' | 'closedAt'> & { policy: Localized; createdBy: number | null; now: Date };

export async function insertPeriod(trx: Db, p: NewPeriod): Promise<number> {
  const row = await trx
    .insertInto('commentPeriods')
    .values({
      processId: p.processId,
      documentId: p.documentId,
      versionNumber: p.versionNumber,
      startsAt: p.startsAt,
      endsAt: p.endsAt,
      timeZone: p.timeZone,
      languagesLiveAt: p.languagesLiveAt,
      allowAnonymous: p.allowAnonymous,
      requireVerifiedEmail: p.requireVerifiedEmail,
      moderation: p.moderation,
      policy: JSON.stringify(p.policy),
      createdBy: p.createdBy,
      createdAt: p.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function periodPolicy(db: Db, periodId: number): Promise<Localized> {
  const row = await db.selectFrom('commentPeriods').select('policy').where('id', '=', periodId).executeTakeFirst();
  return row?.policy ?? {};
}

export async function lockPeriod(trx: Db, periodId: number): Promise<Period | undefined> {
  return trx.selectFrom('commentPeriods').select(PERIOD_COLUMNS).where('id', '=', periodId).forUpdate().executeTakeFirst();
}

export async function markPeriod(trx: Db, periodId: number, set: { openedAt?: Date; closedAt?: Date; languagesLiveAt?: Date }): Promise<void> {
  await trx.updateTable('commentPeriods').set(set).where('id', '=', periodId).execute();
}

/** A period's times and rules after a change (see commands/change-period.ts). */
export async function updatePeriod(
  trx: Db,
  periodId: number,
  set: Pick<Period, 'startsAt' | 'endsAt' | 'timeZone' | 'allowAnonymous' | 'requireVerifiedEmail' | 'moderation'> & { policy: Localized },
): Promise<void> {
  await trx
    .updateTable('commentPeriods')
    .set({ ...set, policy: JSON.stringify(set.policy) })
    .where('id', '=', periodId)
    .execute();
}

/** A period by its id alone (jobs know no process). */
export async function periodById(db: Db, periodId: number): Promise<Period | undefined> {
  return db.selectFrom('commentPeriods').select(PERIOD_COLUMNS).where('id', '=', periodId).executeTakeFirst();
}

export async function documentTitleOf(db: Db, documentId: number): Promise<Localized> {
  const row = await db.selectFrom('documents').select('title').where('id', '=', documentId).executeTakeFirst();
  return (row?.title as Localized | undefined) ?? {};
}

export type PeriodDocument = { id: number; slug: string; title: Localized; bodyId: number; state: string; currentVersion: number };

/** The document a period is about, for titles and links. */
export async function periodDocument(db: Db, documentId: number): Promise<PeriodDocument | undefined> {
  const row = await db.selectFrom('documents').select(['id', 'slug', 'title', 'bodyId', 'state', 'currentVersion']).where('id', '=', documentId).executeTakeFirst();
  return row ? { ...row, title: row.title as Localized } : undefined;
}
