// A confirmed death of a head opens a "new head" task; acting on it changes the head in one write.
import { expect, test } from 'vitest';
import { household, readOn } from '../households/support.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
const report = (u: Parameters<typeof t.post>[0], id: string, source: string, kind = 'death') =>
  t.post(u, `/api/v1/persons/${id}/life-events`, { kind, source, date: '2024-05-01' });

test('a reported death opens nothing; confirmed, it opens one task proposing the spouse; acting on it keeps the household', async () => {
  const u = await t.user({ role: 'registration_officer' });
  const h = await household(t, u, ['spouse', 'son']);
  await report(u, h.head, 'family_report');
  expect((await t.get(u, '/api/v1/tasks')).json().items).toEqual([]);
  await report(u, h.head, 'hospital');
  await report(u, h.head, 'official_record'); // already confirmed: no second task
  const tasks = (await t.get(u, '/api/v1/tasks')).json().items;
  expect(tasks).toHaveLength(1);
  expect(tasks[0]).toMatchObject({
    kind: 'new_head',
    status: 'open',
    householdId: h.id,
    person: { id: h.head },
    proposedHead: { id: h.others[0] },
  });
  const done = await t.post(u, `/api/v1/tasks/${tasks[0].id}/new-head`, { personId: h.others[0], date: '2024-05-01' });
  expect(done.statusCode, done.body).toBe(200);
  expect(done.json()).toMatchObject({ status: 'done' });
  const now = await readOn(t, u, h.id, '2024-05-02');
  const current = now.members.filter((m) => m.validTo === null);
  expect(current.find((m) => m.relationship === 'head')?.personId).toBe(h.others[0]);
  expect(current.map((m) => m.personId)).not.toContain(h.head);
  expect((await t.get(u, '/api/v1/tasks')).json().items).toEqual([]);
  const twice = await t.post(u, `/api/v1/tasks/${tasks[0].id}/new-head`, { personId: h.others[1], date: '2024-05-01' });
  expect(twice.json().type).toBe('/problems/task_closed');
});

test('the new head must be a living current member; a dismissed task says why; a death of a member who is not head opens nothing', async () => {
  const u = await t.user();
  const h = await household(t, u, ['spouse', 'son']);
  await report(u, h.others[1]!, 'official_record'); // the son, not the head
  expect((await t.get(u, '/api/v1/tasks')).json().items).toEqual([]);
  await report(u, h.head, 'official_record');
  const [task] = (await t.get(u, '/api/v1/tasks')).json().items;
  const dead = await t.post(u, `/api/v1/tasks/${task.id}/new-head`, { personId: h.others[1] });
  expect(dead.statusCode).toBe(422);
  expect(dead.json().errors[0]).toMatchObject({ field: 'personId', reason: 'member_deceased' });
  const dismissed = await t.post(u, `/api/v1/tasks/${task.id}/dismiss`, { reason: 'the family asked to wait' });
  expect(dismissed.json()).toMatchObject({ status: 'dismissed', outcome: 'the family asked to wait' });
});

test('security: tasks of another organisation or governorate are absent; a role without the right is refused', async () => {
  const u = await t.user();
  const h = await household(t, u, ['spouse']);
  await report(u, h.head, 'official_record');
  const [task] = (await t.get(u, '/api/v1/tasks')).json().items;
  const stranger = await t.user({ role: 'administrator' });
  expect((await t.get(stranger, '/api/v1/tasks')).json().items).toEqual([]);
  expect((await t.get(stranger, `/api/v1/tasks/${task.id}`)).statusCode).toBe(404);
  expect((await t.post(stranger, `/api/v1/tasks/${task.id}/dismiss`, { reason: 'x' })).statusCode).toBe(404);
  const elsewhere = await t.user({ orgId: u.orgId, governorates: ['PS0105'] });
  expect((await t.get(elsewhere, '/api/v1/tasks')).json().items).toEqual([]);
  const analyst = await t.user({ role: 'analyst', orgId: u.orgId });
  expect((await t.get(analyst, '/api/v1/tasks')).statusCode).toBe(403);
  expect((await t.post(analyst, `/api/v1/tasks/${task.id}/dismiss`, { reason: 'x' })).statusCode).toBe(403);
});

test('a severe injury confirmed by a hospital opens a "record vulnerability" task; acting on it records it for the person', async () => {
  const u = await t.user();
  const h = await household(t, u, ['spouse', 'son']);
  const injury = { kind: 'injury', source: 'family_report', detail: { severity: 'minor' } };
  await t.post(u, `/api/v1/persons/${h.others[1]}/life-events`, injury);
  expect((await t.get(u, '/api/v1/tasks')).json().items).toEqual([]);
  await t.post(u, `/api/v1/persons/${h.others[1]}/life-events`, {
    ...injury,
    source: 'hospital',
    detail: { severity: 'severe', amputation: true },
  });
  const [task] = (await t.get(u, '/api/v1/tasks')).json().items;
  expect(task).toMatchObject({ kind: 'record_vulnerability', vulnerability: 'injured', person: { id: h.others[1] }, proposedHead: null });
  const wrong = await t.post(u, `/api/v1/tasks/${task.id}/new-head`, { personId: h.others[0] });
  expect(wrong.json().type).toBe('/problems/task_closed');
  const done = await t.post(u, `/api/v1/tasks/${task.id}/vulnerability`, { date: '2024-05-02' });
  expect(done.statusCode, done.body).toBe(200);
  const hh = await readOn(t, u, h.id, '2024-05-03');
  expect(hh.vulnerabilities).toContainEqual(expect.objectContaining({ kind: 'injured', personId: h.others[1] }));
});
