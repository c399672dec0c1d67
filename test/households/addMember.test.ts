// POST /api/v1/households/:id/members: a person joins; with move: true they leave their household first.
import { expect, test } from 'vitest';
import { useTestApp } from '../support/testApp.ts';
import { household, ids, logged, person, readOn, refusesOutsiders } from './support.ts';

const t = useTestApp();
const join = (hh: string) => `/api/v1/households/${hh}/members`;

test('a new member joins from a date', async () => {
  const u = await t.user({ role: 'caseworker' });
  const h = await household(t, u, []);
  const baby = await person(t, u, { dateOfBirth: '2024-04-04' });
  const r = await t.post(u, join(h.id), { personId: baby, relationship: 'daughter', date: '2024-04-04' });
  expect(r.statusCode).toBe(200);
  expect(r.json().members).toContainEqual(expect.objectContaining({ personId: baby, relationship: 'daughter', validFrom: '2024-04-04' }));
  expect(ids(await readOn(t, u, h.id, '2024-04-03'))).toEqual([h.head]);
  expect(await logged(t, h.id, 'member_join')).toBe(1);
});

test('a member of another household: 409 already_member, unless moved (then gone from there on that date)', async () => {
  const u = await t.user();
  const from = await household(t, u, ['son']);
  const to = await household(t, u, []);
  const son = from.others[0]!;
  const refused = await t.post(u, join(to.id), { personId: son, relationship: 'other_relative', date: '2024-02-01' });
  expect(refused.statusCode).toBe(409);
  expect(refused.json().type).toBe('/problems/already_member');
  const moved = await t.post(u, join(to.id), { personId: son, relationship: 'other_relative', date: '2024-02-01', move: true });
  expect(moved.statusCode).toBe(200);
  expect(ids(moved.json())).toEqual([to.head, son].sort());
  expect(ids(await readOn(t, u, from.id, '2024-02-01'))).toEqual([from.head]);
});

test('a second head: 409 household_has_head; an unknown person: 404; a bad relationship: 422', async () => {
  const u = await t.user();
  const h = await household(t, u, []);
  const other = await person(t, u);
  const second = await t.post(u, join(h.id), { personId: other, relationship: 'head' });
  expect(second.json().type).toBe('/problems/household_has_head');
  const unknown = await t.post(u, join(h.id), { personId: '00000000-0000-4000-8000-000000000000', relationship: 'son' });
  expect(unknown.statusCode).toBe(404);
  const bad = await t.post(u, join(h.id), { personId: other, relationship: 'cousin' });
  expect(bad.statusCode).toBe(422);
  expect(bad.json().errors[0].field).toBe('relationship');
});

test('another organisation: 404; a role without the right: 403', async () => {
  const u = await t.user();
  const h = await household(t, u, []);
  await refusesOutsiders(t, u, join(h.id), { personId: await person(t, u), relationship: 'son' });
});
