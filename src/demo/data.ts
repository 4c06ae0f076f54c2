import type { Localized } from '../kernel/localized.ts';

// Facts from ../shared/seeds (the two public documents). Dates the sources do
// not give (the kick-off day, planned ends) are illustrative; so are every
// participant and organization below that the sources do not name: they are
// fictional and marked "(demo)" where they stand for a real organization.

export const process = {
  slug: 'iot-security',
  title: { en: 'Enhancing IoT Security', fr: 'Améliorer la sécurité de l’Internet des objets' },
  convenerName: { en: 'Internet Society', fr: 'Internet Society' },
  summary: {
    en: 'The Canadian Multistakeholder Process: Enhancing IoT Security brought government, civil society, the technical community, academia, industry and consumers together to develop a made-in-Canada approach to securing the Internet of Things.',
    fr: 'Le processus multipartite canadien « Améliorer la sécurité de l’Internet des objets » a réuni le gouvernement, la société civile, la communauté technique, le milieu universitaire, l’industrie et les consommateurs pour élaborer une approche canadienne de la sécurité de l’Internet des objets.',
  },
  scope: {
    en: 'The objective is to develop a shared set of definitions and benchmarks around the security of Internet-connected devices; shared guidelines to ensure security over their lifespan (including development, manufacturing, communications and management); and recommendations on IoT security for Canada.\n\nThe Internet Society convened the process in partnership with Innovation, Science and Economic Development Canada (ISED). Three self-selected working groups inform it, as do inputs from concurrent processes: a panel at the Canadian Internet Governance Forum, a Youth IGF survey, a French-language consultation in Quebec and a roundtable at the 2018 Indigenous Connectivity Summit.\n\nAll resources are published in English and French.',
    fr: 'L’objectif est d’élaborer un ensemble commun de définitions et de points de référence sur la sécurité des appareils connectés à Internet, des lignes directrices communes pour assurer leur sécurité pendant toute leur durée de vie (y compris la conception, la fabrication, les communications et la gestion) et des recommandations sur la sécurité de l’Internet des objets pour le Canada.\n\nL’Internet Society a organisé le processus en partenariat avec Innovation, Sciences et Développement économique Canada (ISDE). Trois groupes de travail autosélectionnés y contribuent, ainsi que des processus concurrents : un panel du Forum canadien sur la gouvernance d’Internet, un sondage du FGI jeunesse, une consultation en français au Québec et une table ronde du Sommet sur la connectivité autochtone de 2018.\n\nToutes les ressources sont publiées en anglais et en français.',
  },
};

export type DemoBody = { slug: string; typeKey: string; policy: 'open' | 'self-select' | 'appointed'; name: Localized; charter: Localized };

