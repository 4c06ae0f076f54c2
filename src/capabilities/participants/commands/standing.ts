import type { Db } from '../../../platform/database/connect.ts';
import { currentRules } from '../../processes/index.ts';
import { acceptancesOf, latestDeclaration } from '../db/queries.ts';
import { standingOf, type Standing } from '../domain/standing.ts';

/** Whether a participant may take part now (declared, current rules accepted). */
export async function standingFor(db: Db, processId: number, participantId: number): Promise<Standing & { currentRulesVersion: number | null }> {
  const [decl, acc, rules] = await Promise.all([latestDeclaration(db, participantId), acceptancesOf(db, participantId), currentRules(db, processId)]);
  return {
    ...standingOf(
      decl,
      acc.map((a) => a.version),
      rules?.version ?? null,
    ),
    currentRulesVersion: rules?.version ?? null,
  };
}
