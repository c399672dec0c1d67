// POST /api/v1/households/:id/split: some current members form a new household from a date.
import { expect, test } from 'vitest';
import { useTestApp } from '../support/testApp.ts';
import { household, ids, logged, readOn, refusesOutsiders } from './support.ts';

const t = useTestApp();
const split = (hh: string) => `/api/v1/households/${hh}/split`;

test('the son and his sister leave to form a household headed by him, in another governorate; the new one is linked', async () => {
  const u = await t.user();
  const h = await household(t, u, ['spouse', 'son', 'daughter']);
  const [spouse, son, daughter] = h.others as [string, string, string];
  const members = [
    { personId: son, relationship: 'head' },
    { personId: daughter, relationship: 'sister' },
  ];
  const r = await t.post(u, split(h.id), { date: '2024-06-01', governorate: 'PS0275', members });
  expect(r.statusCode).toBe(200);
  expect(ids(r.json())).toEqual([h.head, spouse].sort());
  const event = await t.db.pool.query<{ other_id: string }>(
    "SELECT other_id FROM household_event WHERE kind = 'split' AND household_id = $1",
    [h.id],
  );
  const created = await readOn(t, u, event.rows[0]!.other_id, '2024-06-01');
  expect(created.governorate).toBe('PS0275');
  expect(created.members.map((m) => [m.personId, m.relationship])).toEqual([
    [son, 'head'],
    [daughter, 'sister'],
  ]);
  expect(await logged(t, created.id, 'create_by_split')).toBe(1);
});

test('the head cannot split off (409); non-members: 422 on members; no head in the new list: 422 on members', async () => {
  const u = await t.user();
  const h = await household(t, u, ['son']);
  const other = await household(t, u, []);
  const asHead = (personId: string) => ({ members: [{ personId, relationship: 'head' }] });
  expect((await t.post(u, split(h.id), asHead(h.head))).json().type).toBe('/problems/head_cannot_leave');
  const outsider = await t.post(u, split(h.id), asHead(other.head));
  expect(outsider.json().errors).toEqual([{ field: 'members', reason: 'not_all_current_members' }]);
  const noHead = await t.post(u, split(h.id), { members: [{ personId: h.others[0], relationship: 'son' }] });
  expect(noHead.statusCode).toBe(422);
  expect(noHead.json().errors[0]).toEqual({ field: 'members', reason: 'one_head', params: { count: 0 } });
});

test('into a governorate the user does not work in: 422 naming governorate', async () => {
  const owner = await t.user();
  const h = await household(t, owner, ['son']);
  const gaza = await t.user({ orgId: owner.orgId, governorates: ['PS0260'] });
  const r = await t.post(gaza, split(h.id), { governorate: 'PS0275', members: [{ personId: h.others[0], relationship: 'head' }] });
  expect(r.statusCode).toBe(422);
  expect(r.json().errors).toEqual([{ field: 'governorate', reason: 'outside_governorates' }]);
});

test('another organisation: 404; a role without the right: 403', async () => {
  const u = await t.user();
  const h = await household(t, u, ['son']);
  await refusesOutsiders(t, u, split(h.id), { members: [{ personId: h.others[0], relationship: 'head' }] });
});
