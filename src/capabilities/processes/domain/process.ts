import type { Locale, Localized } from '../../../kernel/localized.ts';

export type StakeholderCategory = { key: string; label: Localized; otherText?: boolean };
export type BodyType = { key: string; label: Localized };

/** "Almost none" and the quiet period are the process's own settings (PROCESS.md § Consensus). */
export type ConsensusSettings = {
  quietPeriodHours: number;
  almostNonePercent: number;
  almostNoneMax: number;
};

export type ProcessStatus = 'draft' | 'published';

export type Process = {
  id: number;
  slug: string;
  title: Localized;
  summary: Localized;
  scope: Localized;
  convenerName: Localized;
  officialLanguages: Locale[];
  status: ProcessStatus;
  stakeholderCategories: StakeholderCategory[];
  bodyTypes: BodyType[];
  consensusSettings: ConsensusSettings;
  timeZone: string;
  publishedAt: Date | null;
};

export const DEFAULT_CATEGORIES: StakeholderCategory[] = [
  { key: 'technical-community', label: { en: 'Technical community', fr: 'Communauté technique' } },
  { key: 'industry', label: { en: 'Industry', fr: 'Industrie' } },
  { key: 'government', label: { en: 'Government', fr: 'Gouvernement' } },
  { key: 'consumers', label: { en: 'Consumers and the public', fr: 'Consommateurs et public' } },
  { key: 'academia', label: { en: 'Academia', fr: 'Milieu universitaire' } },
  { key: 'civil-society', label: { en: 'Civil society', fr: 'Société civile' } },
  { key: 'other', label: { en: 'Other', fr: 'Autre' }, otherText: true },
];

export const DEFAULT_BODY_TYPES: BodyType[] = [
  { key: 'oversight-committee', label: { en: 'Oversight Committee', fr: 'Comité de surveillance' } },
  { key: 'multistakeholder-group', label: { en: 'Multistakeholder Group', fr: 'Groupe multipartite' } },
  { key: 'working-group', label: { en: 'Working Group', fr: 'Groupe de travail' } },
  { key: 'action-committee', label: { en: 'Action Committee', fr: "Comité d'action" } },
];

export const DEFAULT_CONSENSUS: ConsensusSettings = { quietPeriodHours: 72, almostNonePercent: 5, almostNoneMax: 2 };

/** The seed's rules of engagement, adopted at its kick-off; a process edits its own. */
export const DEFAULT_RULES: Localized[] = [
  {
    en: 'Treat people with respect: make sure everyone has a chance to express their ideas, and commit to thinking through and discussing all ideas expressed.',
    fr: 'Traiter les gens avec respect : veiller à ce que chacun ait la possibilité d’exprimer ses idées, et s’engager à réfléchir à toutes les idées exprimées et à en discuter.',
  },
  {
    en: 'Introverts: be proactive. Extroverts: use active listening skills.',
    fr: 'Personnes introverties : soyez proactives. Personnes extraverties : pratiquez l’écoute active.',
  },
  { en: 'Stay on topic and be concise and clear.', fr: 'Rester dans le sujet, être concis et clair.' },
  { en: 'Use "yes, and" instead of "no, but."', fr: 'Dire « oui, et » plutôt que « non, mais ».' },
  { en: 'Raise your hand to speak and do not interrupt.', fr: 'Lever la main pour prendre la parole et ne pas interrompre.' },
  { en: 'Declare conflicts of interest in advance.', fr: 'Déclarer ses conflits d’intérêts à l’avance.' },
  { en: 'Views matter more than numbers.', fr: 'Les points de vue comptent plus que le nombre.' },
  {
    en: 'Stick with decisions unless/until new information is brought to the table.',
    fr: 'S’en tenir aux décisions prises, à moins que de nouvelles informations ne soient présentées, et jusqu’à ce qu’elles le soient.',
  },
];

export const DEFAULT_CONSENSUS_CRITERIA: Localized[] = [
  { en: 'No one is arguing anymore.', fr: 'Plus personne ne conteste.' },
  { en: 'All dissenting views have been discussed.', fr: 'Tous les points de vue dissidents ont été discutés.' },
  {
    en: 'The majority agrees on a decision, a few can live with it, and none or almost none of the participants cannot live with it.',
    fr: 'La majorité est d’accord avec la décision, quelques personnes peuvent s’en accommoder, et aucun ou presque aucun participant ne peut pas s’en accommoder.',
  },
];

export function categoryLabel(process: Pick<Process, 'stakeholderCategories'>, key: string): Localized {
  return process.stakeholderCategories.find((c) => c.key === key)?.label ?? { en: key, fr: key };
}

export function bodyTypeLabel(process: Pick<Process, 'bodyTypes'>, key: string): Localized {
  return process.bodyTypes.find((t) => t.key === key)?.label ?? { en: key, fr: key };
}
