import type { Localized } from '../../../kernel/localized.ts';
import type { Db } from '../../../platform/database/connect.ts';
import type { NewProcess, ProcessFields, ProcessSettings } from '../domain/edit.ts';
import type { PhaseInput } from '../domain/timeline.ts';

export async function insertProcess(db: Db, p: NewProcess, createdBy: number | null): Promise<number> {
  const { id } = await db
    .insertInto('processes')
    .values({
      slug: p.slug,
      title: JSON.stringify(p.title),
      summary: JSON.stringify(p.summary),
      scope: JSON.stringify(p.scope),
      convenerName: JSON.stringify(p.convenerName),
      officialLanguages: p.officialLanguages,
      timeZone: p.timeZone,
      stakeholderCategories: JSON.stringify(p.stakeholderCategories),
      bodyTypes: JSON.stringify(p.bodyTypes),
      consensusSettings: JSON.stringify(p.consensusSettings),
      createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function grantConvener(db: Db, processId: number, userId: number): Promise<void> {
  await db.insertInto('processRoles').values({ processId, userId, role: 'convener' }).execute();
}

export async function updateProcessFields(db: Db, processId: number, fields: ProcessFields, at: Date): Promise<void> {
  await db
    .updateTable('processes')
    .set({
      title: JSON.stringify(fields.title),
      summary: JSON.stringify(fields.summary),
      scope: JSON.stringify(fields.scope),
      convenerName: JSON.stringify(fields.convenerName),
      officialLanguages: fields.officialLanguages,
      timeZone: fields.timeZone,
      updatedAt: at,
    })
    .where('id', '=', processId)
    .execute();
}

export async function updateProcessSettings(db: Db, processId: number, settings: ProcessSettings, at: Date): Promise<void> {
  await db
    .updateTable('processes')
    .set({
      stakeholderCategories: JSON.stringify(settings.stakeholderCategories),
      bodyTypes: JSON.stringify(settings.bodyTypes),
      consensusSettings: JSON.stringify(settings.consensusSettings),
      updatedAt: at,
    })
    .where('id', '=', processId)
    .execute();
}

/** Only a draft becomes published, so of two concurrent publishes one finds nothing to change (false). */
export async function markPublished(db: Db, processId: number, at: Date): Promise<boolean> {
  const r = await db
    .updateTable('processes')
    .set({ status: 'published', publishedAt: at, updatedAt: at })
    .where('id', '=', processId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export type RulesVersionValues = { version: number; rules: Localized[]; consensusCriteria: Localized[]; note?: Localized; adoptedOn?: string | null };

export async function insertRulesVersion(db: Db, processId: number, v: RulesVersionValues, createdBy: number | null): Promise<void> {
  await db
    .insertInto('rulesVersions')
    .values({
      processId,
      version: v.version,
      rules: JSON.stringify(v.rules),
      consensusCriteria: JSON.stringify(v.consensusCriteria),
      // Left undefined (as for a new process's first version), Kysely omits the column and its default applies.
      note: v.note === undefined ? undefined : JSON.stringify(v.note),
      adoptedOn: v.adoptedOn,
      createdBy,
    })
    .execute();
}

const phaseValues = (input: PhaseInput) => ({
  kind: input.kind,
  name: JSON.stringify(input.name),
  plannedStart: input.plannedStart,
  plannedEnd: input.plannedEnd,
  bufferDays: input.bufferDays,
  actualEnd: input.actualEnd,
  forecastEnd: input.forecastEnd,
});

export async function insertPhase(db: Db, processId: number, position: number, input: PhaseInput): Promise<number> {
  const { id } = await db
    .insertInto('phases')
    .values({ ...phaseValues(input), processId, position })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** False when no phase of this process has that id. */
export async function updatePhase(db: Db, processId: number, phaseId: number, input: PhaseInput): Promise<boolean> {
  const r = await db.updateTable('phases').set(phaseValues(input)).where('id', '=', phaseId).where('processId', '=', processId).executeTakeFirst();
  return Number(r.numUpdatedRows) !== 0;
}

/** The removed phase, or null when no phase of this process has that id. */
export async function deletePhase(db: Db, processId: number, phaseId: number): Promise<{ name: Localized } | null> {
  return (await db.deleteFrom('phases').where('id', '=', phaseId).where('processId', '=', processId).returning('name').executeTakeFirst()) ?? null;
}
