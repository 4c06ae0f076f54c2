// Public input test data made directly in the tables (the intake commands are
// built in parallel): a period on a document, comments with given texts.
import { randomBytes } from 'node:crypto';
import type { Actor } from '../../src/kernel/actor.ts';
import type { CommandDeps } from '../../src/platform/commands.ts';
import type { Process } from '../../src/capabilities/processes/index.ts';
import { changeDocumentState, documentBySlug, type DocumentRecord } from '../../src/capabilities/documents/index.ts';
import { XSS, makeBody, makeDocument, makeProcess } from './factories.ts';

export const DOC_EN =
  '## Scope <script>alert(1)</script>\n\nDevices must ship with unique passwords.\n\nVendors publish a security contact.\n\n## Labels\n\nA label shows the support period.';
export const DOC_FR =
  '## Portée <script>alert(1)</script>\n\nLes appareils ont des mots de passe uniques.\n\nLes fabricants publient un contact sécurité.\n\n## Étiquettes\n\nUne étiquette indique la durée du support.';

export type InputSetup = {
  process: Process;
  convener: Actor & { kind: 'user' };
  body: string;
  doc: DocumentRecord;
  periodId: number;
};

/** A document in public input with a period, open at `now` unless `closed` (then it ended a day before). */
export async function makePeriod(deps: CommandDeps, o: { closed?: boolean; moderation?: 'pre' | 'post' } = {}): Promise<InputSetup> {
  const { process, convener } = await makeProcess(deps);
  const body = await makeBody(deps, process, convener);
  const slug = await makeDocument(deps, process, convener, body, { en: DOC_EN, fr: DOC_FR });
  let doc = (await documentBySlug(deps.db, process.id, slug))!;
  for (const to of ['plenary-review', 'public-input'] as const) {
    const r = await changeDocumentState(deps, convener, process, doc, to);
    if (!r.ok) throw new Error(`document to ${to}: ${r.refusal}`);
    doc = (await documentBySlug(deps.db, process.id, slug))!;
  }
  const now = deps.clock.now().getTime();
  const DAY = 86_400_000;
  const [startsAt, endsAt] = o.closed ? [new Date(now - 30 * DAY), new Date(now - DAY)] : [new Date(now - DAY), new Date(now + 30 * DAY)];
  const row = await deps.db
    .insertInto('commentPeriods')
    .values({
      processId: process.id,
      documentId: doc.id,
      versionNumber: doc.currentVersion,
      startsAt,
      endsAt,
      timeZone: 'America/Toronto',
      languagesLiveAt: startsAt,
      openedAt: startsAt,
      closedAt: o.closed ? endsAt : null,
      moderation: o.moderation ?? 'post',
      policy: JSON.stringify({ en: `Policy ${XSS}`, fr: `Politique ${XSS}` }),
      createdBy: convener.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { process, convener, body, doc, periodId: row.id };
}

export type CommentSpec = {
  text: string;
  status?: 'unverified' | 'pending' | 'published' | 'hidden';
  category?: string;
  anchor?: string | null;
  lang?: 'en' | 'fr';
  signatories?: number;
  name?: string;
  organization?: string | null;
};

/** Inserts comments as intake would have stored them (published unless told), returns their ids in order. */
export async function addComments(deps: Pick<CommandDeps, 'db'>, setup: Pick<InputSetup, 'periodId' | 'doc'>, specs: readonly CommentSpec[]): Promise<number[]> {
  if (specs.length === 0) return [];
  const rows = await deps.db
    .insertInto('publicComments')
    .values(
      specs.map((s) => ({
        periodId: setup.periodId,
        receipt: randomBytes(12).toString('base64url'),
        anchor: s.anchor ?? null,
        versionNumber: setup.doc.currentVersion,
        name: s.name ?? `Commenter ${XSS}`,
        organization: s.organization === undefined ? `Org ${XSS}` : s.organization,
        categoryKey: s.category ?? 'civil-society',
        email: 'someone@example.org',
        lang: s.lang ?? 'en',
        body: s.text,
        signatories: s.signatories ?? 1,
        status: s.status ?? 'published',
      })),
    )
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** A form letter: `count` copies of a template, each with its own added sentence. */
export function campaign(
  count: number,
  template = 'Please require unique passwords on every connected device sold in Canada, and publish a security contact for each vendor so that researchers can report flaws.',
): string[] {
  return Array.from({ length: count }, (_, i) => (i % 3 === 0 ? template : `${template} My own point ${i}: ${XSS}`));
}
