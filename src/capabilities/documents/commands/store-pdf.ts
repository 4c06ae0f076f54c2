import type { Locale } from '../../../kernel/localized.ts';
import type { Db } from '../../../platform/database/connect.ts';
import { savePdf } from '../db/writes.ts';

/** The printed form of a published version, made once and kept (it is derived from the version, so it is not an event). */
export async function storePdf(db: Db, documentId: number, versionNumber: number, locale: Locale, bytes: Buffer): Promise<void> {
  await savePdf(db, { documentId, versionNumber, locale, bytes });
}
