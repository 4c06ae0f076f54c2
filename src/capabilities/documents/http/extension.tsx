import type { Deps } from '../../../platform/http/context.ts';
import { href } from '../../../platform/views/page.ts';
import { bodiesOf, type BodyExtension } from '../../groups/index.ts';
import type { ProcessExtension } from '../../processes/index.ts';
import { documentAccess } from '../commands/access.ts';
import { documentsOf } from '../db/queries.ts';
import { documentRefusal } from '../domain/permissions.ts';
import { documentMessages } from '../messages/index.ts';
import { DocumentsSection } from '../views/sections.tsx';

/** The documents section of the process page, and words for the activity log. */
export function documentsExtension(deps: Pick<Deps, 'db'>): ProcessExtension {
  return {
    activityLabels: { en: documentMessages('en').activity, fr: documentMessages('fr').activity },
    async pageSection({ process, access, ctx }) {
      const [docs, bodies] = await Promise.all([documentsOf(deps.db, process.id), bodiesOf(deps.db, process.id)]);
      const names = new Map(bodies.map((b) => [b.id, b.name]));
      const start = access.actor.kind === 'user' ? href(ctx, `/p/${process.slug}/documents/new`) : null;
      return {
        main: (
          <DocumentsSection
            ctx={ctx}
            processSlug={process.slug}
            docs={docs.map((d) => ({ ...d, bodyName: names.get(d.bodyId) ?? {} }))}
            startHref={start}
            id="documents-h"
            limit={8}
          />
        ),
      };
    },
  };
}

/** The documents a body drafts, on the body's page. */
export function bodyDocumentsExtension(deps: Pick<Deps, 'db'>): BodyExtension {
  return {
    async bodySection({ process, body, ctx }) {
      const docs = await documentsOf(deps.db, process.id, { bodyId: body.id });
      const access = ctx.actor.kind === 'user' ? await documentAccess(deps.db, process, body.id, ctx.actor) : null;
      const start =
        access && body.status === 'active' && documentRefusal(access, 'draft', 'create') === null ? href(ctx, `/p/${process.slug}/documents/new?body=${body.slug}`) : null;
      return <DocumentsSection ctx={ctx} processSlug={process.slug} docs={docs} startHref={start} id="body-documents-h" />;
    },
  };
}
