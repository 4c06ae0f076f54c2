// The search capability: one index table that every capability feeds in the
// same transaction as its own writes, searched in English and French.
//
// To make something searchable:
//   1. in the transaction that saves it, call
//        indexEntries(trx, [{ processId, type: 'meeting', key: String(meeting.id), bodyId, path: `/p/${slug}/meetings/${id}`, title, text }])
//      (`path` has no language prefix; `title` and `text` are Localized, either language may be missing);
//      removeEntries(trx, { type: 'meeting', key }) when it goes away;
//      for many entries that live and die together (a document's sections), give them one `group`
//      and use syncGroup(trx, group, digests) to learn which to index again;
//   2. add the type to SEARCH_TYPES (domain/query.ts) and name it in messages/en.ts and fr.ts (`types`, `typeOne`).
// Filters by type and body, ranking, snippets and the result page then work as they do for documents.
export { indexEntries, removeEntries, syncGroup, digestOf, searchEntries, type SearchEntryInput, type SearchHit, type SearchResults } from './db/entries.ts';
export { SEARCH_TYPES, type SearchType } from './domain/query.ts';
export { searchRoutes } from './http/routes.tsx';
export { searchExtension } from './http/extension.tsx';
export { SearchBox } from './views/search-box.tsx';
export { searchMessages } from './messages/index.ts';
