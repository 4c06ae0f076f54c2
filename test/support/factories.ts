import type { Actor } from '../../src/kernel/actor.ts';
import type { Localized } from '../../src/kernel/localized.ts';
import { createUser } from '../../src/platform/auth/users.ts';
import type { CommandDeps } from '../../src/platform/commands.ts';
import { bodyBySlug, createBody } from '../../src/capabilities/groups/index.ts';
import { scheduleMeeting, type MeetingInput } from '../../src/capabilities/meetings/index.ts';
import { joinProcess } from '../../src/capabilities/participants/index.ts';
import { createProcess, currentRules, findProcessBySlug, publishProcess, type Process } from '../../src/capabilities/processes/index.ts';

/** Every generated text carries a script payload, so every view test also proves escaping. */
export const XSS = '<script>alert(1)</script>';
export const hostile = (label: string): Localized => ({ en: `${label} ${XSS}`, fr: `${label} (fr) ${XSS}` });

let n = 0;
const next = () => `${Date.now().toString(36)}${++n}`;

export async function makeUser(deps: CommandDeps, o: { isAdmin?: boolean; name?: string } = {}): Promise<Actor & { kind: 'user' }> {
  const name = o.name ?? `Person ${next()} ${XSS}`;
  const { id } = await createUser(deps.db, { email: `p${next()}@example.org`, name, isAdmin: o.isAdmin ?? false });
  return { kind: 'user', userId: id, name, isAdmin: o.isAdmin ?? false };
}

export async function makeProcess(
  deps: CommandDeps,
  o: { convener?: Actor; publish?: boolean; slug?: string } = {},
): Promise<{ process: Process; convener: Actor & { kind: 'user' } }> {
  const convener = (o.convener as Actor & { kind: 'user' }) ?? (await makeUser(deps, { isAdmin: true }));
  const slug = o.slug ?? `p-${next()}`;
  const r = await createProcess(deps, convener, slug, {
    title: hostile('Title'),
    summary: hostile('Summary'),
    scope: hostile('Scope'),
    convenerName: hostile('Convener'),
    officialLanguages: ['en', 'fr'],
    timeZone: 'America/Toronto',
  });
  if (!r.ok) throw new Error(r.refusal);
  let process = (await findProcessBySlug(deps.db, slug))!;
  if (o.publish !== false) {
    const p = await publishProcess(deps, convener, process);
    if (!p.ok) throw new Error(p.refusal);
    process = (await findProcessBySlug(deps.db, slug))!;
  }
  return { process, convener };
}

export async function makeParticipant(
  deps: CommandDeps,
  process: Process,
  o: { actor?: Actor & { kind: 'user' }; category?: string; interests?: string | null } = {},
): Promise<{ actor: Actor & { kind: 'user' }; participantId: number }> {
  const actor = o.actor ?? (await makeUser(deps));
  const rules = (await currentRules(deps.db, process.id))!;
  const r = await joinProcess(deps, actor, process, {
    profile: {
      displayName: `Participant ${next()} ${XSS}`,
      categoryKey: o.category ?? 'civil-society',
      categoryOther: o.category === 'other' ? `Other ${XSS}` : null,
      affiliation: `Org ${XSS}`,
      representation: 'organization',
      organization: `On behalf of ${XSS}`,
    },
    acceptedRulesVersion: rules.version,
    declaration: o.interests === null ? { hasInterests: false, text: null } : { hasInterests: true, text: o.interests ?? `Interest ${XSS}` },
  });
  if (!r.ok) throw new Error(r.refusal);
  return { actor, participantId: r.value.participantId };
}

export async function makeBody(
  deps: CommandDeps,
  process: Process,
  convener: Actor,
  o: { policy?: 'open' | 'self-select' | 'appointed'; slug?: string; typeKey?: string } = {},
): Promise<string> {
  const slug = o.slug ?? `wg-${next()}`;
  const r = await createBody(deps, convener, process, slug, {
    typeKey: o.typeKey ?? 'working-group',
    name: hostile('Body'),
    charter: hostile('Charter'),
    membershipPolicy: o.policy ?? 'self-select',
  });
  if (!r.ok) throw new Error(r.refusal);
  return slug;
}

/** Asserts a page escaped the payload: the raw tag never appears, its escaped form does. */
export function assertEscaped(html: string): void {
  if (html.includes(XSS)) throw new Error('unescaped <script> payload found in page');
}

/** A document drafted by a body, its English text given, the French (if any) added passage for passage. */
export async function makeDocument(
  deps: CommandDeps,
  process: Process,
  actor: Actor,
  bodySlug: string,
  o: { en: string; fr?: string; slug?: string; type?: 'report' | 'guidelines' | 'recommendations' } = { en: '' },
): Promise<string> {
  const { bodyBySlug } = await import('../../src/capabilities/groups/index.ts');
  const { createDocument, documentBySlug, saveDocument } = await import('../../src/capabilities/documents/index.ts');
  const body = (await bodyBySlug(deps.db, process.id, bodySlug))!;
  const slug = o.slug ?? `doc-${next()}`;
  const r = await createDocument(deps, actor, process, body, { slug, type: o.type ?? 'report', title: hostile('Document'), lang: 'en', markdown: o.en });
  if (!r.ok) throw new Error(r.refusal);
  if (o.fr !== undefined) {
    const doc = (await documentBySlug(deps.db, process.id, slug))!;
    const s = await saveDocument(deps, actor, process, doc, { lang: 'fr', markdown: o.fr, title: doc.title, type: doc.type, baseVersion: doc.currentVersion, note: null });
    if (!s.ok) throw new Error(s.refusal);
  }
  return slug;
}

/** A meeting of a body (a webinar unless told), scheduled through the command, every text hostile. */
export async function makeMeeting(
  deps: CommandDeps,
  process: Process,
  chair: Actor,
  bodySlug: string,
  o: {
    format?: MeetingInput['format'];
    date?: string;
    start?: string;
    end?: string;
    repeat?: { intervalWeeks: number; count: number };
    capacity?: number | null;
    place?: boolean;
  } = {},
): Promise<number[]> {
  const body = (await bodyBySlug(deps.db, process.id, bodySlug))!;
  const inPerson = o.format === 'in-person-full-day' || o.format === 'in-person-half-day' || o.format === 'hybrid' || o.place;
  const r = await scheduleMeeting(
    deps,
    chair,
    process,
    body,
    {
      format: o.format ?? 'webinar',
      title: hostile('Meeting'),
      description: hostile('Description'),
      date: o.date ?? '2026-03-04',
      startTime: o.start ?? '13:00',
      endTime: o.end ?? '14:30',
      timeZone: 'America/Toronto',
      place: inPerson ? hostile('Place') : {},
      onlineUrl: 'https://meet.example.org/room?x=1&y=<script>',
      livestreamUrl: 'https://stream.example.org/live',
      capacity: o.capacity ?? null,
    },
    o.repeat ?? null,
  );
  if (!r.ok) throw new Error(r.refusal);
  return r.value.meetingIds;
}
