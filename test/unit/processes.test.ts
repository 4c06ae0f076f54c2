import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Actor } from '../../src/kernel/actor.ts';
import { editProcess, editSettings, newProcess, publishProcess } from '../../src/capabilities/processes/domain/edit.ts';
import { canInProcess, type ProcessAccess, type ProcessAction } from '../../src/capabilities/processes/domain/permissions.ts';
import { DEFAULT_BODY_TYPES, DEFAULT_CATEGORIES, DEFAULT_CONSENSUS, type Process } from '../../src/capabilities/processes/domain/process.ts';
import { reviseRules, type RulesVersion } from '../../src/capabilities/processes/domain/rules.ts';
import { checkPhase, timeline, today, viewPhase, type Phase } from '../../src/capabilities/processes/domain/timeline.ts';

const anon: Actor = { kind: 'anonymous' };
const user: Actor = { kind: 'user', userId: 1, name: 'U', isAdmin: false };
const admin: Actor = { kind: 'user', userId: 2, name: 'A', isAdmin: true };

const roles: Record<string, ProcessAccess> = {
  public: { actor: anon, isConvener: false, participantId: null },
  'signed-in': { actor: user, isConvener: false, participantId: null },
  participant: { actor: user, isConvener: false, participantId: 7 },
  convener: { actor: user, isConvener: true, participantId: null },
  admin: { actor: admin, isConvener: false, participantId: null },
};

const process = (status: 'draft' | 'published'): Process => ({
  id: 1,
  slug: 'p',
  title: { en: 'T', fr: 'T' },
  summary: { en: 'S', fr: 'S' },
  scope: { en: 'Sc', fr: 'Sc' },
  convenerName: { en: 'C', fr: 'C' },
  officialLanguages: ['en', 'fr'],
  status,
  stakeholderCategories: DEFAULT_CATEGORIES,
  bodyTypes: DEFAULT_BODY_TYPES,
  consensusSettings: DEFAULT_CONSENSUS,
  timeZone: 'America/Toronto',
  publishedAt: null,
});

// role × action × state → allowed. No role gives a louder voice: these are organizing permissions only.
const table: Record<string, Record<ProcessAction, [draft: boolean, published: boolean]>> = {
  public: {
    view: [false, true],
    edit: [false, false],
    publish: [false, false],
    join: [false, false],
    'manage-bodies': [false, false],
    'edit-rules': [false, false],
    'edit-timeline': [false, false],
  },
  'signed-in': {
    view: [false, true],
    edit: [false, false],
    publish: [false, false],
    join: [false, true],
    'manage-bodies': [false, false],
    'edit-rules': [false, false],
    'edit-timeline': [false, false],
  },
  participant: {
    view: [false, true],
    edit: [false, false],
    publish: [false, false],
    join: [false, false],
    'manage-bodies': [false, false],
    'edit-rules': [false, false],
    'edit-timeline': [false, false],
  },
  convener: {
    view: [true, true],
    edit: [true, true],
    publish: [true, false],
    join: [true, true],
    'manage-bodies': [true, true],
    'edit-rules': [true, true],
    'edit-timeline': [true, true],
  },
  admin: {
    view: [true, true],
    edit: [true, true],
    publish: [true, false],
    join: [true, true],
    'manage-bodies': [true, true],
    'edit-rules': [true, true],
    'edit-timeline': [true, true],
  },
};

describe('process permissions (role × action × state)', () => {
  for (const [role, actions] of Object.entries(table)) {
    for (const [action, [draft, published]] of Object.entries(actions)) {
      it(`${role} ${action}: draft ${draft}, published ${published}`, () => {
        assert.equal(canInProcess(roles[role]!, process('draft'), action as ProcessAction), draft);
        assert.equal(canInProcess(roles[role]!, process('published'), action as ProcessAction), published);
      });
    }
  }
});

describe('creating, editing and publishing a process', () => {
  const fields = { title: { en: 'T' }, summary: {}, scope: {}, convenerName: {}, officialLanguages: ['en', 'fr'] as ('en' | 'fr')[], timeZone: 'UTC' };
  it('only an admin creates a process, as a draft with the seed rules', () => {
    assert.deepEqual(newProcess(user, 'x', fields), { ok: false, refusal: 'not-allowed' });
    const r = newProcess(admin, 'x', fields);
    assert.ok(r.ok);
    assert.equal(r.value.rules.length, 8);
    assert.equal(r.value.consensusCriteria.length, 3);
  });
  it('needs a title and a language', () => {
    assert.deepEqual(newProcess(admin, 'x', { ...fields, title: {} }), { ok: false, refusal: 'no-title' });
    assert.deepEqual(newProcess(admin, 'x', { ...fields, officialLanguages: [] }), { ok: false, refusal: 'no-language' });
  });
  it('refuses to publish while a text is missing in an official language', () => {
    const p = { ...process('draft'), summary: { en: 'S' } };
    const r = publishProcess(roles.convener!, p, new Date());
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.refusal, 'missing-translations');
    assert.deepEqual(r.missing, [{ field: 'summary', language: 'fr' }]);
  });
  it('publishes a complete draft once', () => {
    assert.equal(publishProcess(roles.convener!, process('draft'), new Date()).ok, true);
    assert.deepEqual(publishProcess(roles.convener!, process('published'), new Date()), { ok: false, refusal: 'already-published' });
    assert.deepEqual(publishProcess(roles.participant!, process('draft'), new Date()), { ok: false, refusal: 'not-allowed' });
  });
  it('a published process cannot lose a translation through an edit', () => {
    const r = editProcess(roles.convener!, process('published'), { ...fields, summary: { en: 'S', fr: 'S' }, scope: { en: 'x', fr: 'x' }, convenerName: { en: 'c', fr: 'c' } });
    assert.equal(!r.ok && r.refusal, 'missing-translations');
    assert.deepEqual(r.missing, [{ field: 'title', language: 'fr' }]);
  });
  it('settings: categories must be unique and translated; consensus figures bounded', () => {
    const ok = { stakeholderCategories: DEFAULT_CATEGORIES, bodyTypes: DEFAULT_BODY_TYPES, consensusSettings: DEFAULT_CONSENSUS };
    assert.equal(editSettings(roles.convener!, process('published'), ok).ok, true);
    assert.deepEqual(editSettings(roles.convener!, process('published'), { ...ok, stakeholderCategories: [...DEFAULT_CATEGORIES, DEFAULT_CATEGORIES[0]!] }), {
      ok: false,
      refusal: 'duplicate-key',
    });
    assert.deepEqual(editSettings(roles.convener!, process('published'), { ...ok, bodyTypes: [{ key: 'x', label: { en: 'X' } }] }), { ok: false, refusal: 'missing-translations' });
    assert.deepEqual(editSettings(roles.convener!, process('published'), { ...ok, consensusSettings: { ...DEFAULT_CONSENSUS, almostNonePercent: 80 } }), {
      ok: false,
      refusal: 'bad-consensus',
    });
    assert.deepEqual(editSettings(roles.participant!, process('published'), ok), { ok: false, refusal: 'not-allowed' });
  });
});

