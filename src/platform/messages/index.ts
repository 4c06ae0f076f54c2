import type { Locale } from '../../kernel/localized.ts';
import { en, type PlatformMessages } from './en.ts';
import { fr } from './fr.ts';

export type { PlatformMessages };
const catalogs: Record<Locale, PlatformMessages> = { en, fr };
export const platformMessages = (l: Locale): PlatformMessages => catalogs[l];
