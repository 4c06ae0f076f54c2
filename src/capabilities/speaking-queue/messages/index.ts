import type { Locale } from '../../../kernel/localized.ts';
import { en, type QueueMessages } from './en.ts';
import { fr } from './fr.ts';

const catalogs: Record<Locale, QueueMessages> = { en, fr };
export const queueMessages = (l: Locale): QueueMessages => catalogs[l];
