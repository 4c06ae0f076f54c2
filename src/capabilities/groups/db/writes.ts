import type { Db } from '../../../platform/database/connect.ts';
import type { Localized } from '../../../kernel/localized.ts';
import type { BodyStatus, CharterSource, MembershipRole } from '../domain/body.ts';
import type { BodyInput } from '../domain/edit.ts';

export async function insertBody(db: Db, processId: number, slug: string, input: BodyInput, position: number): Promise<number> {
  const r = await db
    .insertInto('bodies')
    .values({
      processId,
      slug,
      typeKey: input.typeKey,
      name: JSON.stringify(input.name),
      charter: JSON.stringify(input.charter),
      membershipPolicy: input.membershipPolicy,
      position,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateBody(db: Db, bodyId: number, input: BodyInput): Promise<void> {
  await db
    .updateTable('bodies')
    .set({ typeKey: input.typeKey, name: JSON.stringify(input.name), charter: JSON.stringify(input.charter), membershipPolicy: input.membershipPolicy })
    .where('id', '=', bodyId)
    .execute();
}

/** Returns whether the status changed (a second click on "close" changes nothing). */
export async function updateBodyStatus(db: Db, bodyId: number, status: BodyStatus): Promise<boolean> {
  const r = await db.updateTable('bodies').set({ status }).where('id', '=', bodyId).where('status', '!=', status).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function insertMembership(db: Db, m: { bodyId: number; participantId: number; role: MembershipRole; joinedAt: Date; addedBy: number | null }): Promise<void> {
  await db.insertInto('memberships').values({ bodyId: m.bodyId, participantId: m.participantId, role: m.role, joinedAt: m.joinedAt, leftAt: null, addedBy: m.addedBy }).execute();
}

export async function changeRole(db: Db, membershipId: number, role: MembershipRole): Promise<void> {
  await db.updateTable('memberships').set({ role }).where('id', '=', membershipId).execute();
}

/**
 * Ends a membership that is still current; returns whether it did. A second
 * click (or two people at once) finds it already ended and changes nothing.
 */
export async function endMembership(db: Db, membershipId: number, at: Date): Promise<boolean> {
  const r = await db.updateTable('memberships').set({ leftAt: at }).where('id', '=', membershipId).where('leftAt', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** A new version of a body's charter; the earlier ones stay. */
export async function insertCharterVersion(db: Db, v: { bodyId: number; charter: Localized; source: CharterSource; proposalId: number | null; now: Date }): Promise<number> {
  const last = await db
    .selectFrom('bodyCharterVersions')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('bodyId', '=', v.bodyId)
    .executeTakeFirst();
  const version = Number(last?.v ?? 0) + 1;
  await db
    .insertInto('bodyCharterVersions')
    .values({ bodyId: v.bodyId, version, charter: JSON.stringify(v.charter), source: v.source, proposalId: v.proposalId, recordedAt: v.now })
    .execute();
  return version;
}

export async function updateCharter(db: Db, bodyId: number, charter: Localized): Promise<void> {
  await db
    .updateTable('bodies')
    .set({ charter: JSON.stringify(charter) })
    .where('id', '=', bodyId)
    .execute();
}
