import type { Process } from '../../processes/index.ts';
import type { AgendaItem } from '../domain/agenda.ts';
import { subjectsOf } from '../domain/subjects.ts';
import type { MeetingExtension, SubjectStatus } from './extension-types.ts';

/** Where each proposal or document an agenda links to stands now, asked of the capabilities that own them. */
export async function subjectStatuses(extensions: readonly MeetingExtension[], process: Process, items: readonly Pick<AgendaItem, 'links'>[]): Promise<Map<string, SubjectStatus>> {
  const subjects = items.flatMap((i) => subjectsOf(i.links, process.slug));
  const out = new Map<string, SubjectStatus>();
  if (subjects.length === 0) return out;
  for (const m of await Promise.all(extensions.filter((x) => x.subjectStatuses).map((x) => x.subjectStatuses!({ process, subjects })))) for (const [k, v] of m) out.set(k, v);
  return out;
}
