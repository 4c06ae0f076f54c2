import type { Locale } from '../../../kernel/localized.ts';
import { en, type ConsensusMessages } from './en.ts';
import { fr } from './fr.ts';

const catalogs: Record<Locale, ConsensusMessages> = { en, fr };
export const consensusMessages = (l: Locale): ConsensusMessages => catalogs[l];
