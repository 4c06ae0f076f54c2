import type { Db } from '../../../platform/database/connect.ts';
import type { Body, MembershipRole } from '../domain/body.ts';

const bodyColumns = ['id', 'processId', 'slug', 'typeKey', 'name', 'charter', 'membershipPolicy', 'status', 'position'] as const;

export async function bodiesOf(db: Db, processId: number): Promise<Array<Body & { memberCount: number }>> {
  const rows = await db
    .selectFrom('bodies')
    .select(bodyColumns)
    .select((eb) =>
      eb
        .selectFrom('memberships')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('memberships.bodyId', '=', 'bodies.id')
        .where('memberships.leftAt', 'is', null)
        .where('memberships.role', '!=', 'observer')
        .as('memberCount'),
    )
    .where('processId', '=', processId)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...(r as Body), memberCount: Number(r.memberCount ?? 0) }));
}

export async function bodyBySlug(db: Db, processId: number, slug: string): Promise<Body | null> {
  return ((await db.selectFrom('bodies').select(bodyColumns).where('processId', '=', processId).where('slug', '=', slug).executeTakeFirst()) as Body | undefined) ?? null;
}

export async function bodyById(db: Db, processId: number, id: number): Promise<Body | null> {
  return ((await db.selectFrom('bodies').select(bodyColumns).where('processId', '=', processId).where('id', '=', id).executeTakeFirst()) as Body | undefined) ?? null;
}

export async function nextBodyPosition(db: Db, processId: number): Promise<number> {
  const max = await db
    .selectFrom('bodies')
    .select((eb) => eb.fn.max('position').as('m'))
    .where('processId', '=', processId)
    .executeTakeFirst();
  return Number(max?.m ?? 0) + 1;
}

export type MemberRow = {
  membershipId: number;
  participantId: number;
  role: MembershipRole;
  joinedAt: Date;
  displayName: string;
  categoryKey: string;
  categoryOther: string | null;
};

export async function membersOf(db: Db, bodyId: number): Promise<MemberRow[]> {
  return db
    .selectFrom('memberships')
    .innerJoin('participants', 'participants.id', 'memberships.participantId')
    .select([
      'memberships.id as membershipId',
      'participants.id as participantId',
      'memberships.role',
      'memberships.joinedAt',
      'participants.displayName',
      'participants.categoryKey',
      'participants.categoryOther',
    ])
    .where('memberships.bodyId', '=', bodyId)
    .where('memberships.leftAt', 'is', null)
    .orderBy('participants.displayName')
    .execute();
}

export async function roleIn(db: Db, bodyId: number, participantId: number): Promise<{ membershipId: number; role: MembershipRole } | null> {
  const r = await db
    .selectFrom('memberships')
    .select(['id', 'role'])
    .where('bodyId', '=', bodyId)
    .where('participantId', '=', participantId)
    .where('leftAt', 'is', null)
    .executeTakeFirst();
  return r ? { membershipId: r.id, role: r.role } : null;
}
