import type { Db } from '../../../platform/database/connect.ts';
import type { Period } from '../domain/period.ts';

/** The columns that make a domain Period. */
export const PERIOD_COLUMNS = [
  'id',
  'processId',
  'documentId',
  'versionNumber',
  'startsAt',
  'endsAt',
  'timeZone',
  'languagesLiveAt',
  'openedAt',
  'closedAt',
  'allowAnonymous',
  'requireVerifiedEmail',
  'moderation',
] as const;

export async function findPeriod(db: Db, processId: number, periodId: number): Promise<Period | null> {
  const row = await db.selectFrom('commentPeriods').select(PERIOD_COLUMNS).where('id', '=', periodId).where('processId', '=', processId).executeTakeFirst();
  return row ?? null;
}

/** The periods of a document, newest first (a document may go back to public input after rework). */
export async function periodsOfDocument(db: Db, documentId: number): Promise<Period[]> {
  return db.selectFrom('commentPeriods').select(PERIOD_COLUMNS).where('documentId', '=', documentId).orderBy('id', 'desc').execute();
}
