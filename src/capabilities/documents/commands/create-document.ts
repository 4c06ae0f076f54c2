import type { Actor } from '../../../kernel/actor.ts';
import { hasText, type Locale, type Localized } from '../../../kernel/localized.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { isUniqueViolation, type CommandDeps, transact } from '../../../platform/commands.ts';
import type { Body } from '../../groups/index.ts';
import type { Process } from '../../processes/index.ts';
import { lockDocument } from '../db/queries.ts';
import { insertDocument } from '../db/writes.ts';
import type { DocumentType } from '../domain/document.ts';
import { documentRefusal, type DocumentRefusal } from '../domain/permissions.ts';
import { applyEdit } from '../domain/versioning.ts';
import { documentAccess } from './access.ts';
import { commitVersion } from './commit-version.ts';
import { parseSource, type SourceProblem } from './parse-source.ts';
import { prepareTexts } from './prepare-texts.ts';

export type CreateInput = { slug: string; type: DocumentType; title: Localized; lang: Locale; markdown: string };

/** A body starts a document: version 1 is its first text, in the language it is drafted in. */
export async function createDocument(
  deps: CommandDeps,
  actor: Actor,
  process: Process,
  body: Body,
  input: CreateInput,
): Promise<Result<{ slug: string }, DocumentRefusal | SourceProblem | 'no-title' | 'slug-taken' | 'body-closed'>> {
  const access = await documentAccess(deps.db, process, body.id, actor);
  const problem = documentRefusal(access, 'draft', 'create');
  if (problem) return refuse(problem);
  if (body.status === 'closed') return refuse('body-closed');
  if (!process.officialLanguages.some((l) => hasText(input.title, l))) return refuse('no-title');
  const source = parseSource(input.markdown);
  if (!source.ok) return source;
  const trailer: Localized = source.value.trailer ? { [input.lang]: source.value.trailer } : {};
  const edit = applyEdit({ blocks: [], nextAnchor: 1, title: {}, trailer: {} }, input.lang, source.value.parsed, 1, { title: input.title, trailer });
  const next = edit.ok ? edit.value : { blocks: [], nextAnchor: 1, anchors: { added: [], removed: [] }, summary: { added: 0, changed: 0, removed: 0, moved: 0 } };
  const prepared = prepareTexts(next.blocks, trailer, new Set());
  const now = deps.clock.now();
  try {
    await transact(deps.db, async (trx) => {
      const id = await insertDocument(trx, {
        processId: process.id,
        bodyId: body.id,
        slug: input.slug,
        type: input.type,
        title: input.title,
        createdBy: actor.kind === 'user' ? actor.userId : null,
        now,
      });
      const doc = await lockDocument(trx, id);
      await commitVersion(trx, {
        actor,
        process,
        doc,
        number: 1,
        next,
        prepared,
        title: input.title,
        type: input.type,
        trailer,
        editKind: 'create',
        language: input.lang,
        note: null,
        events: [{ action: 'document.created', subjectType: 'document', subjectId: input.slug, data: { title: input.title, type: input.type, body: body.slug } }],
        now,
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) return refuse('slug-taken');
    throw e;
  }
  return ok({ slug: input.slug });
}
