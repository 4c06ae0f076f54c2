import type { Db } from '../../../platform/database/connect.ts';
import type { Process } from '../domain/process.ts';
import type { RulesVersion } from '../domain/rules.ts';
import type { Phase } from '../domain/timeline.ts';

const processColumns = [
  'id',
  'slug',
  'title',
  'summary',
  'scope',
  'convenerName',
  'officialLanguages',
  'status',
  'stakeholderCategories',
  'bodyTypes',
  'consensusSettings',
  'timeZone',
  'publishedAt',
] as const;

export async function findProcessBySlug(db: Db, slug: string): Promise<Process | null> {
  const row = await db.selectFrom('processes').select(processColumns).where('slug', '=', slug).executeTakeFirst();
  return (row as Process | undefined) ?? null;
}

/** The process row, locked for the rest of the transaction (decisions on it cannot race). */
export async function lockProcess(trx: Db, id: number): Promise<Process | null> {
  const row = await trx.selectFrom('processes').select(processColumns).where('id', '=', id).forUpdate().executeTakeFirst();
  return (row as Process | undefined) ?? null;
}

export async function findProcessById(db: Db, id: number): Promise<Process | null> {
  const row = await db.selectFrom('processes').select(processColumns).where('id', '=', id).executeTakeFirst();
  return (row as Process | undefined) ?? null;
}

/** Published processes, plus drafts the user convenes (or all drafts for an admin). */
export async function listProcesses(db: Db, viewer: { userId: number | null; isAdmin: boolean }): Promise<Process[]> {
  let q = db.selectFrom('processes').select(processColumns);
  if (!viewer.isAdmin) {
    q = q.where((eb) =>
      eb.or([
        eb('status', '=', 'published'),
        ...(viewer.userId
          ? [eb.exists(eb.selectFrom('processRoles').select('processId').whereRef('processRoles.processId', '=', 'processes.id').where('processRoles.userId', '=', viewer.userId))]
          : []),
      ]),
    );
  }
  return (await q.orderBy('createdAt', 'desc').execute()) as Process[];
}

export async function isConvener(db: Db, processId: number, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('processRoles')
    .select('userId')
    .where('processId', '=', processId)
    .where('userId', '=', userId)
    .where('role', '=', 'convener')
    .executeTakeFirst();
  return !!row;
}

export async function convenersOf(db: Db, processId: number): Promise<Array<{ userId: number; name: string }>> {
  return db
    .selectFrom('processRoles')
    .innerJoin('users', 'users.id', 'processRoles.userId')
    .select(['users.id as userId', 'users.name'])
    .where('processRoles.processId', '=', processId)
    .orderBy('users.name')
    .execute();
}

export async function currentRules(db: Db, processId: number): Promise<RulesVersion | null> {
  const row = await db
    .selectFrom('rulesVersions')
    .select(['id', 'version', 'rules', 'consensusCriteria', 'note', 'adoptedOn', 'createdAt'])
    .where('processId', '=', processId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return (row as RulesVersion | undefined) ?? null;
}

export async function rulesHistory(db: Db, processId: number): Promise<RulesVersion[]> {
  return (await db
    .selectFrom('rulesVersions')
    .select(['id', 'version', 'rules', 'consensusCriteria', 'note', 'adoptedOn', 'createdAt'])
    .where('processId', '=', processId)
    .orderBy('version', 'desc')
    .execute()) as RulesVersion[];
}

export async function phasesOf(db: Db, processId: number): Promise<Phase[]> {
  return (await db
    .selectFrom('phases')
    .select(['id', 'position', 'kind', 'name', 'plannedStart', 'plannedEnd', 'bufferDays', 'actualEnd', 'forecastEnd'])
    .where('processId', '=', processId)
    .orderBy('position')
    .orderBy('plannedStart')
    .execute()) as Phase[];
}

export async function nextPhasePosition(db: Db, processId: number): Promise<number> {
  const max = await db
    .selectFrom('phases')
    .select((eb) => eb.fn.max('position').as('m'))
    .where('processId', '=', processId)
    .executeTakeFirst();
  return Number(max?.m ?? 0) + 1;
}

/** The actor's participant id in a process (a read of the participants table; its rules live in that capability). */
export async function participantIdFor(db: Db, processId: number, userId: number): Promise<number | null> {
  const row = await db.selectFrom('participants').select('id').where('processId', '=', processId).where('userId', '=', userId).executeTakeFirst();
  return row?.id ?? null;
}

export async function participantCount(db: Db, processId: number): Promise<number> {
  const r = await db
    .selectFrom('participants')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('processId', '=', processId)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}
