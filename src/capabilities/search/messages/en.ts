export const en = {
  search: 'Search',
  searchTitle: 'Search this process',
  searchLabel: 'Search documents, meetings and decisions',
  searchHint: 'Words in English or French; accents are optional. Use "quotes" for a phrase and a minus sign to leave a word out.',
  typeLabel: 'Type',
  anyType: 'Everything',
  bodyLabel: 'Body or working group',
  anyBody: 'All bodies',
  submit: 'Search',
  types: {
    document: 'Documents',
    meeting: 'Meetings',
    decision: 'Decisions',
  } as Record<string, string>,
  typeOne: {
    document: 'Document',
    meeting: 'Meeting',
    decision: 'Decision',
  } as Record<string, string>,
  results: (n: number, q: string, capped: boolean) =>
    capped ? `More than ${n} results for “${q}”` : n === 0 ? `No results for “${q}”` : `${n} result${n === 1 ? '' : 's'} for “${q}”`,
  noResultsHint: 'Try other words, fewer words, or the other language.',
  empty: 'Type one or more words to search for.',
  tooLong: (max: number) => `Use at most ${max} characters.`,
  previous: 'Previous results',
  next: 'More results',
  pageOf: (page: number) => `Page ${page}`,
  resultsNav: 'Result pages',
  inOtherLanguage: 'Found in the French text',
};

export type SearchMessages = typeof en;
