import type { Locale } from '../../../kernel/localized.ts';
import { en, type MeetingMessages } from './en.ts';
import { fr } from './fr.ts';

const catalogs: Record<Locale, MeetingMessages> = { en, fr };
export const meetingMessages = (l: Locale): MeetingMessages => catalogs[l];
