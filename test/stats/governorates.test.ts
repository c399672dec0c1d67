// GET /api/v1/stats/governorates: people (female, male) and households per governorate, for the
// actor's organisation and governorates only. Counts, no personal data.
import { expect, test } from 'vitest';
import { GovernorateStats } from '../../src/api/routes/stats/schema.ts';
import { personInput } from '../support/factories.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();

test('counts people by sex and households in each of the actor’s governorates, for their organisation only', async () => {
  const officer = await t.user({ role: 'registration_officer', governorates: ['PS0260', 'PS0270'] });
  const analyst = await t.user({ role: 'analyst', orgId: officer.orgId, governorates: ['PS0260', 'PS0270'] });
  const narrow = await t.user({ role: 'analyst', orgId: officer.orgId, governorates: ['PS0270'] });
  const stranger = await t.user({ role: 'registration_officer', governorates: ['PS0260'] });
  const add = async (u: typeof officer, over: Record<string, unknown>) => {
    const res = await t.post(u, '/api/v1/persons', personInput(over));
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const head = await add(officer, { governorate: 'PS0260', sex: 'female' });
  await add(officer, { governorate: 'PS0260', sex: 'female' });
  await add(officer, { governorate: 'PS0260', sex: 'male' });
  await add(officer, { governorate: 'PS0270', sex: 'male' });
  await add(stranger, { governorate: 'PS0260', sex: 'female' }); // another organisation
  const hh = await t.post(officer, '/api/v1/households', { governorate: 'PS0260', members: [{ personId: head, relationship: 'head' }] });
  expect(hh.statusCode).toBe(201);

  // the registration officer reads people's records: exact counts of their governorates, and totals
  const res = await t.get(officer, '/api/v1/stats/governorates');
  expect(res.statusCode).toBe(200);
  expect(GovernorateStats.parse(res.json())).toEqual({
    items: [
      { governorate: 'PS0260', people: 3, female: 2, male: 1, households: 1 },
      { governorate: 'PS0270', people: 1, female: 0, male: 1, households: 0 },
    ],
    totals: { people: 4, female: 2, male: 2, households: 1 },
  });
  // the analyst sees only aggregates: every count of 1 to 4 withheld, 0 stays 0
  expect((await t.get(analyst, '/api/v1/stats/governorates')).json()).toEqual({
    items: [
      { governorate: 'PS0260', people: null, female: null, male: null, households: null },
      { governorate: 'PS0270', people: null, female: 0, male: null, households: 0 },
    ],
    totals: { people: null, female: null, male: null, households: null },
  });
  expect((await t.get(narrow, '/api/v1/stats/governorates')).json()).toEqual({
    items: [{ governorate: 'PS0270', people: null, female: 0, male: null, households: 0 }],
    totals: { people: null, female: 0, male: null, households: 0 },
  });
  const khanYounisOfficer = await t.user({ role: 'registration_officer', orgId: officer.orgId, governorates: ['PS0270'] });
  expect((await t.get(khanYounisOfficer, '/api/v1/stats/governorates')).json()).toEqual({
    items: [{ governorate: 'PS0270', people: 1, female: 0, male: 1, households: 0 }],
    totals: { people: 1, female: 0, male: 1, households: 0 },
  });
  expect((await t.get(stranger, '/api/v1/stats/governorates')).json()).toEqual({
    items: [{ governorate: 'PS0260', people: 1, female: 1, male: 0, households: 0 }],
    totals: { people: 1, female: 1, male: 0, households: 0 },
  });
});

test('an analyst sees no count of 1 to 4, and cannot recompute one from the totals', async () => {
  const officer = await t.user({ role: 'registration_officer', governorates: ['PS0105', 'PS0110'] });
  const analyst = await t.user({ role: 'analyst', orgId: officer.orgId, governorates: ['PS0105', 'PS0110'] });
  const add = async (governorate: string, sex: string, n: number) => {
    for (let i = 0; i < n; i++) expect((await t.post(officer, '/api/v1/persons', personInput({ governorate, sex }))).statusCode).toBe(201);
  };
  await add('PS0105', 'female', 7);
  await add('PS0105', 'male', 2); // one small cell: male in Tubas
  await add('PS0110', 'female', 6);
  await add('PS0110', 'male', 9);
  const exact = GovernorateStats.parse((await t.get(officer, '/api/v1/stats/governorates')).json());
  expect(exact.items.map((i) => i.male)).toEqual([2, 9]);
  const seen = GovernorateStats.parse((await t.get(analyst, '/api/v1/stats/governorates')).json());
  const cells = [...seen.items.flatMap((i) => [i.people, i.female, i.male, i.households]), ...Object.values(seen.totals)];
  for (const c of cells) if (c !== null) expect(c === 0 || c >= 5, String(c)).toBe(true);
  const tubas = seen.items[0]!;
  expect(tubas.male).toBeNull();
  // people = women + men in Tubas, and the men total = Tubas + Nablus: neither gives 2 away
  expect(tubas.people === null || tubas.female === null).toBe(true);
  expect(seen.totals.male === null || seen.items[1]!.male === null).toBe(true);
  // published cells are exact
  seen.items.forEach((i, n) => {
    for (const k of ['people', 'female', 'male', 'households'] as const) if (i[k] !== null) expect(i[k]).toBe(exact.items[n]![k]);
  });
});

test('auditors may not (not in the matrix): 403; no session 401', async () => {
  expect((await t.get(await t.user({ role: 'auditor' }), '/api/v1/stats/governorates')).statusCode).toBe(403);
  expect((await t.get(undefined, '/api/v1/stats/governorates')).statusCode).toBe(401);
});
