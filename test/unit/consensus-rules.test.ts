import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Actor } from '../../src/kernel/actor.ts';
import { inMinority, checkAssessment } from '../../src/capabilities/consensus/domain/assessments.ts';
import { evaluate, type Evaluation } from '../../src/capabilities/consensus/domain/criteria.ts';
import { checkProposalInput, missingLanguages, transition, type Transition } from '../../src/capabilities/consensus/domain/lifecycle.ts';
import { checkDiscussion, objectionStep, recount } from '../../src/capabilities/consensus/domain/objections.ts';
import { refusalFor, type ConsensusAccess, type ConsensusAction } from '../../src/capabilities/consensus/domain/permissions.ts';
import { decidePosition } from '../../src/capabilities/consensus/domain/positions.ts';
import type { ProposalStatus } from '../../src/capabilities/consensus/domain/proposal.ts';
import { answerInformation, checkFiling, type InformationInput } from '../../src/capabilities/consensus/domain/reopen.ts';
import { checkCharterEdit } from '../../src/capabilities/groups/domain/edit.ts';

const T0 = new Date('2026-03-02T15:00:00Z');

describe('positions', () => {
  const cur = (stance: 'agree' | 'can-live' | 'cannot', reason: string | null = null, categoryKey = 'industry') => ({
    stance,
    reason: reason ? { en: reason } : null,
    categoryKey,
  });
  type Row = [label: string, current: ReturnType<typeof cur> | null, stance: 'agree' | 'can-live' | 'cannot', reason: string | null, result: string];
  const table: Row[] = [
    ['a first agree', null, 'agree', null, 'deltas: +industry/agree'],
    ['"cannot live with it" needs a reason', null, 'cannot', null, 'reason-required'],
    ['…a blank reason is no reason', null, 'cannot', '   ', 'reason-required'],
    ['a first cannot, with a reason: an objection, an argument', null, 'cannot', 'Too costly', 'objection argument deltas: +industry/cannot'],
    ['the same position again', cur('agree'), 'agree', null, 'unchanged'],
    ['agree → can live with it: not an argument', cur('agree'), 'can-live', null, 'deltas: -industry/agree +industry/can-live'],
    ['can live → cannot: a move towards cannot is an argument', cur('can-live'), 'cannot', 'No', 'objection argument deltas: -industry/can-live +industry/cannot'],
    ['cannot → cannot with a new reason: a new objection', cur('cannot', 'Old'), 'cannot', 'New', 'objection argument deltas:'],
    ['cannot → cannot with the same reason', cur('cannot', 'Same'), 'cannot', 'Same', 'unchanged'],
    ['cannot → agree: no argument, the objection stays in the record', cur('cannot', 'x'), 'agree', null, 'deltas: -industry/cannot +industry/agree'],
    ['a note with agree changes nothing in the tallies', cur('agree'), 'agree', 'Good idea', 'deltas:'],
  ];
  for (const [label, current, stance, reason, expected] of table) {
    it(label, () => {
      const r = decidePosition(current, { stance, reason: reason === null ? null : { en: reason } }, 'industry');
      if (!r.ok) return assert.equal(r.refusal, expected);
      const d = r.value;
      const got = [
        d.raisesObjection ? 'objection' : '',
        d.argument ? 'argument' : '',
        `deltas:${d.deltas.map((x) => ` ${x.delta > 0 ? '+' : '-'}${x.categoryKey}/${x.stance}`).join('')}`,
      ]
        .filter(Boolean)
        .join(' ');
      assert.equal(got, expected);
    });
  }
  it('the tally moves with a person who changed category since their last position', () => {
    const r = decidePosition(cur('agree', null, 'industry'), { stance: 'agree', reason: null }, 'academia');
    assert.ok(r.ok);
    assert.deepEqual(r.value.deltas, [
      { categoryKey: 'industry', stance: 'agree', delta: -1 },
      { categoryKey: 'academia', stance: 'agree', delta: 1 },
    ]);
  });
});

