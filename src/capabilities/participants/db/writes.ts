import type { Db } from '../../../platform/database/connect.ts';
import type { Profile } from '../domain/participant.ts';

export async function insertParticipant(db: Db, processId: number, userId: number, profile: Profile, at: Date): Promise<number> {
  const { id } = await db
    .insertInto('participants')
    .values({ processId, userId, ...profile, joinedAt: at, updatedAt: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateParticipantProfile(db: Db, participantId: number, profile: Profile, at: Date): Promise<void> {
  await db
    .updateTable('participants')
    .set({ ...profile, updatedAt: at })
    .where('id', '=', participantId)
    .execute();
}

export async function insertProfileHistory(db: Db, participantId: number, p: Profile, at: Date): Promise<void> {
  await db
    .insertInto('participantProfileHistory')
    .values({ participantId, ...p, recordedAt: at })
    .execute();
}

export async function lockParticipant(db: Db, participantId: number): Promise<void> {
  await db.selectFrom('participants').select('id').where('id', '=', participantId).forUpdate().execute();
}

export async function insertDeclaration(db: Db, participantId: number, declaration: { version: number; hasInterests: boolean; text: string | null }, at: Date): Promise<void> {
  await db
    .insertInto('coiDeclarations')
    .values({ participantId, ...declaration, declaredAt: at })
    .execute();
}

export async function insertAcceptance(db: Db, participantId: number, rulesVersionId: number, at: Date): Promise<void> {
  await db.insertInto('rulesAcceptances').values({ participantId, rulesVersionId, acceptedAt: at }).execute();
}

/** False when this participant had already accepted that version. */
export async function insertAcceptanceOnce(db: Db, participantId: number, rulesVersionId: number, at: Date): Promise<boolean> {
  const r = await db
    .insertInto('rulesAcceptances')
    .values({ participantId, rulesVersionId, acceptedAt: at })
    .onConflict((oc) => oc.doNothing())
    .returning('participantId')
    .executeTakeFirst();
  return !!r;
}
