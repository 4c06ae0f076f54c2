import type { Deps } from '../../../platform/http/context.ts';
import { canInProcess, type ProcessExtension } from '../../processes/index.ts';
import { bodiesOf } from '../db/queries.ts';
import { missingLanguages } from '../../../kernel/localized.ts';
import { plain } from '../../../platform/views/text.tsx';
import { groupMessages } from '../messages/index.ts';
import { BodiesSection } from '../views/bodies-section.tsx';

/** The list of bodies on the process page. */
export function groupsExtension(deps: Pick<Deps, 'db'>): ProcessExtension {
  return {
    activityLabels: { en: groupMessages('en').activity, fr: groupMessages('fr').activity },
    async translationGaps(process, languages) {
      const bodies = await bodiesOf(deps.db, process.id);
      const en = groupMessages('en');
      const fr = groupMessages('fr');
      return bodies.flatMap((b) => {
        const name = { en: plain(b.name, 'en'), fr: plain(b.name, 'fr') };
        return [
          ...missingLanguages(b.name, languages).map((language) => ({ field: 'bodyName', language, label: { en: en.gapBodyName(name.en), fr: fr.gapBodyName(name.fr) } })),
          ...missingLanguages(b.charter, languages).map((language) => ({
            field: 'bodyCharter',
            language,
            label: { en: en.gapBodyCharter(name.en), fr: fr.gapBodyCharter(name.fr) },
          })),
        ];
      });
    },
    async pageSection({ process, access, ctx }) {
      const bodies = await bodiesOf(deps.db, process.id);
      return { main: <BodiesSection ctx={ctx} process={process} bodies={bodies} canAdd={canInProcess(access, process, 'manage-bodies')} /> };
    },
  };
}

/** What other capabilities add to a body's page (its meetings, say), below the charter. */
