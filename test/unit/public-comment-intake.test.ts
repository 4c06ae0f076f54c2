import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { changeSchedule, effectiveEnd, phaseAt, type Period } from '../../src/capabilities/public-comment/domain/period.ts';
import { can, inputRefusal, type InputAccess, type InputAction } from '../../src/capabilities/public-comment/domain/permissions.ts';
import { decideReport, moderate, statusOnSubmit, statusOnVerify } from '../../src/capabilities/public-comment/domain/moderation.ts';
import { isPdf } from '../../src/capabilities/public-comment/domain/pdf.ts';
import { checkSubmission, safeFilename, signatoryNamesFrom, type SubmissionInput } from '../../src/capabilities/public-comment/domain/submission.ts';
import { momentText, phaseText } from '../../src/capabilities/public-comment/views/parts.tsx';
import { zonedToUtc } from '../../src/capabilities/meetings/index.ts';
import {
  countIntake,
  FLOOD_MAX_WAIT_MS,
  FLOOD_PER_SECOND,
  intakePerSecond,
  nextRunAllowedAt,
  waitsForFlood,
  type IntakeCount,
} from '../../src/capabilities/public-comment/domain/pace.ts';

const period = (o: Partial<Period> = {}): Period => ({
  id: 1,
  processId: 1,
  documentId: 1,
  versionNumber: 1,
  startsAt: new Date('2019-02-25T14:00:00Z'),
  endsAt: new Date('2019-04-05T21:00:00Z'),
  timeZone: 'America/Toronto',
  languagesLiveAt: new Date('2019-02-20T00:00:00Z'),
  openedAt: null,
  closedAt: null,
  allowAnonymous: true,
  requireVerifiedEmail: true,
  moderation: 'post',
  ...o,
});

describe('period clock', () => {
  it('opens and closes at the exact instants, boundaries included', () => {
    const p = period();
    assert.equal(phaseAt(p, new Date(p.startsAt.getTime() - 1)), 'scheduled');
    assert.equal(phaseAt(p, p.startsAt), 'open');
    assert.equal(phaseAt(p, new Date(p.endsAt.getTime() - 1)), 'open');
    assert.equal(phaseAt(p, p.endsAt), 'closed');
  });

  it('waits for late languages, then keeps the full length', () => {
    const late = new Date('2019-03-01T14:00:00Z');
    const p = period({ languagesLiveAt: null });
    assert.equal(phaseAt(p, new Date('2019-02-26T00:00:00Z')), 'waiting-for-languages');
    assert.equal(phaseAt(p, new Date('2019-02-24T00:00:00Z')), 'scheduled');
    const q = period({ languagesLiveAt: late });
    assert.equal(phaseAt(q, new Date('2019-02-28T00:00:00Z')), 'scheduled');
    assert.equal(phaseAt(q, late), 'open');
    assert.equal(effectiveEnd(q).getTime() - late.getTime(), p.endsAt.getTime() - p.startsAt.getTime());
    assert.equal(phaseAt(q, p.endsAt), 'open');
  });

  it('times in the period zone across the DST change (Toronto springs forward on 10 March 2019)', () => {
    // 9:00 local before and after the change are 14:00Z and 13:00Z.
    assert.equal(zonedToUtc('2019-03-09', '09:00', 'America/Toronto').toISOString(), '2019-03-09T14:00:00.000Z');
    assert.equal(zonedToUtc('2019-03-11', '09:00', 'America/Toronto').toISOString(), '2019-03-11T13:00:00.000Z');
    const p = period({ startsAt: zonedToUtc('2019-03-09', '09:00', 'America/Toronto'), endsAt: zonedToUtc('2019-03-11', '09:00', 'America/Toronto') });
    assert.equal(phaseText('en', { period: p, phase: 'open', process: { slug: 'x', title: {}, officialLanguages: ['en', 'fr'] } }), 'Open until March 11, 2019 at 9:00 a.m. EDT.');
    assert.equal(phaseText('fr', { period: p, phase: 'scheduled', process: { slug: 'x', title: {}, officialLanguages: ['en', 'fr'] } }), 'Ouverture le 9 mars 2019 à 09 h 00 HNE.');
    assert.match(momentText('en', p.endsAt, 'Europe/Paris'), /March 11, 2019 at 2:00 p\.m\. GMT\+1/);
    assert.match(
      phaseText('fr', { period: period({ languagesLiveAt: null }), phase: 'waiting-for-languages', process: { slug: 'x', title: {}, officialLanguages: ['en', 'fr'] } }),
      /En attente du texte anglais, français/,
    );
  });
});

