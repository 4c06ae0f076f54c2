import type { Locale } from '../../../kernel/localized.ts';
import { en, type RoomMessages } from './room-en.ts';
import { fr } from './room-fr.ts';

const catalogs: Record<Locale, RoomMessages> = { en, fr };
export const roomMessages = (l: Locale): RoomMessages => catalogs[l];
