import type { Locale } from '../../../kernel/localized.ts';
import { en, type ParticipantMessages } from './en.ts';
import { fr } from './fr.ts';

const catalogs: Record<Locale, ParticipantMessages> = { en, fr };
export const participantMessages = (l: Locale): ParticipantMessages => catalogs[l];