describe('the dissent record', () => {
  const table: Array<[string, 'discuss' | 'withdraw' | 'maintain', string]> = [
    ['open', 'discuss', 'discussed'],
    ['open', 'withdraw', 'withdrawn'],
    ['open', 'maintain', 'wrong-status'],
    ['discussed', 'discuss', 'wrong-status'],
    ['discussed', 'maintain', 'standing'],
    ['discussed', 'withdraw', 'withdrawn'],
    ['standing', 'withdraw', 'withdrawn'],
    ['standing', 'maintain', 'wrong-status'],
    ['withdrawn', 'withdraw', 'wrong-status'],
    ['withdrawn', 'discuss', 'wrong-status'],
  ];
  for (const [from, step, to] of table) {
    it(`${from} --${step}--> ${to}`, () => {
      const r = objectionStep(from as 'open', step);
      assert.equal(r.ok ? r.value : r.refusal, to);
    });
  }
  it('counters move with each step and never go below zero', () => {
    const z = { open: 0, discussed: 0, standing: 0, withdrawn: 0 };
    assert.deepEqual(recount(z, null, 'open'), { ...z, open: 1 });
    assert.deepEqual(recount({ ...z, open: 1 }, 'open', 'discussed'), { ...z, discussed: 1 });
    assert.deepEqual(recount(z, 'open', 'withdrawn'), { ...z, withdrawn: 1 });
  });
  it('a discussion names where, and its reasoning is published in every official language', () => {
    const where = { kind: 'meeting' as const, label: 'Plenary', url: null };
    assert.equal(checkDiscussion({ where, resolution: 'accommodated', reasoning: { en: 'a', fr: 'b' } }, ['en', 'fr']), null);
    assert.equal(checkDiscussion({ where: { ...where, label: ' ' }, resolution: 'accommodated', reasoning: { en: 'a', fr: 'b' } }, ['en', 'fr']), 'where-required');
    assert.equal(checkDiscussion({ where, resolution: 'not-accommodated', reasoning: { en: 'a' } }, ['en', 'fr']), 'missing-translations');
    assert.equal(checkDiscussion({ where, resolution: 'not-accommodated', reasoning: { en: 'a' } }, ['en']), null);
    assert.equal(checkDiscussion({ where: { ...where, url: 'javascript:alert(1)' }, resolution: 'accommodated', reasoning: { en: 'a', fr: 'b' } }, ['en', 'fr']), 'bad-link');
    assert.equal(checkDiscussion({ where: { ...where, url: 'https://example.org/m/1' }, resolution: 'accommodated', reasoning: { en: 'a', fr: 'b' } }, ['en', 'fr']), null);
  });
});

