import type { Actor } from '../../../kernel/actor.ts';
import type { DomainEvent } from '../../../kernel/events.ts';
import type { Locale, Localized } from '../../../kernel/localized.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import type { Db } from '../../../platform/database/connect.ts';
import type { Process } from '../../processes/index.ts';
import { insertTexts, insertVersion, recordAnchors, updateAfterSave } from '../db/writes.ts';
import type { DocumentRecord, DocumentType } from '../domain/document.ts';
import type { NewVersion } from '../domain/versioning.ts';
import { indexDocument } from './index-document.ts';
import type { PreparedTexts } from './prepare-texts.ts';

/** Everything one new version writes, in the caller's transaction: texts, version, anchors, search index, audit events. */
export async function commitVersion(
  trx: Db,
  o: {
    actor: Actor;
    process: Process;
    doc: DocumentRecord;
    number: number;
    next: NewVersion;
    prepared: PreparedTexts;
    title: Localized;
    type: DocumentType;
    trailer: Localized;
    editKind: 'create' | 'edit' | 'translate';
    language: Locale | null;
    note: string | null;
    events: DomainEvent[];
    now: Date;
  },
): Promise<void> {
  const { actor, doc, prepared } = o;
  await insertTexts(trx, doc.id, prepared.fresh);
  await insertVersion(trx, {
    documentId: doc.id,
    number: o.number,
    state: doc.state,
    title: o.title,
    blocks: prepared.stored,
    trailer: o.trailer,
    editKind: o.editKind,
    language: o.language,
    note: o.note,
    summary: o.next.summary,
    createdBy: actor.kind === 'user' ? actor.userId : null,
    authorName: actor.kind === 'user' ? actor.name : null,
    now: o.now,
  });
  await updateAfterSave(trx, doc.id, { currentVersion: o.number, nextAnchor: o.next.nextAnchor, title: o.title, type: o.type, now: o.now });
  await recordAnchors(trx, doc.id, o.number, o.next.anchors);
  await indexDocument(trx, {
    processId: o.process.id,
    processSlug: o.process.slug,
    doc,
    title: o.title,
    blocks: o.next.blocks,
    hashOf: prepared.hashOf,
    plainOf: new Map(prepared.fresh.map((t) => [t.hash, t.plain])),
  });
  await appendEvents(trx, o.process.id, actor, o.events, o.now);
}
