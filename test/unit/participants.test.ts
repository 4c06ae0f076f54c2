import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { declareInterests } from '../../src/capabilities/participants/domain/declaration.ts';
import { joinProcess, type JoinContext, type JoinInput } from '../../src/capabilities/participants/domain/join.ts';
import { reviseProfile, type Profile } from '../../src/capabilities/participants/domain/participant.ts';
import { standingOf } from '../../src/capabilities/participants/domain/standing.ts';
import { DEFAULT_CATEGORIES } from '../../src/capabilities/processes/domain/process.ts';

const ctx: JoinContext = { processStatus: 'published', mayJoinDraft: false, alreadyParticipant: false, categories: DEFAULT_CATEGORIES, currentRules: { id: 10, version: 3 } };
const profile: Profile = { displayName: ' Ana ', categoryKey: 'industry', categoryOther: 'ignored', affiliation: ' Acme ', representation: 'self', organization: 'ignored' };
const input: JoinInput = { profile, acceptedRulesVersion: 3, declaration: { hasInterests: false, text: null } };

describe('joining a process: self-identify, accept the rules, declare interests', () => {
  const refusals: Array<[string, Partial<JoinContext>, Partial<JoinInput> | ((i: JoinInput) => JoinInput), string]> = [
    ['already a participant', { alreadyParticipant: true }, {}, 'already-joined'],
    ['draft process', { processStatus: 'draft' }, {}, 'not-open'],
    ['no rules yet', { currentRules: null }, {}, 'no-rules'],
    ['rules not accepted', {}, { acceptedRulesVersion: null }, 'rules-not-accepted'],
    ['an older version of the rules', {}, { acceptedRulesVersion: 2 }, 'rules-not-accepted'],
    ['unknown category', {}, { profile: { ...profile, categoryKey: 'aliens' } }, 'unknown-category'],
    ['"other" without words', {}, { profile: { ...profile, categoryKey: 'other', categoryOther: '  ' } }, 'other-needs-text'],
    ['on behalf of nobody', {}, { profile: { ...profile, representation: 'organization', organization: '' } }, 'organization-needs-name'],
    ['interests without text', {}, { declaration: { hasInterests: true, text: ' ' } }, 'declaration-needs-text'],
  ];
  for (const [name, c, i, refusal] of refusals) {
    it(`refuses: ${name}`, () => {
      const r = joinProcess({ ...ctx, ...c }, typeof i === 'function' ? i(input) : { ...input, ...i });
      assert.deepEqual(r, { ok: false, refusal });
    });
  }
  it('a convener may join their own draft', () => assert.equal(joinProcess({ ...ctx, processStatus: 'draft', mayJoinDraft: true }, input).ok, true));
  it('keeps the person’s words, dropping what does not apply', () => {
    const r = joinProcess(ctx, input);
    assert.ok(r.ok);
    assert.deepEqual(r.value.profile, { displayName: 'Ana', categoryKey: 'industry', categoryOther: null, affiliation: 'Acme', representation: 'self', organization: null });
    assert.equal(r.value.rulesVersionId, 10);
    assert.deepEqual(r.value.declaration, { hasInterests: false, text: null });
    assert.deepEqual(
      r.value.events.map((e) => e.action),
      ['participant.joined', 'rules.accepted', 'declaration.made'],
    );
  });
  it('"none" is a valid declaration; a declared interest keeps its text', () => {
    const r = joinProcess(ctx, { ...input, declaration: { hasInterests: true, text: ' Board member of X ' } });
    assert.ok(r.ok);
    assert.deepEqual(r.value.declaration, { hasInterests: true, text: 'Board member of X' });
  });
});

describe('declarations are versioned', () => {
  const latest = { version: 2, hasInterests: true, text: 'X', declaredAt: new Date() };
  it('first declaration is version 1', () =>
    assert.deepEqual(declareInterests(null, { hasInterests: false, text: null }), { ok: true, value: { version: 1, hasInterests: false, text: null } }));
  it('next version', () =>
    assert.deepEqual(declareInterests(latest, { hasInterests: false, text: 'ignored' }), { ok: true, value: { version: 3, hasInterests: false, text: null } }));
  it('unchanged is refused', () => assert.deepEqual(declareInterests(latest, { hasInterests: true, text: ' X ' }), { ok: false, refusal: 'unchanged' }));
});

describe('profile revisions and standing', () => {
  const current = { displayName: 'Ana', categoryKey: 'industry', categoryOther: null, affiliation: 'Acme', representation: 'self' as const, organization: null };
  it('unchanged', () => assert.equal(reviseProfile(current, { ...current, displayName: ' Ana ' }, DEFAULT_CATEGORIES), 'unchanged'));
  it('changed', () => assert.deepEqual(reviseProfile(current, { ...current, categoryKey: 'academia' }, DEFAULT_CATEGORIES), { ...current, categoryKey: 'academia' }));
  it('may take part only when declared and the current rules are accepted', () => {
    const d = { version: 1, hasInterests: false, text: null, declaredAt: new Date() };
    assert.deepEqual(standingOf(d, [1, 2], 2), { declared: true, acceptedCurrentRules: true, mayTakePart: true });
    assert.deepEqual(standingOf(d, [1], 2), { declared: true, acceptedCurrentRules: false, mayTakePart: false });
    assert.deepEqual(standingOf(null, [2], 2), { declared: false, acceptedCurrentRules: true, mayTakePart: false });
  });
});