const input = (o: Partial<SubmissionInput> = {}): SubmissionInput => ({
  name: 'Ana',
  anonymous: false,
  organization: null,
  categoryKey: 'academia',
  email: 'ana@example.org',
  lang: 'fr',
  body: 'Texte',
  anchor: null,
  signatories: 1,
  signatoryNames: [],
  attachments: [],
  ...o,
});
const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const rules = { categories: ['academia'], anchors: new Set(['p1']) };

describe('submission rules', () => {
  it('accepts a good one and reports every problem of a bad one at once', () => {
    assert.deepEqual(checkSubmission(input(), period(), rules).problems, []);
    const bad = checkSubmission(input({ name: null, email: null, categoryKey: 'nope', anchor: 'p9', body: '' }), period({ allowAnonymous: false }), rules);
    assert.deepEqual(bad.problems, ['name-required', 'email-required', 'unknown-category', 'unknown-paragraph', 'body-required']);
    assert.deepEqual(checkSubmission(input({ anonymous: true, name: null }), period({ allowAnonymous: false }), rules).problems, ['anonymous-not-allowed']);
    assert.deepEqual(checkSubmission(input({ anonymous: true, name: null, email: null }), period({ requireVerifiedEmail: false }), rules).problems, []);
    assert.deepEqual(checkSubmission(input({ body: 'x'.repeat(20_001) }), period(), rules).problems, ['body-too-long']);
  });

  it('campaigns: the count covers the names listed', () => {
    assert.deepEqual(checkSubmission(input({ signatories: 2, signatoryNames: ['a', 'b', 'c'] }), period(), rules).problems, ['fewer-signatories-than-names']);
    assert.deepEqual(checkSubmission(input({ signatories: 5000, signatoryNames: ['a', 'b'] }), period(), rules).problems, []);
    assert.deepEqual(signatoryNamesFrom(' Ana \r\n\r\nBen\n'), ['Ana', 'Ben']);
  });

  it('attachments: PDFs by content, five at most, 10 MB each', () => {
    assert.ok(isPdf(pdf));
    assert.ok(!isPdf(new TextEncoder().encode('<html>%PDF-1.7 %%EOF')));
    assert.ok(!isPdf(new TextEncoder().encode('%PDF-')));
    assert.ok(!isPdf(new TextEncoder().encode('%PDF-1.7 but no end of file marker at all')));
    const six = Array.from({ length: 6 }, (_, i) => ({ filename: `${i}.pdf`, bytes: pdf }));
    assert.deepEqual(checkSubmission(input({ attachments: six }), period(), rules).problems, ['too-many-attachments']);
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(pdf);
    const r = checkSubmission(
      input({
        attachments: [
          { filename: 'big.pdf', bytes: big },
          { filename: 'x.exe', bytes: new Uint8Array([77, 90, 0, 0, 0, 0, 0, 0, 0]) },
        ],
      }),
      period(),
      rules,
    );
    assert.deepEqual(r.problems, ['attachment-too-large', 'attachment-not-pdf']);
    assert.deepEqual(r.badFiles, ['big.pdf', 'x.exe']);
    assert.equal(safeFilename('../../etc/pass"wd<script>.pdf'), 'pass_wd_script_.pdf');
    assert.equal(safeFilename(''), 'attachment.pdf');
  });
});

