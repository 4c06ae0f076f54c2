import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanQuery, MARK_END, MARK_START, snippetParts } from '../../src/capabilities/search/domain/query.ts';

describe('search queries and snippets', () => {
  it('cleans what the reader typed', () => {
    assert.deepEqual(cleanQuery('  réunion\u0000 de  travail '), { text: 'réunion de travail', problem: null });
    assert.deepEqual(cleanQuery('"?!"'), { text: '"?!"', problem: 'empty' });
    assert.equal(cleanQuery('a'.repeat(201)).problem, 'too-long');
  });
  it('turns markers into parts, so the view escapes text and marks matches', () => {
    assert.deepEqual(snippetParts(`a ${MARK_START}<b>${MARK_END} c`), [
      { text: 'a ', mark: false },
      { text: '<b>', mark: true },
      { text: ' c', mark: false },
    ]);
  });
});
