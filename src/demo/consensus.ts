import type { Actor } from '../kernel/actor.ts';
import { manualClock } from '../kernel/clock.ts';
import type { Localized } from '../kernel/localized.ts';
import type { Db } from '../platform/database/connect.ts';
import {
  advanceProposal,
  attachMinorityStatement,
  createProposal,
  moveObjection,
  proposalById,
  publishAssessment,
  raiseObjection,
  recordDiscussion,
  takePosition,
  type Proposal,
  type Stance,
} from '../capabilities/consensus/index.ts';
import { bodyBySlug, membersOf } from '../capabilities/groups/index.ts';
import { participantById } from '../capabilities/participants/index.ts';
import type { Process } from '../capabilities/processes/index.ts';
import { must } from './must.ts';

// Illustrative decisions for the demo. The working groups, their scopes and
// the insights quoted (the 2018 Indigenous Connectivity Summit roundtable,
// the Canadian IGF panel on IoT labels) come from the seed documents; every
// proposal, position, objection and assessment below is fictional, made by
// fictional people, and each title says "(illustrative)".

const H = 3600_000;

type Person = { actor: Actor & { kind: 'user' }; participantId: number; role: string; category: string };

async function peopleOf(db: Db, process: Process, slug: string) {
  const body = (await bodyBySlug(db, process.id, slug))!;
  const people: Person[] = [];
  for (const m of await membersOf(db, body.id)) {
    if (m.role === 'observer') continue;
    const p = (await participantById(db, process.id, m.participantId))!;
    people.push({ actor: { kind: 'user', userId: p.userId, name: p.displayName, isAdmin: false }, participantId: p.id, role: m.role, category: m.categoryKey });
  }
  const chair = people.find((p) => p.role === 'facilitator')!;
  return { body, chair, members: people.filter((p) => p !== chair) };
}