export const bodies: DemoBody[] = [
  {
    slug: 'oversight-committee',
    typeKey: 'oversight-committee',
    policy: 'appointed',
    name: { en: 'Oversight Committee', fr: 'Comité de surveillance' },
    charter: {
      en: 'Structures and supports the process. Its members are Innovation, Science and Economic Development Canada (ISED), the Canadian Internet Registration Authority (CIRA), the Canadian Internet Policy and Public Interest Clinic (CIPPIC), CANARIE and the Internet Society.\n\nThe Internet Society, reporting to the committee, manages the process.',
      fr: 'Structure et soutient le processus. Ses membres sont Innovation, Sciences et Développement économique Canada (ISDE), l’Autorité canadienne pour les enregistrements Internet (ACEI), la Clinique d’intérêt public et de politique d’Internet du Canada (CIPPIC), CANARIE et l’Internet Society.\n\nL’Internet Society, qui relève du comité, gère le processus.',
    },
  },
  {
    slug: 'multistakeholder-group',
    typeKey: 'multistakeholder-group',
    policy: 'open',
    name: { en: 'Multistakeholder Group', fr: 'Groupe multipartite' },
    charter: {
      en: 'Open to anyone. Informs the process, selects areas for research, identifies working group members, reviews documents and guides the development of the policy recommendations.\n\nIts meetings are open, public and livestreamed; recordings are posted after each meeting.',
      fr: 'Ouvert à tous. Alimente le processus, choisit les sujets de recherche, repère les membres des groupes de travail, examine les documents et oriente l’élaboration des recommandations.\n\nSes réunions sont ouvertes, publiques et diffusées en direct ; les enregistrements sont publiés après chaque réunion.',
    },
  },
  {
    slug: 'network-resilience',
    typeKey: 'working-group',
    policy: 'self-select',
    name: { en: 'Network Resilience', fr: 'Résilience des réseaux' },
    charter: {
      en: 'To develop a set of recommendations to protect the Internet from things and protect things from the Internet.',
      fr: 'Élaborer un ensemble de recommandations pour protéger Internet contre les objets et protéger les objets contre Internet.',
    },
  },
  {
    slug: 'device-labeling',
    typeKey: 'working-group',
    policy: 'self-select',
    name: { en: 'Device Labeling', fr: 'Étiquetage des appareils' },
    charter: {
      en: 'To scope out possible labeling regimes that could be applied and/or enhanced in the Canadian landscape.',
      fr: 'Cerner les régimes d’étiquetage qui pourraient être appliqués ou améliorés dans le contexte canadien.',
    },
  },
  {
    slug: 'consumer-education',
    typeKey: 'working-group',
    policy: 'self-select',
    name: { en: 'Consumer Education and Awareness', fr: 'Éducation et sensibilisation des consommateurs' },
    charter: {
      en: 'To establish an education and awareness framework to create a more security-conscious public.',
      fr: 'Établir un cadre d’éducation et de sensibilisation pour un public plus soucieux de la sécurité.',
    },
  },
  {
    slug: 'action-committee',
    typeKey: 'action-committee',
    policy: 'appointed',
    name: { en: 'Action Committee', fr: 'Comité d’action' },
    charter: {
      en: 'Created at the multistakeholder group’s final public meeting to carry out the IoT security recommendations.',
      fr: 'Créé lors de la dernière réunion publique du groupe multipartite pour mettre en œuvre les recommandations sur la sécurité de l’Internet des objets.',
    },
  },
];

export type DemoPhase = { kind: 'phase' | 'milestone'; name: Localized; start: string; end: string; buffer: number; actual: string | null };

export const phases: DemoPhase[] = [
  {
    kind: 'milestone',
    name: { en: 'Kick-off meeting: rules of engagement adopted', fr: 'Réunion de lancement : adoption des règles de participation' },
    start: '2018-04-16',
    end: '2018-04-16',
    buffer: 0,
    actual: '2018-04-16',
  },
  {
    kind: 'phase',
    name: { en: 'Working groups: research and drafting', fr: 'Groupes de travail : recherche et rédaction' },
    start: '2018-05-01',
    end: '2019-01-31',
    buffer: 21,
    actual: '2019-01-31',
  },
  { kind: 'phase', name: { en: 'Draft outcomes report', fr: 'Rapport provisoire des résultats' }, start: '2019-01-07', end: '2019-02-15', buffer: 14, actual: '2019-02-28' },
  {
    kind: 'milestone',
    name: { en: 'Canadian IGF panel on IoT labels; face-to-face meeting the next day', fr: 'Panel du FGI canadien sur l’étiquetage de l’IdO ; réunion en personne le lendemain' },
    start: '2019-02-27',
    end: '2019-02-27',
    buffer: 0,
    actual: '2019-02-27',
  },
  {
    kind: 'phase',
    name: { en: 'Public input period on the draft report', fr: 'Période de consultation publique sur le rapport provisoire' },
    start: '2019-02-28',
    end: '2019-04-05',
    buffer: 7,
    actual: '2019-04-05',
  },
  {
    kind: 'milestone',
    name: { en: 'Final meeting in Ottawa; action committee created', fr: 'Dernière réunion à Ottawa ; création du comité d’action' },
    start: '2019-04-18',
    end: '2019-04-18',
    buffer: 0,
    actual: '2019-04-18',
  },
  { kind: 'milestone', name: { en: 'Final report released', fr: 'Publication du rapport final' }, start: '2019-05-31', end: '2019-05-31', buffer: 14, actual: '2019-05-31' },
];

/** Fictional people. Category keys are the defaults; `org` means they speak on behalf of it. */
export type DemoPerson = { name: string; category: string; other?: string; affiliation: string; org?: string; interests?: string; bodies: string[]; facilitates?: string };