describe('moderation transitions', () => {
  it('where a comment starts and where verification takes it', () => {
    assert.equal(statusOnSubmit({ requireVerifiedEmail: true, moderation: 'post' }), 'unverified');
    assert.equal(statusOnSubmit({ requireVerifiedEmail: false, moderation: 'pre' }), 'pending');
    assert.equal(statusOnSubmit({ requireVerifiedEmail: false, moderation: 'post' }), 'published');
    assert.deepEqual(statusOnVerify({ moderation: 'pre' }, 'unverified'), { ok: true, value: 'pending' });
    assert.deepEqual(statusOnVerify({ moderation: 'post' }, 'unverified'), { ok: true, value: 'published' });
    assert.deepEqual(statusOnVerify({ moderation: 'post' }, 'published'), { ok: false, refusal: 'already-verified' });
  });

  it('approve and hide, as a table', () => {
    const table: [Parameters<typeof moderate>[0], Parameters<typeof moderate>[1], string | null, string][] = [
      ['pending', 'approve', null, 'published'],
      ['hidden', 'approve', null, 'published'],
      ['unverified', 'approve', null, 'refused:unverified'],
      ['published', 'approve', null, 'refused:unchanged'],
      ['published', 'hide', 'spam', 'hidden'],
      ['pending', 'hide', 'spam', 'hidden'],
      ['unverified', 'hide', 'spam', 'hidden'],
      ['published', 'hide', '  ', 'refused:reason-required'],
      ['published', 'hide', null, 'refused:reason-required'],
      ['hidden', 'hide', 'again', 'refused:unchanged'],
    ];
    for (const [from, action, reason, expected] of table) {
      const r = moderate(from, action, reason);
      assert.equal(r.ok ? r.value : `refused:${r.refusal}`, expected, `${from} ${action}`);
    }
    assert.deepEqual(decideReport('open', 'uphold'), { ok: true, value: { report: 'upheld', hide: true } });
    assert.deepEqual(decideReport('open', 'dismiss'), { ok: true, value: { report: 'dismissed', hide: false } });
    assert.deepEqual(decideReport('upheld', 'dismiss'), { ok: false, refusal: 'already-handled' });
  });
});

describe('permissions: role × action × phase', () => {
  const user = { kind: 'user' as const, userId: 1, name: 'U', isAdmin: false };
  const roles: Record<string, InputAccess> = {
    public: { actor: { kind: 'anonymous' }, organizer: false, chair: false },
    participant: { actor: user, organizer: false, chair: false },
    chair: { actor: user, organizer: false, chair: true },
    convener: { actor: user, organizer: true, chair: false },
  };
  const phases = ['scheduled', 'waiting-for-languages', 'open', 'closed'] as const;
  // Expected refusal (or '' when allowed) for each role, per phase in the order above.
  const expected: Record<InputAction, Record<string, string[]>> = {
    submit: {
      public: ['not-open', 'not-open', '', 'not-open'],
      participant: ['not-open', 'not-open', '', 'not-open'],
      chair: ['not-open', 'not-open', '', 'not-open'],
      convener: ['not-open', 'not-open', '', 'not-open'],
    },
    report: { public: ['', '', '', ''], participant: ['', '', '', ''], chair: ['', '', '', ''], convener: ['', '', '', ''] },
    'open-period': { public: Array(4).fill('not-signed-in'), participant: Array(4).fill('not-allowed'), chair: Array(4).fill('not-allowed'), convener: ['', '', '', ''] },
    'change-period': { public: Array(4).fill('not-signed-in'), participant: Array(4).fill('not-allowed'), chair: Array(4).fill('not-allowed'), convener: ['', '', '', 'closed'] },
    moderate: { public: Array(4).fill('not-signed-in'), participant: Array(4).fill('not-allowed'), chair: ['', '', '', ''], convener: ['', '', '', ''] },
    answer: { public: Array(4).fill('not-signed-in'), participant: Array(4).fill('not-allowed'), chair: ['', '', '', ''], convener: ['', '', '', ''] },
    import: { public: Array(4).fill('not-signed-in'), participant: Array(4).fill('not-allowed'), chair: ['', '', '', ''], convener: ['', '', '', ''] },
    'publish-report': {
      public: Array(4).fill('not-signed-in'),
      participant: Array(4).fill('not-allowed'),
      chair: ['still-open', 'still-open', 'still-open', ''],
      convener: ['still-open', 'still-open', 'still-open', ''],
    },
  };
  for (const [action, byRole] of Object.entries(expected) as [InputAction, Record<string, string[]>][]) {
    it(action, () => {
      for (const [role, want] of Object.entries(byRole)) {
        phases.forEach((phase, i) => {
          assert.equal(inputRefusal(roles[role]!, action, phase) ?? '', want[i], `${role} ${action} ${phase}`);
          assert.equal(can(roles[role]!, action, phase), want[i] === '');
        });
      }
    });
  }
});