export async function seedConsensusDemo(deps: { db: Db }, process: Process): Promise<void> {
  const { db } = deps;
  // The demo's decisions happen on the process's own (illustrative) timeline.
  const clock = manualClock(new Date('2018-06-04T14:00:00Z'));
  const d = { db, clock };
  const fresh = async (p: Pick<Proposal, 'id'>) => (await proposalById(db, process.id, p.id))!;
  const positions = async (p: Proposal, people: Person[], stances: Stance[], reason: (i: number) => Localized | null = () => null) => {
    for (const [i, who] of people.entries()) {
      const stance = stances[i % stances.length]!;
      clock.advance(H / 2);
      must(await takePosition(d, who.actor, process, p, { stance, reason: stance === 'cannot' ? reason(i) : null }), `position of ${who.actor.name}`);
    }
  };

  // 1. Consumer Education and Awareness widens its scope by consensus; the new charter applies when decided.
  {
    const { body, chair, members } = await peopleOf(db, process, 'consumer-education');
    let p = await fresh(
      must(
        await createProposal(d, members[0]!.actor, process, body, {
          kind: 'scope',
          title: { en: 'Tie security training into digital literacy training (illustrative)', fr: 'Lier la formation en sécurité à la littératie numérique (exemple fictif)' },
          text: {
            en: 'The roundtable on securing the Internet of Things at the 2018 Indigenous Connectivity Summit found that security training should be tied into digital literacy training, and that for many users security and privacy are viewed as the same.\n\nThis illustrative proposal widens the working group’s scope accordingly.',
            fr: 'La table ronde sur la sécurité de l’Internet des objets du Sommet sur la connectivité autochtone de 2018 a conclu que la formation en sécurité devrait être liée à la formation en littératie numérique, et que pour beaucoup d’utilisateurs, sécurité et vie privée sont perçues comme une même chose.\n\nCette proposition fictive élargit la portée du groupe de travail en conséquence.',
          },
          proposedCharter: {
            en: 'To establish an education and awareness framework to create a more security-conscious public, with security training tied into digital literacy training.',
            fr: 'Établir un cadre d’éducation et de sensibilisation pour un public plus soucieux de la sécurité, en liant la formation en sécurité à la formation en littératie numérique.',
          },
          link: null,
        }),
        'scope proposal',
      ),
    );
    clock.advance(24 * H);
    must(await advanceProposal(d, chair.actor, process, p, 'open-discussion'), 'open discussion');
    p = await fresh(p);
    const objector = members[members.length - 1]!;
    clock.advance(3 * H);
    const objection = must(
      await raiseObjection(d, objector.actor, process, p, {
        text: {
          en: 'Digital literacy training is run by many others; the group should not promise to deliver it (illustrative).',
          fr: 'La formation en littératie numérique est offerte par bien d’autres ; le groupe ne devrait pas promettre de la donner (exemple fictif).',
        },
      }),
      'objection',
    );
    clock.advance(48 * H);
    must(
      await recordDiscussion(d, chair.actor, process, p, objection.id, {
        where: { kind: 'meeting', label: 'Virtual roundtable / Table ronde virtuelle, 2 (illustrative / fictif)', url: null },
        resolution: 'accommodated',
        reasoning: {
          en: 'The charter now says "tied into" rather than "delivering": the group frames the link, others deliver the training.',
          fr: 'Le mandat dit maintenant « lier à » plutôt que « donner » : le groupe établit le lien, d’autres donnent la formation.',
        },
      }),
      'discussion',
    );
    clock.advance(H);
    must(await moveObjection(d, objector.actor, process, p, objection.id, 'withdraw'), 'withdraw');
    await positions(p, [chair, ...members], ['agree', 'agree', 'agree', 'can-live']);
    clock.advance(H);
    must(await advanceProposal(d, chair.actor, process, p, 'open-call'), 'call');
    p = await fresh(p);
    clock.advance(73 * H);
    must(
      await publishAssessment(d, chair.actor, process, p, {
        level: 'consensus',
        direction: 'for',
        text: {
          en: 'Most agree and the others can live with it; the one objection was accommodated and withdrawn (illustrative).',
          fr: 'La plupart sont d’accord et les autres peuvent s’en accommoder ; la seule objection a été prise en compte puis retirée (exemple fictif).',
        },
      }),
      'assessment',
    );
    const minority = members.find((m, i) => (i + 1) % 4 === 3) ?? members[members.length - 1]!;
    must(
      await attachMinorityStatement(d, minority.actor, process, p, {
        text: {
          en: 'I can live with this, but training belongs with the education framework, not in the charter (illustrative).',
          fr: 'Je peux m’en accommoder, mais la formation relève du cadre d’éducation, pas du mandat (exemple fictif).',
        },
      }),
      'minority statement',
    );
    clock.advance(H);
    must(await advanceProposal(d, chair.actor, process, p, 'decide'), 'decide');
  }

  // 2. Device Labeling discusses a labelling recommendation: positions across categories, objections still open.
  {
    clock.set(new Date('2019-03-04T15:00:00Z'));
    const { body, chair, members } = await peopleOf(db, process, 'device-labeling');
    let p = await fresh(
      must(
        await createProposal(d, members[1]!.actor, process, body, {
          kind: 'text',
          title: {
            en: 'Recommend a voluntary security label for connected devices (illustrative)',
            fr: 'Recommander une étiquette de sécurité volontaire pour les appareils connectés (exemple fictif)',
          },
          text: {
            en: 'The Canadian IGF panel “Considerations for Effective Internet of Things Labels” (February 27, 2019) and the 2018 Indigenous Connectivity Summit roundtable both pointed to labels: devices should be built with security at the forefront, tested, and labelled, much like organic food.\n\nThis illustrative proposal asks the working group to **recommend a voluntary security label** for connected devices sold in Canada.',
            fr: 'Le panel du Forum canadien sur la gouvernance d’Internet « Considérations pour des étiquettes efficaces pour l’Internet des objets » (27 février 2019) et la table ronde du Sommet sur la connectivité autochtone de 2018 ont tous deux évoqué l’étiquetage : les appareils devraient être conçus avec la sécurité au premier plan, testés et étiquetés, comme les aliments biologiques.\n\nCette proposition fictive demande au groupe de travail de **recommander une étiquette de sécurité volontaire** pour les appareils connectés vendus au Canada.',
          },
          proposedCharter: null,
          link: { url: 'https://canadianigf.ca/', label: 'Canadian Internet Governance Forum' },
        }),
        'labelling proposal',
      ),
    );
    clock.advance(2 * H);
    must(await advanceProposal(d, chair.actor, process, p, 'open-discussion'), 'open discussion');
    p = await fresh(p);
    const reasons: Localized[] = [
      {
        en: 'A label at the time of sale says nothing about security updates over the device’s lifespan (illustrative).',
        fr: 'Une étiquette au moment de la vente ne dit rien des mises à jour de sécurité pendant la durée de vie de l’appareil (exemple fictif).',
      },
      {
        en: 'Many people see security and privacy as the same thing; a security-only label could mislead them (illustrative).',
        fr: 'Beaucoup de gens confondent sécurité et vie privée ; une étiquette limitée à la sécurité pourrait les induire en erreur (exemple fictif).',
      },
    ];
    await positions(p, [chair, ...members], ['agree', 'can-live', 'agree', 'agree', 'cannot', 'agree', 'can-live'], (i) => reasons[Math.floor(i / 7) % reasons.length]!);
    clock.advance(5 * H);
    const early = must(
      await raiseObjection(d, members[2]!.actor, process, p, {
        text: {
          en: 'Voluntary labels may not reach the cheapest devices (illustrative).',
          fr: 'Des étiquettes volontaires risquent de ne pas toucher les appareils les moins chers (exemple fictif).',
        },
      }),
      'objection in discussion',
    );
    clock.advance(24 * H);
    must(
      await recordDiscussion(d, chair.actor, process, p, early.id, {
        where: { kind: 'thread', label: 'Mailing list / Liste de diffusion, 2019-03 (illustrative / fictif)', url: null },
        resolution: 'not-accommodated',
        reasoning: {
          en: 'A mandatory label is outside what the group can recommend in this phase; the report will name it as a question for later.',
          fr: 'Une étiquette obligatoire dépasse ce que le groupe peut recommander à cette étape ; le rapport la mentionnera comme question à examiner plus tard.',
        },
      }),
      'discussion',
    );
    clock.advance(H);
    must(await moveObjection(d, members[2]!.actor, process, p, early.id, 'maintain'), 'maintain');
  }
}