export const delegates: DemoPerson[] = [
  {
    name: 'ISED delegate (demo)',
    category: 'government',
    affiliation: 'Innovation, Science and Economic Development Canada',
    org: 'Innovation, Science and Economic Development Canada',
    bodies: ['oversight-committee', 'multistakeholder-group'],
  },
  {
    name: 'CIRA delegate (demo)',
    category: 'technical-community',
    affiliation: 'Canadian Internet Registration Authority',
    org: 'Canadian Internet Registration Authority',
    bodies: ['oversight-committee', 'multistakeholder-group'],
  },
  {
    name: 'CIPPIC delegate (demo)',
    category: 'academia',
    affiliation: 'Canadian Internet Policy and Public Interest Clinic',
    org: 'Canadian Internet Policy and Public Interest Clinic',
    bodies: ['oversight-committee', 'multistakeholder-group'],
  },
  { name: 'CANARIE delegate (demo)', category: 'technical-community', affiliation: 'CANARIE', org: 'CANARIE', bodies: ['oversight-committee', 'multistakeholder-group'] },
];

const first = [
  'Amélie',
  'Jordan',
  'Priya',
  'Mathieu',
  'Aisha',
  'Liam',
  'Noor',
  'Gabrielle',
  'Tomás',
  'Mei',
  'Kwame',
  'Élodie',
  'Ravi',
  'Chloé',
  'Ibrahim',
  'Sophie',
  'Daniel',
  'Ananya',
  'Félix',
  'Hana',
  'Olu',
  'Maëlle',
  'Samir',
  'Léa',
  'Caleb',
  'Inès',
  'Marcus',
  'Yuki',
  'Zoé',
  'Ethan',
  'Fatima',
  'Rémi',
];
const last = [
  'Tremblay',
  'Okafor',
  'Nguyen',
  'Gagnon',
  'Patel',
  'Roy',
  'Haddad',
  'Côté',
  'Silva',
  'Chen',
  'Mensah',
  'Bouchard',
  'Sharma',
  'Lévesque',
  'Diallo',
  'Martin',
  'Kowalski',
  'Iyer',
  'Bélanger',
  'Sato',
  'Adeyemi',
  'Pelletier',
  'Rahman',
  'Fortin',
  'Walker',
  'Benali',
  'Reid',
  'Tanaka',
  'Girard',
  'Brown',
  'Yusuf',
  'Morin',
];
const categories = [
  'technical-community',
  'industry',
  'government',
  'consumers',
  'academia',
  'civil-society',
  'industry',
  'technical-community',
  'civil-society',
  'academia',
  'consumers',
  'other',
];
const affiliations: Record<string, string[]> = {
  'technical-community': ['Northern Lights Networks (fictional)', 'Prairie Internet Exchange (fictional)', 'Open Protocol Collective (fictional)'],
  industry: ['Maple Device Labs (fictional)', 'Boréal Smart Home Inc. (fictional)', 'Lakeshore Telecom (fictional)'],
  government: ['A provincial digital ministry (fictional)', 'A municipal IT office (fictional)'],
  consumers: ['Consumers for Safe Tech (fictional)', 'Independent consumer'],
  academia: ['Université du Littoral Nord (fictional)', 'Western Coast University (fictional)'],
  'civil-society': ['Digital Rights Circle (fictional)', 'Connect the North Association (fictional)'],
  other: ['Youth IoT network (fictional)'],
};
const wgs = ['network-resilience', 'device-labeling', 'consumer-education'];

/** Thirty-two fictional participants across every category, deterministic. */
export function people(): DemoPerson[] {
  return first.map((f, i) => {
    const category = categories[i % categories.length]!;
    const aff = affiliations[category]!;
    const affiliation = aff[i % aff.length]!;
    const speaksForOrg = i % 3 === 0 && !affiliation.startsWith('Independent');
    const bodiesOf = ['multistakeholder-group', wgs[i % 3]!, ...(i % 5 === 0 ? [wgs[(i + 1) % 3]!] : [])];
    return {
      name: `${f} ${last[(i * 7) % last.length]}`,
      category,
      ...(category === 'other' ? { other: 'Youth' } : {}),
      affiliation,
      ...(speaksForOrg ? { org: affiliation } : {}),
      ...(i % 4 === 1 ? { interests: `Employed by ${affiliation}, which ${category === 'industry' ? 'sells connected devices' : 'takes part in IoT security work'}.` } : {}),
      bodies: bodiesOf,
      ...(i < 3 ? { facilitates: wgs[i]! } : {}),
    };
  });
}
