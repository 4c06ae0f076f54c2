import type { Localized } from '../kernel/localized.ts';
import type { MeetingInput } from '../capabilities/meetings/index.ts';

// Meetings of the demo process. What the seeds say is marked "seed"; the rest
// (times, most agenda items, links) is illustrative and labelled so on the page.

type Item = { title: Localized; minutes: number; presenter?: string };
export type Demo = { body: string; input: Omit<MeetingInput, 'timeZone'>; agenda: Item[]; minutes?: Localized };

const illustrative: Localized = {
  en: 'Times, and agenda items other than those the public record gives, are illustrative.',
  fr: 'Les heures, et les points de l’ordre du jour autres que ceux que donne le dossier public, sont fictifs.',
};
const join = (a: Localized, b: Localized): Localized => ({ en: `${a.en}\n\n${b.en}`, fr: `${a.fr}\n\n${b.fr}` });
const none: Localized = {};
const demo = (d: Demo): Demo => d;

export const meetings = {
  // seed: at the kick-off, participants in person and online adopted the rules of engagement and defined consensus.
  kickoff: demo({
    body: 'msg',
    input: {
      format: 'in-person-full-day',
      title: { en: 'Kick-off meeting', fr: 'Réunion de lancement' },
      description: join(
        {
          en: 'The first meeting of the multistakeholder group, in person and online: ground rules for participation, future discussion and consensus-building.',
          fr: 'La première réunion du groupe multipartite, en personne et en ligne : règles de participation, suite des discussions et recherche du consensus.',
        },
        illustrative,
      ),
      date: '2018-04-16',
      startTime: '09:00',
      endTime: '17:00',
      place: { en: 'Venue not given in the sources (illustrative)', fr: 'Lieu non précisé dans les sources (fictif)' },
      onlineUrl: null,
      livestreamUrl: null,
      capacity: null,
    },
    agenda: [
      {
        title: { en: 'The multistakeholder process: how this group will work', fr: 'Le processus multipartite : comment ce groupe travaillera' },
        minutes: 60,
        presenter: 'Larry Strickling',
      },
      { title: { en: 'Rules of engagement', fr: 'Règles de participation' }, minutes: 90 },
      { title: { en: 'How the group will define consensus', fr: 'Comment le groupe définira le consensus' }, minutes: 90 },
    ],
    minutes: {
      en: '## Decisions\n\nParticipants, in person and online, adopted eight rules of engagement (see the rules page) and defined consensus as three criteria:\n\n1. No one is arguing anymore.\n2. All dissenting views have been discussed.\n3. The majority agrees on a decision, a few can live with it, and none or almost none of the participants cannot live with it.\n\n*Demo minutes, written from the public record.*',
      fr: '## Décisions\n\nLes participants, en personne et en ligne, ont adopté huit règles de participation (voir la page des règles) et défini le consensus selon trois critères :\n\n1. Plus personne ne conteste.\n2. Tous les points de vue dissidents ont été discutés.\n3. La majorité est d’accord avec la décision, quelques personnes peuvent s’en accommoder, et aucun ou presque aucun participant ne peut pas s’en accommoder.\n\n*Compte rendu de démonstration, rédigé d’après le dossier public.*',
    },
  }),
  // seed: "after pivoting to more webinars … engagement increased between multistakeholder meetings."
  webinars: demo({
    body: 'msg',
    input: {
      format: 'webinar',
      title: { en: 'Bi-weekly webinar', fr: 'Webinaire bimensuel' },
      description: join(
        { en: 'Updates from the working groups between in-person meetings.', fr: 'Nouvelles des groupes de travail entre les réunions en personne.' },
        illustrative,
      ),
      date: '2018-10-03',
      startTime: '13:00',
      endTime: '14:00',
      place: none,
      onlineUrl: 'https://meet.example.org/iot-msg',
      livestreamUrl: null,
      capacity: null,
    },
    agenda: [],
  }),
  movedWebinar: { en: 'Bi-weekly webinar (moved by a day, illustrative)', fr: 'Webinaire bimensuel (déplacé d’un jour, fictif)' } as Localized,
  roundtables: [
    ['network-resilience', { en: 'Network Resilience: virtual roundtable', fr: 'Résilience des réseaux : table ronde virtuelle' }, '2018-11-14'],
    ['device-labeling', { en: 'Device Labeling: virtual roundtable', fr: 'Étiquetage des appareils : table ronde virtuelle' }, '2018-11-21'],
    [
      'consumer-education',
      { en: 'Consumer Education and Awareness: virtual roundtable', fr: 'Éducation et sensibilisation des consommateurs : table ronde virtuelle' },
      '2018-11-28',
    ],
  ].map(([body, title, date]) =>
    demo({
      body: body as string,
      input: {
        format: 'virtual-roundtable',
        title: title as Localized,
        description: illustrative,
        date: date as string,
        startTime: '11:00',
        endTime: '12:30',
        place: none,
        onlineUrl: 'https://meet.example.org/iot-wg',
        livestreamUrl: null,
        capacity: null,
      },
      agenda: [],
    }),
  ),
  // seed: the Canadian IGF (27 Feb. 2019) held a panel on IoT labels; the IoT process met face to face at the same venue the next day.
  faceToFace: demo({
    body: 'msg',
    input: {
      format: 'in-person-full-day',
      title: { en: 'Face-to-face meeting at the Canadian IGF venue', fr: 'Réunion en personne au lieu du FGI canadien' },
      description: join(
        {
          en: 'Held at the venue of the Canadian Internet Governance Forum, the day after its panel "Considerations for Effective Internet of Things Labels". Many Canadian IGF participants took part.',
          fr: 'Tenue au lieu du Forum canadien sur la gouvernance d’Internet, au lendemain de son panel « Considérations pour des étiquettes efficaces pour l’Internet des objets ». De nombreux participants du FGI canadien y ont pris part.',
        },
        illustrative,
      ),
      date: '2019-02-28',
      startTime: '09:00',
      endTime: '16:30',
      place: { en: 'Same venue as the Canadian IGF, 27 February 2019', fr: 'Même lieu que le FGI canadien du 27 février 2019' },
      onlineUrl: null,
      livestreamUrl: null,
      capacity: null,
    },
    agenda: [
      { title: { en: 'Report from the Canadian IGF panel on IoT labels', fr: 'Compte rendu du panel du FGI canadien sur l’étiquetage de l’IdO' }, minutes: 60 },
      { title: { en: 'The draft outcomes report and the public input period', fr: 'Le rapport provisoire des résultats et la période de consultation publique' }, minutes: 120 },
      { title: { en: 'Working group sessions (illustrative)', fr: 'Séances des groupes de travail (fictif)' }, minutes: 180 },
    ],
    minutes: {
      en: '## Notes\n\nThe group heard from the Canadian IGF panel on IoT labels, many of whose speakers take part in the Device Labeling working group, and discussed the draft outcomes report, open for public input until early April.\n\n*Demo minutes, written from the public record.*',
      fr: '## Notes\n\nLe groupe a entendu le compte rendu du panel du FGI canadien sur l’étiquetage de l’IdO, dont de nombreux intervenants participent au groupe de travail sur l’étiquetage des appareils, et a discuté du rapport provisoire des résultats, soumis à la consultation publique jusqu’au début d’avril.\n\n*Compte rendu de démonstration, rédigé d’après le dossier public.*',
    },
  }),
  // seed: final meeting on 18 April 2019 in Ottawa; the group wrapped up the report and created an action committee.
  final: demo({
    body: 'msg',
    input: {
      format: 'in-person-full-day',
      title: { en: 'Final meeting', fr: 'Dernière réunion' },
      description: join(
        {
          en: 'The multistakeholder group wraps up the outcomes report and takes its recommendations forward.',
          fr: 'Le groupe multipartite met la dernière main au rapport des résultats et donne suite à ses recommandations.',
        },
        { en: 'The speaker log below is illustrative demo data.', fr: 'Le journal des interventions ci-dessous est une donnée de démonstration fictive.' },
      ),
      date: '2019-04-18',
      startTime: '09:00',
      endTime: '16:00',
      place: { en: 'Ottawa', fr: 'Ottawa' },
      onlineUrl: null,
      livestreamUrl: null,
      capacity: null,
    },
    agenda: [
      { title: { en: 'Wrap up the outcomes report', fr: 'Mettre la dernière main au rapport des résultats' }, minutes: 180 },
      { title: { en: 'Create the action committee', fr: 'Créer le comité d’action' }, minutes: 90 },
    ],
    minutes: {
      en: '## Decisions\n\n- The outcomes report is wrapped up; it is to be released in late May.\n- An action committee is created to carry out the IoT security recommendations.\n\n*Demo minutes, written from the public record.*',
      fr: '## Décisions\n\n- Le rapport des résultats est finalisé ; il sera publié à la fin de mai.\n- Un comité d’action est créé pour mettre en œuvre les recommandations sur la sécurité de l’IdO.\n\n*Compte rendu de démonstration, rédigé d’après le dossier public.*',
    },
  }),
  demoNow: demo({
    body: 'msg',
    input: {
      format: 'webinar',
      title: { en: 'Demo: try the live room', fr: 'Démo : essayez la salle en direct' },
      description: {
        en: 'A demonstration meeting, in progress now, so you can see the speaker queue, raise a hand and follow the floor. Everything in it is illustrative.',
        fr: 'Une réunion de démonstration, en cours, pour voir la liste des intervenants, lever la main et suivre qui a la parole. Tout y est fictif.',
      },
      date: '',
      startTime: '',
      endTime: '',
      place: none,
      onlineUrl: 'https://meet.example.org/demo',
      livestreamUrl: null,
      capacity: null,
    },
    agenda: [
      { title: { en: 'Welcome and the rules of engagement', fr: 'Bienvenue et règles de participation' }, minutes: 10 },
      { title: { en: 'Updates from the working groups (illustrative)', fr: 'Nouvelles des groupes de travail (fictif)' }, minutes: 45 },
      { title: { en: 'Open discussion', fr: 'Discussion ouverte' }, minutes: 30 },
    ],
  }),
  upcoming: demo({
    body: 'action-committee',
    input: {
      format: 'virtual-roundtable',
      title: { en: 'Action Committee: progress on the recommendations (demo)', fr: 'Comité d’action : suivi des recommandations (démo)' },
      description: { en: 'An illustrative upcoming meeting.', fr: 'Une réunion à venir fictive.' },
      date: '',
      startTime: '12:00',
      endTime: '13:00',
      place: none,
      onlineUrl: 'https://meet.example.org/action-committee',
      livestreamUrl: null,
      capacity: null,
    },
    agenda: [],
  }),
};
