import type { Actor } from '../../../kernel/actor.ts';
import type { Db } from '../../../platform/database/connect.ts';
import { documentById, type DocumentRecord } from '../../documents/index.ts';
import type { Process } from '../../processes/index.ts';
import { findPeriod } from '../db/periods.ts';
import { phaseAt, type Period, type PeriodPhase } from '../domain/period.ts';
import type { InputAccess } from '../domain/permissions.ts';
import { inputAccess } from './access.ts';

export type PeriodContext = { period: Period; doc: DocumentRecord; access: InputAccess; phase: PeriodPhase };

/** A period of the process with its document, where the clock stands, and what the actor is for it. */
export async function periodContext(db: Db, process: Process, periodId: number, actor: Actor, now: Date): Promise<PeriodContext | null> {
  const period = await findPeriod(db, process.id, periodId);
  if (!period) return null;
  const doc = await documentById(db, process.id, period.documentId);
  if (!doc) return null;
  return { period, doc, access: await inputAccess(db, process, doc.bodyId, actor), phase: phaseAt(period, now) };
}
