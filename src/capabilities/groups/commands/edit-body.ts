import type { Actor } from '../../../kernel/actor.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { appendEvents } from '../../../platform/audit/audit-log.ts';
import { transact, type CommandDeps } from '../../../platform/commands.ts';
import { accessTo, canInProcess, type Process } from '../../processes/index.ts';
import { insertCharterVersion, updateBody } from '../db/writes.ts';
import type { Body } from '../domain/body.ts';
import { charterChanged, checkBodyInput, checkCharterEdit, type BodyInput, type BodyInputRefusal } from '../domain/edit.ts';

/**
 * Editing a body's name, charter and policy. Each change of charter is a new
 * version; a working group's charter changes only through its own consensus
 * decision once the process is public (see consensus proposals of kind scope).
 */
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
  const charterProblem = checkCharterEdit(body, input, process.status === 'published');
  if (charterProblem) return refuse(charterProblem);
  await transact(deps.db, async (trx) => {
    const now = deps.clock.now();
    await updateBody(trx, body.id, input);
    if (charterChanged(body.charter, input.charter)) await insertCharterVersion(trx, { bodyId: body.id, charter: input.charter, source: 'edited', proposalId: null, now });
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
      now,
    );
  });
  return ok(null);
}
