import type { Locale } from '../../../kernel/localized.ts';
import { en, type SearchMessages } from './en.ts';
import { fr } from './fr.ts';

const catalogs: Record<Locale, SearchMessages> = { en, fr };
export const searchMessages = (l: Locale): SearchMessages => catalogs[l];