describe('the life of a proposal', () => {
  const both = { en: 'x', fr: 'y' };
  const proposal = (status: ProposalStatus, o: Partial<{ title: object; text: object; kind: 'text' | 'scope'; proposedCharter: object | null }> = {}) => ({
    id: 1,
    round: 1,
    status,
    kind: o.kind ?? ('text' as const),
    title: (o.title ?? both) as { en: string },
    text: (o.text ?? both) as { en: string },
    proposedCharter: (o.proposedCharter ?? null) as { en: string } | null,
  });
  const consensus: Evaluation = evaluate(
    {
      tallies: [{ categoryKey: 'a', agree: 3, canLive: 0, cannot: 0 }],
      objections: { open: 0, discussed: 0, standing: 0, withdrawn: 0 },
      lastArgumentAt: null,
      openedAt: T0,
      meetingEndsAt: null,
      settings: { quietPeriodHours: 0, almostNonePercent: 5, almostNoneMax: 2 },
    },
    T0,
  );
  const pending: Evaluation = { ...consensus, outcome: 'pending' };
  const ctx = { officialLanguages: ['en', 'fr'] as ('en' | 'fr')[], evaluation: consensus, latestAssessment: { level: 'consensus' as const, direction: 'for' as const } };
  type Row = [label: string, status: ProposalStatus, t: Transition, context: Partial<typeof ctx> & { call?: unknown }, result: string, extra?: Parameters<typeof proposal>[1]];
  const table: Row[] = [
    ['drafting → discussion', 'drafting', 'open-discussion', {}, 'discussion'],
    ['opening the discussion publishes: every official language', 'drafting', 'open-discussion', {}, 'missing-translations', { text: { en: 'only' } }],
    ['…the proposed scope too', 'drafting', 'open-discussion', {}, 'missing-translations', { kind: 'scope', proposedCharter: { fr: 'seulement' } }],
    ['…a process in one language needs one', 'drafting', 'open-discussion', { officialLanguages: ['en'] }, 'discussion', { text: { en: 'only' } }],
    ['the call opens from discussion only', 'drafting', 'open-call', {}, 'wrong-status'],
    ['discussion → call', 'discussion', 'open-call', {}, 'call'],
    ['a call in a meeting that has ended', 'discussion', 'open-call', { call: { where: { kind: 'meeting', label: 'P', url: null }, endsAt: T0 } }, 'meeting-ended'],
    [
      'a call in a meeting names it',
      'discussion',
      'open-call',
      { call: { where: { kind: 'meeting', label: ' ', url: null }, endsAt: new Date(T0.getTime() + 1) } },
      'where-required',
    ],
    [
      'a meeting’s address is a web address',
      'discussion',
      'open-call',
      { call: { where: { kind: 'meeting', label: 'P', url: 'data:text/html,x' }, endsAt: new Date(T0.getTime() + 1) } },
      'bad-link',
    ],
    ['back to discussion from the call', 'call', 'return-to-discussion', {}, 'discussion'],
    ['decide: consensus and an assessment of consensus for', 'call', 'decide', {}, 'decided'],
    ['decide: not before the criteria say consensus', 'call', 'decide', { evaluation: pending }, 'criteria-unmet'],
    ['decide: not without an assessment', 'call', 'decide', { latestAssessment: null as never }, 'assessment-needed'],
    ['decide: strong support is not consensus', 'call', 'decide', { latestAssessment: { level: 'strong-support', direction: 'for' } as never }, 'assessment-needed'],
    [
      'decide: consensus against the proposal is not a decision for it',
      'call',
      'decide',
      { latestAssessment: { level: 'full-consensus', direction: 'against' } as never },
      'assessment-needed',
    ],
    ['decide: only from the call', 'discussion', 'decide', {}, 'wrong-status'],
    ['close from discussion', 'discussion', 'close', {}, 'closed'],
    ['a decided proposal does not close (it reopens only with new information)', 'decided', 'close', {}, 'wrong-status'],
    ['a decided proposal does not return to discussion by itself', 'decided', 'return-to-discussion', {}, 'wrong-status'],
  ];
  for (const [label, status, t, context, result, extra] of table) {
    it(label, () => {
      const r = transition(proposal(status, extra), t, { ...ctx, ...(context as object) } as never, T0);
      assert.equal(r.ok ? r.value.to : r.refusal, result);
    });
  }
  it('names what is missing for publication', () => {
    assert.deepEqual(missingLanguages(proposal('drafting', { kind: 'scope', title: { en: 'T' }, proposedCharter: { en: 'S', fr: 'P' } }), ['en', 'fr']), [
      { field: 'title', language: 'fr' },
    ]);
  });
  it('drafts: a title, the new scope for a change of scope, a web link', () => {
    const input = { kind: 'text' as const, title: { fr: 'T' }, text: {}, proposedCharter: null, link: null };
    assert.equal(checkProposalInput(input, { isWorkingGroup: false }), null);
    assert.equal(checkProposalInput({ ...input, title: { en: ' ' } }, { isWorkingGroup: false }), 'no-title');
    assert.equal(checkProposalInput({ ...input, kind: 'scope' }, { isWorkingGroup: true }), 'no-charter');
    assert.equal(checkProposalInput({ ...input, kind: 'scope', proposedCharter: { en: 'S' } }, { isWorkingGroup: false }), 'not-working-group');
    assert.equal(checkProposalInput({ ...input, link: { url: 'javascript:alert(1)', label: '' } }, { isWorkingGroup: false }), 'bad-link');
  });
});

describe('assessments and minority statements', () => {
  it('the chair publishes in every official language', () => {
    assert.equal(checkAssessment({ level: 'consensus', direction: 'for', text: { en: 'a' } }, ['en', 'fr']), 'missing-translations');
    assert.equal(checkAssessment({ level: 'consensus', direction: 'for', text: { en: 'a', fr: 'b' } }, ['en', 'fr']), null);
  });
  const table: Array<[string | null, 'for' | 'against' | null, boolean]> = [
    ['agree', 'for', false],
    ['can-live', 'for', true],
    ['cannot', 'for', true],
    ['agree', 'against', true],
    ['cannot', 'against', false],
    ['can-live', null, true],
    ['agree', null, false],
    [null, 'for', false],
  ];
  for (const [stance, direction, expected] of table) {
    it(`${stance ?? 'no position'} with an assessment ${direction ?? '(none yet)'} → ${expected ? 'in the minority' : 'not in the minority'}`, () => {
      assert.equal(inMinority(stance as never, direction), expected);
    });
  }
});

