import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testApp, type TestApp } from '../support/app.ts';

// The demo process, as seeded through the commands: its meetings are searchable,
// and the live demo meeting's agenda shows where the linked proposals stand.
let t: TestApp;
before(async () => {
  t = await testApp({ demo: true });
});
after(() => t.close());

describe('the demo, integrated', () => {
  it('demo meetings are in the search index from the seed, in both languages', async () => {
    const en = await t.client().get('/en/p/iot-security/search?q=kick-off&type=meeting');
    assert.equal(en.status, 200);
    assert.match(en.text, /href="\/en\/p\/iot-security\/meetings\/\d+"/);
    const fr = await t.client().get(`/fr/p/iot-security/search?q=${encodeURIComponent('réunion de lancement')}&type=meeting`);
    assert.match(fr.text, /href="\/fr\/p\/iot-security\/meetings\/\d+"/);
  });

  it('the live demo meeting links the proposals in discussion, with their stage, in the reader’s language', async () => {
    const list = await t.client().get('/fr/p/iot-security/meetings');
    const live = /href="(\/fr\/p\/iot-security\/meetings\/\d+)\/live"/.exec(list.text);
    assert.ok(live, 'a meeting in progress');
    const room = await t.client().get(`${live![1]}/live`);
    assert.match(room.text, /href="\/fr\/p\/iot-security\/decisions\/\d+"/);
    assert.match(room.text, /class="badge subject-status">.*?<\/span>En discussion<\/span>/);
    assert.match(room.text, /Sens de la salle — ce n’est pas un vote/);
  });
});
