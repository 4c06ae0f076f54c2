import type { Locale } from '../../../kernel/localized.ts';
import { en, type DocumentMessages } from './en.ts';
import { fr } from './fr.ts';

const catalogs: Record<Locale, DocumentMessages> = { en, fr };
export const documentMessages = (l: Locale): DocumentMessages => catalogs[l];
