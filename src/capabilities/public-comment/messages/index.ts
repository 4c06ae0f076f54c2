import type { Locale } from '../../../kernel/localized.ts';
import { en, type IntakeMessages } from './en.ts';
import { fr } from './fr.ts';

const catalogs: Record<Locale, IntakeMessages> = { en, fr };
export const intakeMessages = (l: Locale): IntakeMessages => catalogs[l];
