import type { ProcessExtension } from '../../processes/index.ts';
import { SearchBox } from '../views/search-box.tsx';

/** A search box on the process page. */
export function searchExtension(): ProcessExtension {
  return {
    async pageSection({ process, ctx }) {
      return { aside: <SearchBox ctx={ctx} processSlug={process.slug} /> };
    },
  };
}
