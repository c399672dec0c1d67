// Households over time: members and relationships, change of head, split, merge, displacement,
// vulnerabilities; "who was in this household on date D".
import { beforeAll, expect, test } from 'vitest';
import type { TestUser } from '../support/factories.ts';
import { makeHousehold, makePerson } from '../support/make.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
let u: TestUser;
beforeAll(async () => {
  u = await t.user({ role: 'caseworker' });
});

const person = async (over: Record<string, unknown> = {}) => (await makePerson(t, u, over)).id;
const post = (url: string, payload: unknown) => t.post(u, url, payload);
const get = async (id: string, on: string) => (await t.get(u, `/api/v1/households/${id}?on=${on}`)).json();
const memberIds = (h: { members: { personId: string }[] }) => h.members.map((m) => m.personId).sort();

test('a household through a change of head, a split and a merge', async () => {
  const father = await person({ sex: 'male', dateOfBirth: '1970-01-01' });
  const mother = await person({ sex: 'female', dateOfBirth: '1974-05-05' });
  const son = await person({ sex: 'male', dateOfBirth: '1995-02-02' });
  const daughter = await person({ sex: 'female', dateOfBirth: '2010-03-03' });
  const created = await post('/api/v1/households', {
    governorate: 'PS0260',
    date: '2023-01-01',
    members: [
      { personId: father, relationship: 'head' },
      { personId: mother, relationship: 'spouse' },
      { personId: son, relationship: 'son' },
      { personId: daughter, relationship: 'daughter' },
    ],
  });
  expect(created.statusCode).toBe(201);
  const hh = created.json().id;

  // the father dies; the mother becomes head on 2024-01-10
  expect(
    (await post(`/api/v1/persons/${father}/status-events`, { kind: 'deceased', date: '2024-01-10', source: 'hospital record' })).statusCode,
  ).toBe(201);
  const headChange = await post(`/api/v1/households/${hh}/head`, { personId: mother, date: '2024-01-10', previousHead: 'leaves' });
  expect(headChange.statusCode).toBe(200);
  expect(headChange.json().vulnerabilities.map((v: { kind: string }) => v.kind)).toContain('female_headed');

  // the son marries and splits off on 2024-06-01
  const wife = await person({ sex: 'female', familyName: 'النجار' });
  const split = await post(`/api/v1/households/${hh}/split`, { date: '2024-06-01', members: [{ personId: son, relationship: 'head' }] });
  expect(split.statusCode).toBe(200);
  const newHh = (await t.db.pool.query("SELECT other_id FROM household_event WHERE kind = 'split' AND household_id = $1", [hh])).rows[0]
    .other_id;
  expect(
    (await post(`/api/v1/households/${newHh}/members`, { personId: wife, relationship: 'spouse', date: '2024-06-02' })).statusCode,
  ).toBe(200);

  // displaced together, the two households merge on 2025-01-15
  expect((await post(`/api/v1/households/${hh}/merge`, { otherId: newHh, date: '2025-01-15' })).statusCode).toBe(200);
  expect(
    (
      await post(`/api/v1/households/${hh}/displacements`, {
        date: '2025-01-20',
        fromGovernorate: 'PS0260',
        toGovernorate: 'PS0265',
        reason: 'evacuation_order',
      })
    ).statusCode,
  ).toBe(200);

  // who was in the household on each date
  expect(memberIds(await get(hh, '2023-06-01'))).toEqual([father, mother, son, daughter].sort());
  expect(memberIds(await get(hh, '2024-03-01'))).toEqual([mother, son, daughter].sort());
  expect(memberIds(await get(hh, '2024-07-01'))).toEqual([mother, daughter].sort());
  expect(memberIds(await get(newHh, '2024-07-01'))).toEqual([son, wife].sort());
  const now = await get(hh, '2025-02-01');
  expect(memberIds(now)).toEqual([mother, daughter, son, wife].sort());
  expect(now.members.find((m: { relationship: string }) => m.relationship === 'head').personId).toBe(mother);
  expect(now.currentLocation).toEqual({ governorate: 'PS0265', locality: null, site: null, since: '2025-01-20' });
  expect(memberIds(await get(newHh, '2025-02-01'))).toEqual([]);
  const sonNow = (await t.get(u, `/api/v1/persons/${son}`)).json();
  expect(sonNow.household).toEqual({ id: hh, relationship: 'other_relative', since: '2025-01-15' });
  const before = await get(hh, '2023-06-01');
  expect(before.members.find((m: { relationship: string }) => m.relationship === 'head').personId).toBe(father);

  // every change is in the change log
  const actions = (
    await t.db.pool.query("SELECT action FROM change_log WHERE entity = 'household' AND entity_id = $1 AND action <> 'read' ORDER BY seq", [
      hh,
    ])
  ).rows.map((r) => r.action);
  expect(actions).toEqual(['create', 'head_change', 'split', 'merge', 'displacement']);
});

test('a person cannot be a current member of two households', async () => {
  const a = await person();
  const b = await person();
  const headedBy = async (personId: string) => (await makeHousehold(t, u, { members: [{ personId, relationship: 'head' }] })).id;
  const h1 = await headedBy(a);
  const h2 = await headedBy(b);
  const again = await post(`/api/v1/households/${h2}/members`, { personId: a, relationship: 'brother' });
  expect(again.statusCode).toBe(409);
  expect(again.json().detail).toMatch(/already a current member/);
  // the head cannot move away without a new head; a non-head can move with move: true
  const c = await person();
  expect((await post(`/api/v1/households/${h1}/members`, { personId: c, relationship: 'son' })).statusCode).toBe(200);
  expect((await post(`/api/v1/households/${h2}/members`, { personId: c, relationship: 'other_relative', move: true })).statusCode).toBe(
    200,
  );
  expect(memberIds(await get(h2, new Date().toISOString().slice(0, 10)))).toEqual([b, c].sort());
});

test('a household needs exactly one head', async () => {
  const a = await person();
  const b = await person();
  const r = await post('/api/v1/households', {
    governorate: 'PS0260',
    members: [
      { personId: a, relationship: 'son' },
      { personId: b, relationship: 'daughter' },
    ],
  });
  expect(r.statusCode).toBe(422);
  expect(r.json().errors).toEqual([{ field: 'members', reason: 'one_head', params: { count: 0 } }]);
});

test('recorded and derived vulnerabilities', async () => {
  const grandma = await person({ sex: 'female', dateOfBirth: '1950-01-01' });
  const child = await person({ sex: 'male', dateOfBirth: '2015-01-01' });
  const h = (
    await post('/api/v1/households', {
      governorate: 'PS0275',
      date: '2024-01-01',
      members: [
        { personId: grandma, relationship: 'head' },
        { personId: child, relationship: 'grandchild' },
      ],
    })
  ).json().id;
  const r = await post(`/api/v1/households/${h}/vulnerabilities`, { kind: 'separated_child', personId: child, date: '2024-02-01' });
  expect(r.statusCode).toBe(200);
  const kinds = r
    .json()
    .vulnerabilities.map((v: { kind: string }) => v.kind)
    .sort();
  expect(kinds).toEqual(['elderly_headed', 'female_headed', 'separated_child']);
});
