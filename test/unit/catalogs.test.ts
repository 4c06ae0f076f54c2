import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { en as platformEn } from '../../src/platform/messages/en.ts';
import { fr as platformFr } from '../../src/platform/messages/fr.ts';
import { en as processesEn } from '../../src/capabilities/processes/messages/en.ts';
import { fr as processesFr } from '../../src/capabilities/processes/messages/fr.ts';
import { en as participantsEn } from '../../src/capabilities/participants/messages/en.ts';
import { fr as participantsFr } from '../../src/capabilities/participants/messages/fr.ts';
import { en as groupsEn } from '../../src/capabilities/groups/messages/en.ts';
import { fr as groupsFr } from '../../src/capabilities/groups/messages/fr.ts';
import { en as consensusEn } from '../../src/capabilities/consensus/messages/en.ts';
import { fr as consensusFr } from '../../src/capabilities/consensus/messages/fr.ts';
import { en as roomEn } from '../../src/capabilities/consensus/messages/room-en.ts';
import { fr as roomFr } from '../../src/capabilities/consensus/messages/room-fr.ts';
import { en as documentsEn } from '../../src/capabilities/documents/messages/en.ts';
import { fr as documentsFr } from '../../src/capabilities/documents/messages/fr.ts';
import { en as searchEn } from '../../src/capabilities/search/messages/en.ts';
import { fr as searchFr } from '../../src/capabilities/search/messages/fr.ts';
import { en as meetingsEn } from '../../src/capabilities/meetings/messages/en.ts';
import { fr as meetingsFr } from '../../src/capabilities/meetings/messages/fr.ts';
import { en as queueEn } from '../../src/capabilities/speaking-queue/messages/en.ts';
import { fr as queueFr } from '../../src/capabilities/speaking-queue/messages/fr.ts';
// ---- public input: intake ----
import { en as intakeEn } from '../../src/capabilities/public-comment/messages/en.ts';
import { fr as intakeFr } from '../../src/capabilities/public-comment/messages/fr.ts';
// Public input, answering (issue 6).
import { answerEn } from '../../src/capabilities/public-comment/messages/answer-en.ts';
import { answerFr } from '../../src/capabilities/public-comment/messages/answer-fr.ts';

// The type-check already fails on a missing French key; this also catches
// extra keys, empty strings and record-typed maps (activity labels) out of step.
function shape(x: unknown, at = ''): string[] {
  if (typeof x === 'function') return [`${at}()${(x as (...a: unknown[]) => unknown).length}`];
  if (typeof x === 'string') return [at + (x.trim() ? '' : ' EMPTY')];
  if (x && typeof x === 'object')
    return Object.keys(x)
      .sort()
      .flatMap((k) => shape((x as Record<string, unknown>)[k], `${at}.${k}`));
  return [at];
}

const catalogs = {
  platform: [platformEn, platformFr],
  processes: [processesEn, processesFr],
  participants: [participantsEn, participantsFr],
  groups: [groupsEn, groupsFr],
  consensus: [consensusEn, consensusFr],
  'consensus (sense of the room)': [roomEn, roomFr],
  documents: [documentsEn, documentsFr],
  search: [searchEn, searchFr],
  meetings: [meetingsEn, meetingsFr],
  'speaking-queue': [queueEn, queueFr],
  // ---- public input: intake ----
  'public-comment intake': [intakeEn, intakeFr],
  // Public input, answering (issue 6).
  'public-comment answering': [answerEn, answerFr],
} as const;

describe('English and French catalogs are in step', () => {
  for (const [name, [en, fr]] of Object.entries(catalogs)) {
    it(name, () => {
      assert.deepEqual(shape(fr), shape(en));
      assert.ok(!shape(en).some((s) => s.endsWith('EMPTY')));
    });
  }
});
