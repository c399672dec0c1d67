// POST /api/v1/life-events/death-lists: the administrator uploads a ministry's list; the summary
// counts what was applied, already known and held (row numbers and reasons only); a file that cannot
// be read is refused as a whole with problem+json and changes nothing; others may not upload, and
// the list reaches only the persons of the uploader's organisation and governorates.
import { expect, test } from 'vitest';
import { snapshot } from '../support/factories.ts';
import { useTestApp } from '../support/testApp.ts';
import { family, HEADER, line, nid, rest } from '../lifeEvents/deathListSupport.ts';

const t = useTestApp();
const URL = '/api/v1/life-events/death-lists';

test('happy: the head dies, a new head is proposed in the tasks; the same list again adds nothing', async () => {
  const admin = await t.user({ role: 'administrator' });
  const f = await family(t, admin);
  const content = [
    HEADER,
    line(f.ids.head, 'سامر', ...rest, '2024-05-01', 'MOH-7'),
    line(nid(), 'سامر', ...rest, '2024-05-01', 'MOH-7'),
  ].join('\r\n');
  const r = await t.post(admin, URL, { fileName: 'moh-7.csv', content });
  expect(r.statusCode, r.body).toBe(200);
  expect(r.json()).toMatchObject({ rows: 2, applied: 1, alreadyKnown: 0, held: 1, heldRows: [{ rowNumber: 3, reason: 'not_found' }] });
  expect(r.json().heldBy.not_found).toBe(1);
  expect(r.body).not.toContain(f.ids.head);
  expect(r.body).not.toContain('سامر');

  const events = (await t.get(admin, `/api/v1/persons/${f.head}/life-events`)).json().items;
  expect(events).toMatchObject([{ kind: 'death', source: 'health_ministry_list', state: 'confirmed', date: '2024-05-01' }]);
  const tasks = (await t.get(admin, '/api/v1/tasks')).json().items.filter((x: { householdId: string }) => x.householdId === f.householdId);
  expect(tasks).toMatchObject([{ kind: 'new_head', status: 'open', person: { id: f.head }, proposedHead: { id: f.spouse } }]);

  const before = await snapshot(t.db);
  const again = await t.post(admin, URL, { fileName: 'moh-7 (copy).csv', content });
  expect(again.json()).toMatchObject({ rows: 2, applied: 0, alreadyKnown: 1, held: 1 });
  const after = await snapshot(t.db);
  // only the change log's record of the attempt (counts, no names) is added
  expect({ ...after, change_log: 0, head: 0 }).toEqual({ ...before, change_log: 0, head: 0 });
  const log = await t.db.pool.query("SELECT after FROM change_log WHERE entity = 'death_list' ORDER BY seq DESC LIMIT 1");
  expect(JSON.stringify(log.rows[0].after)).not.toContain(f.ids.head);
});

test('error: a file without the columns, an unclosed quote, an empty body: problem+json, nothing changed', async () => {
  const admin = await t.user({ role: 'administrator' });
  const before = await snapshot(t.db);
  const missing = await t.post(admin, URL, { fileName: 'x.csv', content: 'national_id,name\n123456789,someone\n' });
  expect(missing.statusCode).toBe(422);
  expect(missing.headers['content-type']).toContain('application/problem+json');
  expect(missing.json()).toMatchObject({ type: '/problems/death_list_unreadable', status: 422 });
  expect(missing.json().detail).toContain('date_of_death');
  expect(missing.body).not.toContain('someone');
  const quote = await t.post(admin, URL, { fileName: 'x.csv', content: `${HEADER}\n"123456789,a,b,c,d,2024-01-01,x\n` });
  expect(quote.statusCode).toBe(422);
  expect(quote.json().type).toBe('/problems/death_list_unreadable');
  const empty = await t.post(admin, URL, { fileName: 'x.csv', content: '' });
  expect(empty.statusCode).toBe(422);
  expect(empty.json().type).toBe('/problems/validation');
  const extra = await t.post(admin, URL, { fileName: 'x.csv', content: `${HEADER}\n`, path: '/etc/passwd' });
  expect(extra.statusCode).toBe(422);
  expect(await snapshot(t.db)).toEqual(before);
});

test('security: signed out 401, other roles 403; another organisation or governorate does not reach the person', async () => {
  const admin = await t.user({ role: 'administrator' });
  const f = await family(t, admin);
  const content = [HEADER, line(f.ids.head, 'سامر', ...rest, '2024-05-01', 'MOH-8')].join('\n');
  const before = await snapshot(t.db);
  const anon = await t.request(undefined, 'POST', URL, { fileName: 'a.csv', content });
  expect(anon.statusCode).toBe(401);
  for (const role of ['registration_officer', 'caseworker', 'case_supervisor', 'analyst', 'auditor'] as const) {
    const u = await t.user({ role, orgId: admin.orgId });
    const r = await t.post(u, URL, { fileName: 'a.csv', content });
    expect(r.statusCode, role).toBe(403);
  }
  expect((await snapshot(t.db)).life_event).toBe(before.life_event);
  // an administrator elsewhere: the ID number finds nobody (the person's existence is not revealed)
  for (const u of [
    await t.user({ role: 'administrator' }),
    await t.user({ role: 'administrator', orgId: admin.orgId, governorates: ['PS0105'] }),
  ]) {
    const r = await t.post(u, URL, { fileName: 'a.csv', content });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ applied: 0, held: 1, heldRows: [{ rowNumber: 2, reason: 'not_found' }] });
  }
  expect((await t.get(admin, `/api/v1/persons/${f.head}/life-events`)).json().items).toEqual([]);
});
