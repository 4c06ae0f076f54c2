import type { Actor } from '../../../kernel/actor.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import { accessTo, canInProcess, type Process } from '../../processes/index.ts';
import { updateBody } from '../db/writes.ts';
import type { Body } from '../domain/body.ts';
import { checkBodyInput, type BodyInput, type BodyInputRefusal } from '../domain/edit.ts';

/** Editing a body's name, charter and policy. The charter is versioned through the audit log's record of each edit. */
export async function editBody(deps: CommandDeps, actor: Actor, process: Process, body: Body, input: BodyInput): Promise<Result<null, BodyInputRefusal>> {
  const access = await accessTo(deps.db, process, actor);
  const problem = checkBodyInput(
    {
      organizer: canInProcess(access, process, 'manage-bodies'),
      bodyTypes: process.bodyTypes,
      officialLanguages: process.officialLanguages,
      processPublished: process.status === 'published',
    },
    input,
  );
  if (problem) return refuse(problem);
  await transact(deps.db, async (trx) => {
    await updateBody(trx, body.id, input);
    await appendEvents(
      trx,
      process.id,
      actor,
      [
        {
          action: 'body.edited',
          subjectType: 'body',
          subjectId: body.slug,
          data: { name: input.name, before: { name: body.name, charter: body.charter, membershipPolicy: body.membershipPolicy }, after: input },
        },
      ],
      deps.clock.now(),
    );
  });
  return ok(null);
}
