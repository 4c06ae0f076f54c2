import type { Locale } from '../../../kernel/localized.ts';
import { en, type ProcessMessages } from './en.ts';
import { fr } from './fr.ts';

const catalogs: Record<Locale, ProcessMessages> = { en, fr };
export const processMessages = (l: Locale): ProcessMessages => catalogs[l];
export type { ProcessMessages };
