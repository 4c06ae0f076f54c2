import type { Actor } from '../kernel/actor.ts';
import type { Clock } from '../kernel/clock.ts';
import type { Db } from '../platform/database/connect.ts';
import { addComment, changeDocumentState, createDocument, documentBySlug, loadVersion, saveDocument, type DocumentState } from '../capabilities/documents/index.ts';
import { bodyBySlug, membersOf } from '../capabilities/groups/index.ts';
import { participantById } from '../capabilities/participants/index.ts';
import { findProcessBySlug } from '../capabilities/processes/index.ts';
import { must } from './must.ts';

// The demo's documents. The seeds name the report's three objectives, quote
// two of its sentences and give the dates of its public input period; they do
// not give its wording. Everything else below is illustrative demo text, and
// each document says so in its first paragraph.

const NOTICE_EN =
  '*Illustrative demo text.* The sources this demo is built from describe the process but not the wording of its documents: apart from the objectives and the quoted sentences, the text below was written for this demonstration.';
const NOTICE_FR =
  '*Texte de démonstration.* Les sources de cette démonstration décrivent le processus, mais pas le libellé de ses documents : hormis les objectifs et les phrases citées, le texte ci-dessous a été rédigé pour la démonstration.';

const REPORT_EN = `${NOTICE_EN}

# Introduction

The objective of the process is to develop a shared set of definitions and benchmarks around the security of Internet-connected devices; shared guidelines to ensure security over their lifespan (including development, manufacturing, communications and management); and recommendations on IoT security for Canada.

As the participants put it, “given the Internet’s global reach and impact, it is critical that its security be addressed collaboratively.” The meetings provided “an opportunity to begin planning and implementing a bottom-up, organic process to remedy existing and potential security challenges in Canada’s national IoT ecosystem.”

# Shared definitions and benchmarks

A connected device is any physical object that sends or receives data over the Internet, directly or through a hub.

A security update is a change to a device’s software, published by its manufacturer, that removes a known vulnerability.

# Guidelines for security over a device’s lifespan

Security is considered at every stage of a device’s life:

- Development: security is designed in from the start, not added at the end.
- Manufacturing: every unit ships with unique credentials rather than a shared default password.
- Communications: data travels encrypted between the device, its hub and its services.
- Management: updates are delivered for a period stated at the time of sale.

# Recommendations

## Network resilience

Recommendation: Internet service providers and device makers work together so that a compromised device can be isolated without cutting off the household.

Recommendation: Home routers sold in Canada receive security updates automatically by default.

## Device labeling

Recommendation: Connected devices carry a label stating how long they will receive security updates.

Recommendation: The label is designed with consumers and tested with them before it is adopted.

## Consumer education and awareness

Recommendation: Security training is tied into digital literacy training, in both official languages.

Recommendation: Awareness material reaches rural, remote and northern communities through the organizations that already serve them.
`;

const REPORT_FR = `${NOTICE_FR}

# Introduction

L’objectif du processus est d’élaborer un ensemble commun de définitions et de points de référence sur la sécurité des appareils connectés à Internet, des lignes directrices communes pour assurer leur sécurité pendant toute leur durée de vie (y compris la conception, la fabrication, les communications et la gestion) et des recommandations sur la sécurité de l’Internet des objets pour le Canada.

Comme l’ont écrit les participants, « compte tenu de la portée et de l’influence mondiales d’Internet, il est essentiel que sa sécurité soit abordée de manière collaborative ». Les réunions ont offert « l’occasion de commencer à planifier et à mettre en œuvre un processus ascendant et organique pour remédier aux problèmes de sécurité existants et potentiels de l’écosystème canadien de l’Internet des objets ».

# Définitions et points de référence communs

Un appareil connecté est tout objet physique qui envoie ou reçoit des données par Internet, directement ou par l’intermédiaire d’un concentrateur.

Une mise à jour de sécurité est une modification du logiciel d’un appareil, publiée par son fabricant, qui supprime une vulnérabilité connue.

# Lignes directrices pour la sécurité pendant toute la durée de vie d’un appareil

La sécurité est prise en compte à chaque étape de la vie d’un appareil :

- Conception : la sécurité est intégrée dès le départ, et non ajoutée à la fin.
- Fabrication : chaque unité est livrée avec des identifiants uniques plutôt qu’un mot de passe par défaut commun.
- Communications : les données circulent chiffrées entre l’appareil, son concentrateur et ses services.
- Gestion : les mises à jour sont fournies pendant une période annoncée au moment de la vente.

# Recommandations

## Résilience des réseaux

Recommandation : Les fournisseurs d’accès Internet et les fabricants d’appareils collaborent pour qu’un appareil compromis puisse être isolé sans couper le foyer d’Internet.

Recommandation : Les routeurs domestiques vendus au Canada reçoivent par défaut les mises à jour de sécurité automatiquement.

## Étiquetage des appareils

Recommandation : Les appareils connectés portent une étiquette indiquant pendant combien de temps ils recevront des mises à jour de sécurité.

Recommandation : L’étiquette est conçue avec les consommateurs et mise à l’essai auprès d’eux avant d’être adoptée.

## Éducation et sensibilisation des consommateurs

Recommandation : La formation à la sécurité est liée à la formation en littératie numérique, dans les deux langues officielles.

Recommandation : Le matériel de sensibilisation atteint les collectivités rurales, éloignées et nordiques par l’intermédiaire des organismes qui les servent déjà.
`;

