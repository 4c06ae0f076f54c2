import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_CONVENER_EMAIL } from '../../src/demo/seed.ts';
import { createSession } from '../../src/platform/auth/sessions.ts';
import { testApp, type TestApp } from '../support/app.ts';

let t: TestApp;
before(async () => {
  t = await testApp({ demo: true });
});
after(() => t.close());

describe('the demo public input, answered so far', () => {
  it('comments are processed, the campaign partly accepted, the register shows progress', async () => {
    t.clock.set(new Date());
    const doc = await t.client().get('/en/p/iot-security/documents/draft-outcomes-report');
    const base = /href="(\/en\/p\/iot-security\/input\/\d+)"/.exec(doc.text)![1]!;
    const groups = await t.client().get(`${base}/clusters`);
    assert.equal(groups.status, 200);
    assert.match(groups.text, /Devices sold in remote and northern communities/);
    assert.match(groups.text, /1,240 signatories/);
    assert.doesNotMatch(groups.text, /Buy our routers/);
    const convener = await t.db.selectFrom('users').select('id').where('email', '=', DEMO_CONVENER_EMAIL).executeTakeFirstOrThrow();
    const staff = t.client();
    staff.cookies.set('concert_session', await createSession(t.db, convener.id, null, t.clock.now()));
    const register = await staff.get(`${base}/dispositions`);
    assert.equal(register.status, 200);
    assert.match(register.text, /2 of 4 comments answered/);
    assert.match(register.text, /Partly accepted/);
    assert.match(register.text, /Out of scope/);
    const fr = await staff.get(`${base.replace('/en/', '/fr/')}/what-we-heard/draft`);
    assert.equal(fr.status, 200);
    assert.match(fr.text, /Retenu en partie/);
  });
});
