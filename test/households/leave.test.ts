// POST /api/v1/households/:id/members/:personId/leave: a member leaves on a date; the head cannot.
import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { useTestApp } from '../support/testApp.ts';
import { household, ids, logged, readOn } from './support.ts';

const t = useTestApp();
const leave = (hh: string, p: string) => `/api/v1/households/${hh}/members/${p}/leave`;

test('a member leaves: gone from that date on, still there the day before; the change is logged', async () => {
  const u = await t.user({ role: 'caseworker' });
  const h = await household(t, u);
  const [spouse, son] = h.others as [string, string];
  const r = await t.post(u, leave(h.id, son), { date: '2024-03-01' });
  expect(r.statusCode).toBe(200);
  expect(ids(r.json())).toEqual([h.head, spouse].sort());
  expect(ids(await readOn(t, u, h.id, '2024-02-29'))).toEqual([h.head, spouse, son].sort());
  expect(ids(await readOn(t, u, h.id, '2024-03-01'))).toEqual([h.head, spouse].sort());
  expect(await logged(t, h.id, 'member_leave')).toBe(1);
});

test('the head cannot leave: 409 head_cannot_leave, nothing changes', async () => {
  const u = await t.user();
  const h = await household(t, u);
  const r = await t.post(u, leave(h.id, h.head), { date: '2024-03-01' });
  expect(r.statusCode).toBe(409);
  expect(r.json().type).toBe('/problems/head_cannot_leave');
  expect(ids(await readOn(t, u, h.id, '2024-03-01'))).toContain(h.head);
  expect(await logged(t, h.id, 'member_leave')).toBe(0);
});

test('someone who is not a current member: 404; a date before they joined: 422 naming date', async () => {
  const u = await t.user();
  const h = await household(t, u, ['son']);
  const other = await household(t, u, []);
  const notMember = await t.post(u, leave(h.id, other.head), {});
  expect(notMember.statusCode).toBe(404);
  expect(notMember.json().type).toBe('/problems/not_found');
  const early = await t.post(u, leave(h.id, h.others[0]!), { date: '2022-12-31' });
  expect(early.statusCode).toBe(422);
  expect(early.json().errors).toEqual([{ field: 'date', reason: 'before_membership' }]);
});

test('ids that are not UUIDs: 422 naming the parameter; a future date: 422 naming date', async () => {
  const u = await t.user();
  const h = await household(t, u, ['son']);
  const bad = await t.post(u, leave(h.id, 'not-an-id'), {});
  expect(bad.statusCode).toBe(422);
  expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['params.personId']);
  const future = await t.post(u, leave(h.id, h.others[0]!), { date: '2999-01-01' });
  expect(future.statusCode).toBe(422);
  expect(future.json().errors[0].field).toBe('date');
});

test('another organisation gets 404 (and changes nothing); a role without the right gets 403', async () => {
  const u = await t.user();
  const h = await household(t, u, ['son']);
  const stranger = await t.user({ role: 'administrator' });
  expect((await t.post(stranger, leave(h.id, h.others[0]!), {})).statusCode).toBe(404);
  expect((await t.post(stranger, leave(randomUUID(), h.others[0]!), {})).statusCode).toBe(404);
  const analyst = await t.user({ role: 'analyst', orgId: u.orgId });
  const denied = await t.post(analyst, leave(h.id, h.others[0]!), {});
  expect(denied.statusCode).toBe(403);
  expect(denied.json().type).toBe('/problems/forbidden');
  expect(ids(await readOn(t, u, h.id, '2024-01-01'))).toContain(h.others[0]);
});

test('the same Idempotency-Key twice: one leave, the replay answers the same', async () => {
  const u = await t.user();
  const h = await household(t, u, ['son', 'daughter']);
  const key = randomUUID();
  const first = await t.post(u, leave(h.id, h.others[0]!), { date: '2024-05-05' }, { idempotencyKey: key });
  const again = await t.post(u, leave(h.id, h.others[0]!), { date: '2024-05-05' }, { idempotencyKey: key });
  expect(first.statusCode).toBe(200);
  expect(again.statusCode).toBe(200);
  expect(again.headers['idempotent-replay']).toBe('true');
  expect(ids(again.json())).toEqual(ids(first.json()));
  expect(await logged(t, h.id, 'member_leave')).toBe(1);
});
