import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Actor } from '../../src/kernel/actor.ts';
import { balanceOf } from '../../src/capabilities/groups/domain/balance.ts';
import { slugify, type MembershipPolicy } from '../../src/capabilities/groups/domain/body.ts';
import { checkBodyInput, setStatus } from '../../src/capabilities/groups/domain/edit.ts';
import { refusalFor, type BodyAccess, type BodyAction } from '../../src/capabilities/groups/domain/permissions.ts';
import { DEFAULT_BODY_TYPES, DEFAULT_CATEGORIES } from '../../src/capabilities/processes/domain/process.ts';

const anon: Actor = { kind: 'anonymous' };
const user: Actor = { kind: 'user', userId: 1, name: 'U', isAdmin: false };
const who: Record<string, BodyAccess> = {
  public: { actor: anon, organizer: false, participantId: null, mayTakePart: false, role: null },
  'signed-in': { actor: user, organizer: false, participantId: null, mayTakePart: false, role: null },
  'participant (rules pending)': { actor: user, organizer: false, participantId: 5, mayTakePart: false, role: null },
  participant: { actor: user, organizer: false, participantId: 5, mayTakePart: true, role: null },
  member: { actor: user, organizer: false, participantId: 5, mayTakePart: true, role: 'member' },
  facilitator: { actor: user, organizer: false, participantId: 5, mayTakePart: true, role: 'facilitator' },
  convener: { actor: user, organizer: true, participantId: null, mayTakePart: false, role: null },
};

type Row = [who: string, action: BodyAction, policy: MembershipPolicy, status: 'active' | 'closed', refusal: string | null];
const table: Row[] = [
  ['public', 'join', 'open', 'active', 'not-signed-in'],
  ['signed-in', 'join', 'open', 'active', 'not-participant'],
  ['participant (rules pending)', 'join', 'self-select', 'active', 'standing-incomplete'],
  ['participant', 'join', 'open', 'active', null],
  ['participant', 'join', 'self-select', 'active', null],
  ['participant', 'join', 'appointed', 'active', 'appointed-only'],
  ['participant', 'join', 'open', 'closed', 'closed'],
  ['member', 'join', 'open', 'active', 'already-member'],
  ['participant', 'leave', 'open', 'active', 'not-member'],
  ['member', 'leave', 'open', 'active', null],
  ['member', 'leave', 'open', 'closed', null],
  ['facilitator', 'appoint', 'appointed', 'active', 'not-allowed'],
  ['member', 'edit', 'open', 'active', 'not-allowed'],
  ['convener', 'appoint', 'appointed', 'active', null],
  ['convener', 'appoint', 'appointed', 'closed', 'closed'],
  ['convener', 'set-role', 'open', 'active', null],
  ['convener', 'edit', 'open', 'closed', null],
  ['convener', 'close', 'open', 'active', null],
  ['convener', 'close', 'open', 'closed', 'closed'],
  ['convener', 'reopen', 'open', 'closed', null],
  ['convener', 'reopen', 'open', 'active', 'not-allowed'],
  ['facilitator', 'close', 'open', 'active', 'not-allowed'],
];

describe('body permissions (who × action × policy × state)', () => {
  for (const [w, action, policy, status, refusal] of table) {
    it(`${w} ${action} on ${policy}/${status} → ${refusal ?? 'allowed'}`, () => assert.equal(refusalFor(who[w]!, { membershipPolicy: policy, status }, action), refusal));
  }
});

describe('balance by stakeholder category', () => {
  it('counts each category, flags empty ones, keeps government one row among others', () => {
    const b = balanceOf([{ categoryKey: 'government' }, { categoryKey: 'industry' }, { categoryKey: 'industry' }, { categoryKey: 'academia' }], DEFAULT_CATEGORIES);
    assert.equal(b.total, 4);
    assert.deepEqual(
      b.rows.map((r) => [r.key, r.count]),
      DEFAULT_CATEGORIES.map((c) => [c.key, { government: 1, industry: 2, academia: 1 }[c.key] ?? 0]),
    );
    assert.equal(b.rows.find((r) => r.key === 'industry')!.share, 0.5);
    assert.deepEqual(b.emptyCategories, ['technical-community', 'consumers', 'civil-society', 'other']);
  });
  it('an empty body flags every category and divides by nothing safely', () => {
    const b = balanceOf([], DEFAULT_CATEGORIES);
    assert.equal(b.total, 0);
    assert.ok(b.rows.every((r) => r.share === 0 && r.empty));
  });
  it('keeps a category removed from the list after people chose it', () => {
    const b = balanceOf([{ categoryKey: 'retired' }], DEFAULT_CATEGORIES.slice(0, 1));
    assert.deepEqual(
      b.rows.map((r) => r.key),
      ['technical-community', 'retired'],
    );
  });
});

describe('bodies', () => {
  const rules = { organizer: true, bodyTypes: DEFAULT_BODY_TYPES, officialLanguages: ['en', 'fr'] as ('en' | 'fr')[], processPublished: true };
  const input = { typeKey: 'working-group', name: { en: 'N', fr: 'N' }, charter: { en: 'C', fr: 'C' }, membershipPolicy: 'self-select' as const };
  it('checks input', () => {
    assert.equal(checkBodyInput(rules, input), null);
    assert.equal(checkBodyInput({ ...rules, organizer: false }, input), 'not-allowed');
    assert.equal(checkBodyInput(rules, { ...input, typeKey: 'x' }), 'unknown-type');
    assert.equal(checkBodyInput(rules, { ...input, name: {} }), 'no-name');
    assert.equal(checkBodyInput(rules, { ...input, charter: { en: 'C' } }), 'missing-translations');
    assert.equal(checkBodyInput({ ...rules, processPublished: false }, { ...input, charter: { en: 'C' } }), null);
  });
  it('closing and reopening', () => {
    assert.equal(setStatus(true, 'active', 'closed').ok, true);
    assert.deepEqual(setStatus(true, 'closed', 'closed'), { ok: false, refusal: 'unchanged' });
    assert.deepEqual(setStatus(false, 'active', 'closed'), { ok: false, refusal: 'not-allowed' });
  });
  it('slugs', () => {
    assert.equal(slugify('Éducation et sensibilisation'), 'education-et-sensibilisation');
    assert.equal(slugify('  <script>  '), 'script');
    assert.equal(slugify('!!!'), 'body');
  });
});
