// POST /api/v1/households/:id/head: a current member becomes head; the previous head stays or leaves.
import { expect, test } from 'vitest';
import { useTestApp } from '../support/testApp.ts';
import { household, ids, logged, readOn, refusesOutsiders } from './support.ts';

const t = useTestApp();
const head = (hh: string) => `/api/v1/households/${hh}/head`;
const relationOf = (h: { members: { personId: string; relationship: string }[] }, id: string) =>
  h.members.find((m) => m.personId === id)?.relationship;

test('the previous head stays with the relationship given; before the date nothing changed', async () => {
  const u = await t.user();
  const h = await household(t, u, ['spouse', 'son']);
  const spouse = h.others[0]!;
  const r = await t.post(u, head(h.id), { personId: spouse, date: '2024-01-10', previousHeadRelationship: 'spouse' });
  expect(r.statusCode).toBe(200);
  expect(relationOf(r.json(), spouse)).toBe('head');
  expect(relationOf(r.json(), h.head)).toBe('spouse');
  expect(relationOf(await readOn(t, u, h.id, '2024-01-09'), h.head)).toBe('head');
  expect(await logged(t, h.id, 'head_change')).toBe(1);
});

test('the previous head leaves: no longer a member from the date', async () => {
  const u = await t.user();
  const h = await household(t, u, ['daughter']);
  const r = await t.post(u, head(h.id), { personId: h.others[0], date: '2024-03-03', previousHead: 'leaves' });
  expect(r.statusCode).toBe(200);
  expect(ids(r.json())).toEqual([h.others[0]]);
});

test('already the head: 409 already_head; not a member: 422 naming personId', async () => {
  const u = await t.user();
  const h = await household(t, u, ['son']);
  const already = await t.post(u, head(h.id), { personId: h.head });
  expect(already.statusCode).toBe(409);
  expect(already.json().type).toBe('/problems/already_head');
  const other = await household(t, u, []);
  const stranger = await t.post(u, head(h.id), { personId: other.head });
  expect(stranger.statusCode).toBe(422);
  expect(stranger.json().errors).toEqual([{ field: 'personId', reason: 'not_current_member' }]);
});

test('another organisation: 404; a role without the right: 403', async () => {
  const u = await t.user();
  const h = await household(t, u, ['son']);
  await refusesOutsiders(t, u, head(h.id), { personId: h.others[0] });
});
