// GET /api/v1/stats/governorates: people (female, male) and households per governorate, for the
// actor's organisation and governorates only. Counts, no personal data.
import { expect, test } from 'vitest';
import { GovernorateStats } from '../../src/api/routes/stats/schema.ts';
import { personInput } from '../support/factories.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
/** The living-in counts of a row: people (current members), households, of them displaced. */
const living = (livingPeople: number | null, livingHouseholds: number | null, displacedHouseholds: number | null) => ({
  livingPeople,
  livingHouseholds,
  displacedHouseholds,
});

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
      { governorate: 'PS0260', people: 3, female: 2, male: 1, households: 1, ...living(1, 1, 0) },
      { governorate: 'PS0270', people: 1, female: 0, male: 1, households: 0, ...living(0, 0, 0) },
    ],
    totals: { people: 4, female: 2, male: 2, households: 1, ...living(1, 1, 0) },
  });
  // the analyst sees only aggregates: every count of 1 to 4 withheld, 0 stays 0
  expect((await t.get(analyst, '/api/v1/stats/governorates')).json()).toEqual({
    items: [
      { governorate: 'PS0260', people: null, female: null, male: null, households: null, ...living(null, null, 0) },
      { governorate: 'PS0270', people: null, female: 0, male: null, households: 0, ...living(0, 0, 0) },
    ],
    totals: { people: null, female: null, male: null, households: null, ...living(null, null, 0) },
  });
  expect((await t.get(narrow, '/api/v1/stats/governorates')).json()).toEqual({
    items: [{ governorate: 'PS0270', people: null, female: 0, male: null, households: 0, ...living(0, 0, 0) }],
    totals: { people: null, female: 0, male: null, households: 0, ...living(0, 0, 0) },
  });
  const khanYounisOfficer = await t.user({ role: 'registration_officer', orgId: officer.orgId, governorates: ['PS0270'] });
  expect((await t.get(khanYounisOfficer, '/api/v1/stats/governorates')).json()).toEqual({
    items: [{ governorate: 'PS0270', people: 1, female: 0, male: 1, households: 0, ...living(0, 0, 0) }],
    totals: { people: 1, female: 0, male: 1, households: 0, ...living(0, 0, 0) },
  });
  expect((await t.get(stranger, '/api/v1/stats/governorates')).json()).toEqual({
    items: [{ governorate: 'PS0260', people: 1, female: 1, male: 0, households: 0, ...living(0, 0, 0) }],
    totals: { people: 1, female: 1, male: 0, households: 0, ...living(0, 0, 0) },
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

test('living in: households counted where their latest move took them (a return brings them home), registered in: where they registered', async () => {
  const officer = await t.user({ role: 'registration_officer', governorates: ['PS0255', 'PS0260', 'PS0265', 'PS0270', 'PS0275'] });
  const stats = async () => GovernorateStats.parse((await t.get(officer, '/api/v1/stats/governorates')).json());
  const row = async (g: string) => (await stats()).items.find((i) => i.governorate === g)!;
  const hh = async (governorate: string, size: number) => {
    const ids: string[] = [];
    for (let i = 0; i < size; i++) ids.push((await t.post(officer, '/api/v1/persons', personInput({ governorate }))).json().id);
    const r = await t.post(officer, '/api/v1/households', {
      governorate,
      members: ids.map((personId, i) => ({ personId, relationship: i === 0 ? 'head' : 'son' })),
    });
    expect(r.statusCode).toBe(201);
    return r.json().id as string;
  };
  const move = async (id: string, body: Record<string, unknown>) => {
    const r = await t.post(officer, `/api/v1/households/${id}/displacements`, { date: '2024-01-10', reason: 'hostilities', ...body });
    expect(r.statusCode, r.body).toBeLessThan(300);
  };
  const a = await hh('PS0255', 3);
  const b = await hh('PS0255', 2);
  await hh('PS0255', 4);
  await move(a, { toGovernorate: 'PS0275' });
  await move(b, { toGovernorate: 'PS0265' });
  await move(b, { toGovernorate: 'PS0255', reason: 'return', date: '2024-03-01' });
  expect(await row('PS0255')).toMatchObject({ people: 9, households: 3, livingHouseholds: 2, livingPeople: 6, displacedHouseholds: 0 });
  expect(await row('PS0275')).toMatchObject({ people: 0, households: 0, livingHouseholds: 1, livingPeople: 3, displacedHouseholds: 1 });
  expect(await row('PS0265')).toMatchObject({ livingHouseholds: 0, livingPeople: 0 });
  // the same figures, computed independently from the displacement records
  const truth = await t.db.pool.query<{ gov: string; households: number; people: number }>(
    `SELECT coalesce(l.to_governorate, h.governorate) AS gov, count(*)::int AS households,
            sum((SELECT count(*) FROM household_member m WHERE m.household_id = h.id AND m.valid_to IS NULL))::int AS people
       FROM household h
       LEFT JOIN LATERAL (SELECT to_governorate FROM displacement_event d WHERE d.household_id = h.id ORDER BY event_date DESC, recorded_at DESC LIMIT 1) l ON true
      WHERE h.org_id = $1 GROUP BY 1`,
    [officer.orgId],
  );
  const seen = await stats();
  for (const r of truth.rows)
    expect(seen.items.find((i) => i.governorate === r.gov)).toMatchObject({ livingHouseholds: r.households, livingPeople: r.people });
});
