import { sql } from 'kysely';
import type { Db } from '../../../platform/database/connect.ts';
import type { Declaration, Participant, Profile } from '../domain/participant.ts';

const participantColumns = ['id', 'processId', 'userId', 'displayName', 'categoryKey', 'categoryOther', 'affiliation', 'representation', 'organization', 'joinedAt'] as const;

export async function participantOfUser(db: Db, processId: number, userId: number): Promise<Participant | null> {
  return (await db.selectFrom('participants').select(participantColumns).where('processId', '=', processId).where('userId', '=', userId).executeTakeFirst()) ?? null;
}

export async function participantById(db: Db, processId: number, id: number): Promise<Participant | null> {
  return (await db.selectFrom('participants').select(participantColumns).where('processId', '=', processId).where('id', '=', id).executeTakeFirst()) ?? null;
}

export type ParticipantListing = Participant & { declaration: Declaration | null };

/** Everyone in a process with their latest declaration, in one query. */
export async function listParticipants(db: Db, processId: number, ids?: readonly number[]): Promise<ParticipantListing[]> {
  if (ids && ids.length === 0) return [];
  let q = db
    .selectFrom('participants as p')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('coiDeclarations as d')
          .select(['d.version', 'd.hasInterests', 'd.text', 'd.declaredAt'])
          .whereRef('d.participantId', '=', 'p.id')
          .orderBy('d.version', 'desc')
          .limit(1)
          .as('d'),
      (join) => join.onTrue(),
    )
    .select(['p.id', 'p.processId', 'p.userId', 'p.displayName', 'p.categoryKey', 'p.categoryOther', 'p.affiliation', 'p.representation', 'p.organization', 'p.joinedAt'])
    .select(['d.version', 'd.hasInterests', 'd.text', 'd.declaredAt'])
    .where('p.processId', '=', processId);
  if (ids) q = q.where('p.id', 'in', ids);
  const rows = await q.orderBy(sql`lower(p.display_name)`).execute();
  return rows.map(({ version, hasInterests, text, declaredAt, ...p }) => ({
    ...p,
    declaration: version === null ? null : { version, hasInterests: hasInterests!, text, declaredAt: declaredAt! },
  }));
}

export async function declarationsOf(db: Db, participantId: number): Promise<Declaration[]> {
  return db.selectFrom('coiDeclarations').select(['version', 'hasInterests', 'text', 'declaredAt']).where('participantId', '=', participantId).orderBy('version', 'desc').execute();
}

export async function latestDeclaration(db: Db, participantId: number): Promise<Declaration | null> {
  return (await declarationsOf(db, participantId))[0] ?? null;
}

export async function profileHistoryOf(db: Db, participantId: number): Promise<Array<Profile & { recordedAt: Date }>> {
  return db
    .selectFrom('participantProfileHistory')
    .select(['displayName', 'categoryKey', 'categoryOther', 'affiliation', 'representation', 'organization', 'recordedAt'])
    .where('participantId', '=', participantId)
    .orderBy('id', 'desc')
    .execute();
}

export async function acceptancesOf(db: Db, participantId: number): Promise<Array<{ version: number; acceptedAt: Date }>> {
  return db
    .selectFrom('rulesAcceptances')
    .innerJoin('rulesVersions', 'rulesVersions.id', 'rulesAcceptances.rulesVersionId')
    .select(['rulesVersions.version', 'rulesAcceptances.acceptedAt'])
    .where('rulesAcceptances.participantId', '=', participantId)
    .orderBy('rulesVersions.version', 'desc')
    .execute();
}

export async function membershipsOf(db: Db, participantId: number) {
  return db
    .selectFrom('memberships')
    .innerJoin('bodies', 'bodies.id', 'memberships.bodyId')
    .select(['bodies.slug', 'bodies.name', 'memberships.role'])
    .where('memberships.participantId', '=', participantId)
    .where('memberships.leftAt', 'is', null)
    .orderBy('bodies.position')
    .execute();
}