const LABELS_EN = `${NOTICE_EN}

# Scope

The working group scopes out labeling regimes that could be applied or enhanced in the Canadian landscape.

# What a label could say

- How long the device will receive security updates.
- Whether the device ships with a unique password.
- Where to report a vulnerability.

# Inputs

A panel at the Canadian Internet Governance Forum discussed considerations for effective Internet of Things labels.

Participants in the 2018 Indigenous Connectivity Summit roundtable suggested labeling similar to the labels used for organic foods.
`;

const LABELS_FR = `${NOTICE_FR}

# Portée

Le groupe de travail cerne les régimes d’étiquetage qui pourraient être appliqués ou améliorés dans le contexte canadien.

# Ce qu’une étiquette pourrait indiquer

- Pendant combien de temps l’appareil recevra des mises à jour de sécurité.
- Si l’appareil est livré avec un mot de passe unique.
- Où signaler une vulnérabilité.

# Contributions

Un panel du Forum canadien sur la gouvernance d’Internet a porté sur les conditions d’une étiquette efficace pour l’Internet des objets.

Les participants à la table ronde du Sommet sur la connectivité autochtone de 2018 ont proposé un étiquetage semblable à celui des aliments biologiques.
`;

/** The draft outcomes report (open for public input, as in the seed) and a working group's document still in review. */
export async function seedDocuments(deps: { db: Db; clock: Clock }, convener: Actor): Promise<void> {
  const process = (await findProcessBySlug(deps.db, 'iot-security'))!;
  const doc = async (slug: string) => (await documentBySlug(deps.db, process.id, slug))!;
  const facilitatorOf = async (bodySlug: string): Promise<Actor & { kind: 'user' }> => {
    const body = (await bodyBySlug(deps.db, process.id, bodySlug))!;
    const f = (await membersOf(deps.db, body.id)).find((m) => m.role === 'facilitator')!;
    const p = (await participantById(deps.db, process.id, f.participantId))!;
    return { kind: 'user', userId: p.userId, name: p.displayName, isAdmin: false };
  };
  const memberOf = async (bodySlug: string, n: number): Promise<Actor & { kind: 'user' }> => {
    const body = (await bodyBySlug(deps.db, process.id, bodySlug))!;
    const m = (await membersOf(deps.db, body.id)).filter((x) => x.role === 'member')[n]!;
    const p = (await participantById(deps.db, process.id, m.participantId))!;
    return { kind: 'user', userId: p.userId, name: p.displayName, isAdmin: false };
  };
  const save = async (actor: Actor, slug: string, lang: 'en' | 'fr', markdown: string, note: string | null) => {
    const d = await doc(slug);
    must(await saveDocument(deps, actor, process, d, { lang, markdown, title: d.title, type: d.type, baseVersion: d.currentVersion, note }), `save ${slug}`);
  };
  const move = async (actor: Actor, slug: string, to: DocumentState) => must(await changeDocumentState(deps, actor, process, await doc(slug), to), `${slug} → ${to}`);

  // The draft outcomes report, drafted by the multistakeholder group.
  const msg = (await bodyBySlug(deps.db, process.id, 'multistakeholder-group'))!;
  must(
    await createDocument(deps, convener, process, msg, {
      slug: 'draft-outcomes-report',
      type: 'report',
      title: { en: 'Draft outcomes report', fr: 'Rapport provisoire des résultats' },
      lang: 'en',
      markdown: REPORT_EN.replace('for a period stated at the time of sale', 'for a stated period'),
    }),
    'report',
  );
  await save(convener, 'draft-outcomes-report', 'fr', REPORT_FR.replace('pendant une période annoncée au moment de la vente', 'pendant une période annoncée'), null);
  await move(convener, 'draft-outcomes-report', 'plenary-review');
  const reviewer = await memberOf('device-labeling', 0);
  const d = await doc('draft-outcomes-report');
  const loaded = (await loadVersion(deps.db, d.id, d.currentVersion, { html: false }))!;
  const management = loaded.version.blocks.find((b) => b.text.en?.content.startsWith('Management'))!;
  must(
    await addComment(deps, reviewer, process, d, {
      anchor: management.anchor,
      parentId: null,
      body: 'A “stated period” could be a day. Could the report say that the period is stated when the device is sold?',
      lang: 'en',
    }),
    'comment',
  );
  // The comment is taken up: English first, then the French, so both languages are in step again.
  await save(convener, 'draft-outcomes-report', 'en', REPORT_EN, 'Update period stated at the time of sale, after a comment');
  await save(convener, 'draft-outcomes-report', 'fr', REPORT_FR, 'Traduction de la modification');
  await move(convener, 'draft-outcomes-report', 'public-input');

  // A working group's document, in working group review, its French not yet in step.
  const labeling = (await bodyBySlug(deps.db, process.id, 'device-labeling'))!;
  const facilitator = await facilitatorOf('device-labeling');
  must(
    await createDocument(deps, facilitator, process, labeling, {
      slug: 'labeling-regimes',
      type: 'guidelines',
      title: { en: 'Labeling regimes for Canada', fr: 'Régimes d’étiquetage pour le Canada' },
      lang: 'en',
      markdown: LABELS_EN,
    }),
    'labeling',
  );
  await save(facilitator, 'labeling-regimes', 'fr', LABELS_FR, null);
  await move(facilitator, 'labeling-regimes', 'wg-review');
  await save(
    facilitator,
    'labeling-regimes',
    'en',
    LABELS_EN.replace('- Where to report a vulnerability.', '- Where to report a vulnerability, and how fast the maker answers.'),
    'What a label could say: response time',
  );
  const member = await memberOf('device-labeling', 1);
  const labels = await doc('labeling-regimes');
  must(
    await addComment(deps, member, process, labels, { anchor: null, parentId: null, body: 'Should the label also say whether the device works without the cloud?', lang: 'en' }),
    'general comment',
  );
}
