// POST /api/v1/households/:id/merge: every current member of another household joins this one.
import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { useTestApp } from '../support/testApp.ts';
import { household, ids, logged, readOn, refusesOutsiders } from './support.ts';

const t = useTestApp();
const merge = (hh: string) => `/api/v1/households/${hh}/merge`;

test("the other household's members join below the head with the relationship given; the other is left empty", async () => {
  const u = await t.user();
  const h = await household(t, u, ['spouse']);
  const other = await household(t, u, ['son']);
  const r = await t.post(u, merge(h.id), { otherId: other.id, date: '2024-07-07', relationship: 'grandchild' });
  expect(r.statusCode).toBe(200);
  expect(ids(r.json())).toEqual([h.head, ...h.others, other.head, ...other.others].sort());
  const joined = r.json().members.filter((m: { personId: string }) => m.personId === other.head || m.personId === other.others[0]);
  expect(joined.map((m: { relationship: string }) => m.relationship)).toEqual(['grandchild', 'grandchild']);
  expect((await readOn(t, u, other.id, '2024-07-07')).members).toEqual([]);
  expect(ids(await readOn(t, u, other.id, '2024-07-06'))).toEqual([other.head, ...other.others].sort());
  expect(await logged(t, other.id, 'merged_into')).toBe(1);
});

test('itself, or joining as head: 422 naming the field; an unknown other household: 404', async () => {
  const u = await t.user();
  const h = await household(t, u, []);
  const self = await t.post(u, merge(h.id), { otherId: h.id });
  expect(self.json().errors).toEqual([{ field: 'otherId', reason: 'same_household' }]);
  const other = await household(t, u, []);
  const asHead = await t.post(u, merge(h.id), { otherId: other.id, relationship: 'head' });
  expect(asHead.json().errors[0].field).toBe('relationship');
  expect((await t.post(u, merge(h.id), { otherId: randomUUID() })).statusCode).toBe(404);
});

test('another organisation, for either household: 404; a role without the right: 403', async () => {
  const u = await t.user();
  const h = await household(t, u, []);
  const other = await household(t, u, []);
  await refusesOutsiders(t, u, merge(h.id), { otherId: other.id });
  const stranger = await t.user({ role: 'administrator' });
  const theirs = await household(t, stranger, []);
  const r = await t.post(u, merge(h.id), { otherId: theirs.id });
  expect(r.statusCode).toBe(404);
  expect(ids(await readOn(t, stranger, theirs.id, '2024-01-01'))).toEqual([theirs.head]);
});