describe('rule 8: decisions reopen only with new information accepted by the chair', () => {
  const input: InformationInput = { whatIsNew: { en: 'A study' }, whyItMatters: { fr: 'Les coûts' }, links: [{ url: 'https://example.org', label: 'x' }] };
  const table: Array<[string, ProposalStatus, InformationInput, string | null]> = [
    ['filed against a decided proposal', 'decided', input, null],
    ['filed against one closed without consensus', 'closed', input, null],
    ['not while the proposal is still open', 'call', input, 'not-settled'],
    ['not while drafting', 'drafting', input, 'not-settled'],
    ['what is new is required', 'decided', { ...input, whatIsNew: {} }, 'what-required'],
    ['why it matters is required', 'decided', { ...input, whyItMatters: { en: ' ' } }, 'why-required'],
    ['links are web addresses', 'decided', { ...input, links: [{ url: 'ftp://x', label: '' }] }, 'bad-link'],
  ];
  for (const [label, status, i, expected] of table) it(label, () => assert.equal(checkFiling(status, i), expected));

  const answers: Array<[string, 'filed' | 'accepted' | 'declined', ProposalStatus, boolean, object, string]> = [
    ['accepted: the decision reopens', 'filed', 'decided', true, {}, 'accepted reopens'],
    ['declined with reasons in every language: it stands', 'filed', 'decided', false, { en: 'a', fr: 'b' }, 'declined'],
    ['declining needs a reason in every official language', 'filed', 'decided', false, { en: 'a' }, 'reason-required'],
    ['already answered', 'declined', 'decided', true, {}, 'already-answered'],
    ['accepting once the decision has already reopened', 'filed', 'discussion', true, {}, 'not-settled'],
    ['declining a late filing after a reopening is fine', 'filed', 'discussion', false, { en: 'a', fr: 'b' }, 'declined'],
  ];
  for (const [label, infoStatus, proposalStatus, accept, answer, expected] of answers) {
    it(label, () => {
      const r = answerInformation({ status: infoStatus }, proposalStatus, accept, answer, ['en', 'fr']);
      assert.equal(r.ok ? `${r.value.status}${r.value.reopens ? ' reopens' : ''}` : r.refusal, expected);
    });
  }
});

