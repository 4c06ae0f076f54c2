import type { Locale } from '../../../kernel/localized.ts';
import { en, type GroupMessages } from './en.ts';
import { fr } from './fr.ts';

const catalogs: Record<Locale, GroupMessages> = { en, fr };
export const groupMessages = (l: Locale): GroupMessages => catalogs[l];
