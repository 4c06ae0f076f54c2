import type { Locale } from '../../../kernel/localized.ts';
import { answerEn, type AnswerMessages } from './answer-en.ts';
import { answerFr } from './answer-fr.ts';

const catalogs: Record<Locale, AnswerMessages> = { en: answerEn, fr: answerFr };
export const answerMessages = (l: Locale): AnswerMessages => catalogs[l];