describe('who may do what (role × action × stage)', () => {
  const anon: Actor = { kind: 'anonymous' };
  const user: Actor = { kind: 'user', userId: 1, name: 'U', isAdmin: false };
  const who: Record<string, ConsensusAccess> = {
    public: { actor: anon, organizer: false, participantId: null, mayTakePart: false, role: null },
    'signed in': { actor: user, organizer: false, participantId: null, mayTakePart: false, role: null },
    participant: { actor: user, organizer: false, participantId: 5, mayTakePart: true, role: null },
    observer: { actor: user, organizer: false, participantId: 5, mayTakePart: true, role: 'observer' },
    'member, rules pending': { actor: user, organizer: false, participantId: 5, mayTakePart: false, role: 'member' },
    member: { actor: user, organizer: false, participantId: 5, mayTakePart: true, role: 'member' },
    facilitator: { actor: user, organizer: false, participantId: 5, mayTakePart: true, role: 'facilitator' },
    convener: { actor: user, organizer: true, participantId: null, mayTakePart: false, role: null },
  };
  type Row = [
    who: string,
    action: ConsensusAction,
    status: ProposalStatus | null,
    refusal: string | null,
    extra?: { isAuthor?: boolean; inMinority?: boolean; bodyClosed?: boolean },
  ];
  const table: Row[] = [
    ['public', 'take-position', 'discussion', 'not-signed-in'],
    ['signed in', 'take-position', 'discussion', 'not-participant'],
    ['participant', 'take-position', 'discussion', 'not-member'],
    ['observer', 'take-position', 'discussion', 'observer'],
    ['member, rules pending', 'take-position', 'discussion', 'standing-incomplete'],
    ['member', 'take-position', 'drafting', 'wrong-status'],
    ['member', 'take-position', 'discussion', null],
    ['member', 'take-position', 'call', null],
    ['member', 'take-position', 'decided', 'wrong-status'],
    ['facilitator', 'take-position', 'call', null],
    ['convener', 'take-position', 'call', 'not-participant'],
    ['observer', 'raise-objection', 'discussion', 'observer'],
    ['member', 'raise-objection', 'call', null],
    ['member', 'chair', 'call', 'not-chair'],
    ['facilitator', 'chair', 'call', null],
    ['convener', 'chair', 'drafting', null],
    ['public', 'chair', 'call', 'not-signed-in'],
    ['member', 'propose', null, null],
    ['observer', 'propose', null, 'observer'],
    ['convener', 'propose', null, null],
    ['member', 'propose', null, 'body-closed', { bodyClosed: true }],
    ['member', 'edit-draft', 'drafting', 'not-author'],
    ['member', 'edit-draft', 'drafting', null, { isAuthor: true }],
    ['member', 'edit-draft', 'discussion', 'wrong-status', { isAuthor: true }],
    ['facilitator', 'edit-draft', 'drafting', null],
    ['public', 'view-draft', 'drafting', 'not-member'],
    ['participant', 'view-draft', 'drafting', 'not-member'],
    ['observer', 'view-draft', 'drafting', null],
    ['public', 'view-draft', 'discussion', null],
    ['member', 'respond', 'discussion', 'wrong-status'],
    ['member', 'respond', 'call', null],
    ['member', 'respond', 'decided', null],
    ['observer', 'respond', 'call', 'observer'],
    ['member', 'minority-statement', 'call', 'not-in-minority', { inMinority: false }],
    ['member', 'minority-statement', 'call', null, { inMinority: true }],
    ['member', 'minority-statement', 'discussion', 'wrong-status', { inMinority: true }],
    ['participant', 'file-information', 'decided', null],
    ['participant', 'file-information', 'call', 'wrong-status'],
    ['signed in', 'file-information', 'decided', 'not-participant'],
    ['public', 'file-information', 'closed', 'not-signed-in'],
  ];
  for (const [w, action, status, refusal, extra] of table) {
    it(`${w} ${action} (${status ?? 'no proposal yet'}${extra ? ' ' + JSON.stringify(extra) : ''}) → ${refusal ?? 'allowed'}`, () => {
      assert.equal(refusalFor(who[w]!, action, { status, ...extra }), refusal);
    });
  }
});

describe('working groups define their own scope', () => {
  const wg = { typeKey: 'working-group', charter: { en: 'Scope', fr: 'Portée' } };
  const input = { typeKey: 'working-group', name: { en: 'N' }, charter: { en: 'Scope', fr: 'Portée' }, membershipPolicy: 'self-select' as const };
  const table: Array<[string, typeof wg, typeof input, boolean, string | null]> = [
    ['same charter, other edits', wg, input, true, null],
    ['spaces around the same charter', wg, { ...input, charter: { en: ' Scope ', fr: 'Portée' } }, true, null],
    ['a new charter once the process is public', wg, { ...input, charter: { en: 'Wider', fr: 'Plus large' } }, true, 'charter-by-proposal'],
    ['…not by changing the type at the same time', wg, { ...input, typeKey: 'oversight-committee', charter: { en: 'Wider', fr: 'x' } }, true, 'charter-by-proposal'],
    [
      '…nor by turning a committee into a working group with a new charter',
      { ...wg, typeKey: 'oversight-committee' },
      { ...input, charter: { en: 'Wider', fr: 'x' } },
      true,
      'charter-by-proposal',
    ],
    [
      'a committee’s charter is the convener’s to edit',
      { ...wg, typeKey: 'oversight-committee' },
      { ...input, typeKey: 'oversight-committee', charter: { en: 'Wider', fr: 'x' } },
      true,
      null,
    ],
    ['while the process is a draft, the convener sets it up', wg, { ...input, charter: { en: 'Wider', fr: 'x' } }, false, null],
  ];
  for (const [label, current, i, published, expected] of table) it(label, () => assert.equal(checkCharterEdit(current, i, published), expected));
});