describe('processing pace', () => {
  it('a first run and runs after short ones go at once; after a long run, the next waits nine times as long', () => {
    assert.equal(nextRunAllowedAt(undefined), 0);
    assert.equal(nextRunAllowedAt({ endedAt: 50_000, tookMs: 200 }), 0, 'a 200 ms run: the 2 s debounce is pace enough');
    assert.equal(nextRunAllowedAt({ endedAt: 50_000, tookMs: 1000 }), 59_000);
    assert.equal(nextRunAllowedAt({ endedAt: 50_000, tookMs: 10_000 }, 0.5), 60_000);
  });

  it('counts comments a second: the last whole second, or the current one once it has more; nothing after a quiet second', () => {
    const c: IntakeCount = { second: 0, count: 0, previous: 0 };
    for (let i = 0; i < 300; i++) countIntake(c, 10_000 + i);
    assert.equal(intakePerSecond(c, 10_999), 300);
    assert.equal(intakePerSecond(c, 11_000), 300, 'the second that just ended');
    for (let i = 0; i < 20; i++) countIntake(c, 11_100 + i);
    assert.equal(intakePerSecond(c, 11_500), 300);
    for (let i = 0; i < 400; i++) countIntake(c, 11_200 + i);
    assert.equal(intakePerSecond(c, 11_900), 420);
    assert.equal(intakePerSecond(c, 12_500), 420);
    assert.equal(intakePerSecond(c, 13_000), 0, 'a whole quiet second');
    countIntake(c, 15_000);
    assert.equal(intakePerSecond(c, 15_001), 1, 'a gap forgets the old seconds');
    assert.equal(intakePerSecond(undefined, 15_001), 0);
  });

  it('waits for a flood to pass, but never longer than the limit after the oldest comment still to process', () => {
    const now = 1_000_000;
    const recent = new Date(now - 5_000);
    assert.equal(waitsForFlood(FLOOD_PER_SECOND, recent, now), true);
    assert.equal(waitsForFlood(FLOOD_PER_SECOND - 1, recent, now), false, 'no flood');
    assert.equal(waitsForFlood(FLOOD_PER_SECOND, null, now), false, 'nothing waits');
    assert.equal(waitsForFlood(10 * FLOOD_PER_SECOND, new Date(now - FLOOD_MAX_WAIT_MS), now), false, 'waited long enough');
  });
});

describe('changing a period', () => {
  const tz = 'America/Toronto';
  it('before it opens: checked as when scheduling, and a start that has passed (waiting for a language) may stay', () => {
    const p = period();
    const before = new Date('2019-02-24T00:00:00Z');
    const later = { startsAt: new Date('2019-03-01T14:00:00Z'), endsAt: new Date('2019-04-20T21:00:00Z'), timeZone: tz };
    assert.deepEqual(changeSchedule(p, later, before), { ok: true, value: later });
    assert.deepEqual(changeSchedule(p, { ...later, endsAt: later.startsAt }, before), { ok: false, refusal: 'end-before-start' });
    const waiting = period({ languagesLiveAt: null });
    const afterStart = new Date('2019-02-27T00:00:00Z');
    const sameStart = { startsAt: waiting.startsAt, endsAt: new Date('2019-04-30T21:00:00Z'), timeZone: tz };
    assert.equal(changeSchedule(waiting, sameStart, afterStart).ok, true);
    assert.deepEqual(changeSchedule(waiting, { ...sameStart, startsAt: new Date('2019-02-26T14:00:00Z') }, afterStart), { ok: false, refusal: 'start-in-past' });
  });
  it('once open: only the end, as shown (the days kept for late languages included), still ahead; closed: nothing', () => {
    const lateBy = 4 * 86_400_000;
    const p = period({ languagesLiveAt: new Date(new Date('2019-02-25T14:00:00Z').getTime() + lateBy) });
    const now = new Date('2019-03-10T00:00:00Z');
    const shownEnd = new Date('2019-04-30T21:00:00Z');
    const r = changeSchedule(p, { startsAt: new Date('2019-01-01T00:00:00Z'), endsAt: shownEnd, timeZone: 'Asia/Tokyo' }, now);
    assert.ok(r.ok);
    assert.equal(r.value.startsAt.getTime(), p.startsAt.getTime());
    assert.equal(r.value.timeZone, tz);
    assert.equal(effectiveEnd({ ...p, ...r.value }).getTime(), shownEnd.getTime());
    assert.deepEqual(changeSchedule(p, { ...p, endsAt: new Date(now.getTime() - 1) }, now), { ok: false, refusal: 'end-in-past' });
    assert.deepEqual(changeSchedule(p, { ...p, endsAt: new Date('2019-03-01T00:00:00Z') }, now), { ok: false, refusal: 'end-in-past' });
    assert.deepEqual(changeSchedule(p, { ...p, endsAt: shownEnd }, new Date('2019-06-01T00:00:00Z')), { ok: false, refusal: 'closed' });
  });
});