describe('rules of engagement are versioned', () => {
  const v1: RulesVersion = { id: 1, version: 1, rules: [{ en: 'a', fr: 'a' }], consensusCriteria: [{ en: 'c', fr: 'c' }], note: {}, adoptedOn: null, createdAt: new Date() };
  it('a revision gets the next version', () => {
    const r = reviseRules(v1, { rules: [{ en: 'b', fr: 'b' }], consensusCriteria: v1.consensusCriteria, note: {}, adoptedOn: null }, ['en', 'fr']);
    assert.ok(r.ok);
    assert.equal(r.value.version, 2);
  });
  it('refuses unchanged, empty or untranslated rules', () => {
    assert.deepEqual(reviseRules(v1, { rules: v1.rules, consensusCriteria: v1.consensusCriteria, note: {}, adoptedOn: null }, ['en', 'fr']), { ok: false, refusal: 'unchanged' });
    assert.deepEqual(reviseRules(v1, { rules: [], consensusCriteria: v1.consensusCriteria, note: {}, adoptedOn: null }, ['en', 'fr']), { ok: false, refusal: 'no-rules' });
    assert.deepEqual(reviseRules(v1, { rules: [{ en: 'b' }], consensusCriteria: v1.consensusCriteria, note: {}, adoptedOn: null }, ['en', 'fr']), {
      ok: false,
      refusal: 'missing-translations',
    });
  });
});

describe('timeline: buffers and slippage', () => {
  const base: Phase = {
    id: 1,
    position: 1,
    kind: 'phase',
    name: { en: 'P' },
    plannedStart: '2026-01-01',
    plannedEnd: '2026-01-31',
    bufferDays: 10,
    actualEnd: null,
    forecastEnd: null,
  };
  const cases: Array<[string, Partial<Phase>, string, Pick<ReturnType<typeof viewPhase>, 'state' | 'slipDays' | 'slippage'>]> = [
    ['upcoming', {}, '2025-12-15', { state: 'upcoming', slipDays: 0, slippage: 'none' }],
    ['in progress on time', {}, '2026-01-15', { state: 'in-progress', slipDays: 0, slippage: 'none' }],
    ['open past its end slips day by day', {}, '2026-02-05', { state: 'in-progress', slipDays: 5, slippage: 'within-buffer' }],
    ['exactly at the buffer', {}, '2026-02-10', { state: 'in-progress', slipDays: 10, slippage: 'within-buffer' }],
    ['one day beyond the buffer', {}, '2026-02-11', { state: 'in-progress', slipDays: 11, slippage: 'beyond-buffer' }],
    ['forecast later than planned', { forecastEnd: '2026-02-20' }, '2026-01-10', { state: 'in-progress', slipDays: 20, slippage: 'beyond-buffer' }],
    ['done early', { actualEnd: '2026-01-20' }, '2026-03-01', { state: 'done', slipDays: 0, slippage: 'none' }],
    ['done late within buffer', { actualEnd: '2026-02-03' }, '2026-03-01', { state: 'done', slipDays: 3, slippage: 'within-buffer' }],
  ];
  for (const [name, over, day, expected] of cases) {
    it(name, () => {
      const v = viewPhase({ ...base, ...over }, day);
      assert.deepEqual({ state: v.state, slipDays: v.slipDays, slippage: v.slippage }, expected);
    });
  }
  it('orders by position', () => {
    const t = timeline([{ ...base, id: 2, position: 2 }, base], '2026-01-01');
    assert.deepEqual(
      t.map((p) => p.id),
      [1, 2],
    );
  });
  it('today is computed in the process time zone', () => {
    const instant = new Date('2026-03-01T03:00:00Z');
    assert.equal(today(instant, 'America/Toronto'), '2026-02-28');
    assert.equal(today(instant, 'Europe/Paris'), '2026-03-01');
  });
  it('checks phase dates', () => {
    assert.equal(checkPhase({ ...base, plannedEnd: '2025-12-01' }), 'end-before-start');
    assert.equal(checkPhase({ ...base, kind: 'milestone' }), 'milestone-spans-days');
    assert.equal(checkPhase({ ...base, actualEnd: '2025-01-01' }), 'actual-before-start');
    assert.equal(checkPhase(base), null);
  });
});
