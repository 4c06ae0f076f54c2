import type { SearchMessages } from './en.ts';

export const fr = {
  search: 'Rechercher',
  searchTitle: 'Rechercher dans ce processus',
  searchLabel: 'Rechercher dans les documents, les réunions et les décisions',
  searchHint:
    'Des mots en français ou en anglais ; les accents sont facultatifs. Mettez une expression « entre guillemets » droits ("…") et un signe moins devant un mot à exclure.',
  typeLabel: 'Type',
  anyType: 'Tout',
  bodyLabel: 'Instance ou groupe de travail',
  anyBody: 'Toutes les instances',
  submit: 'Rechercher',
  types: {
    document: 'Documents',
    meeting: 'Réunions',
    decision: 'Décisions',
  },
  typeOne: {
    document: 'Document',
    meeting: 'Réunion',
    decision: 'Décision',
  },
  results: (n: number, q: string, capped: boolean) =>
    capped ? `Plus de ${n} résultats pour « ${q} »` : n === 0 ? `Aucun résultat pour « ${q} »` : `${n} résultat${n <= 1 ? '' : 's'} pour « ${q} »`,
  noResultsHint: 'Essayez d’autres mots, moins de mots, ou l’autre langue.',
  empty: 'Tapez un ou plusieurs mots à rechercher.',
  tooLong: (max: number) => `Utilisez au plus ${max} caractères.`,
  previous: 'Résultats précédents',
  next: 'Plus de résultats',
  pageOf: (page: number) => `Page ${page}`,
  resultsNav: 'Pages de résultats',
  inOtherLanguage: 'Trouvé dans le texte anglais',
} satisfies SearchMessages;
