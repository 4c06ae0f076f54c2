import type { Deps } from '../../../platform/http/context.ts';
import { subjectKey, type MeetingExtension, type SubjectStatus } from '../../meetings/index.ts';
import { documentsOf } from '../db/queries.ts';
import { documentMessages } from '../messages/index.ts';

/** Documents in meetings: an agenda item that links to a document (or a passage) shows the document's review state. */
export function documentsMeetingExtension(deps: Pick<Deps, 'db'>): MeetingExtension {
  return {
    key: 'documents',
    async subjectStatuses({ process, subjects }) {
      const out = new Map<string, SubjectStatus>();
      const wanted = new Set(subjects.filter((s) => s.kind === 'document').map((s) => s.key));
      if (wanted.size === 0) return out;
      for (const d of await documentsOf(deps.db, process.id)) {
        if (!wanted.has(d.slug)) continue;
        out.set(subjectKey({ kind: 'document', key: d.slug }), { status: { en: documentMessages('en').states[d.state]!, fr: documentMessages('fr').states[d.state]! } });
      }
      return out;
    },
  };
}
