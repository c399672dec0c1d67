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

  const res = await t.get(analyst, '/api/v1/stats/governorates');
  expect(res.statusCode).toBe(200);
  expect(GovernorateStats.parse(res.json())).toEqual({
    items: [
      { governorate: 'PS0260', people: 3, female: 2, male: 1, households: 1 },
      { governorate: 'PS0270', people: 1, female: 0, male: 1, households: 0 },
    ],
  });
  expect((await t.get(narrow, '/api/v1/stats/governorates')).json()).toEqual({
    items: [{ governorate: 'PS0270', people: 1, female: 0, male: 1, households: 0 }],
  });
  expect((await t.get(stranger, '/api/v1/stats/governorates')).json()).toEqual({
    items: [{ governorate: 'PS0260', people: 1, female: 1, male: 0, households: 0 }],
  });
});

test('auditors may not (not in the matrix): 403; no session 401', async () => {
  expect((await t.get(await t.user({ role: 'auditor' }), '/api/v1/stats/governorates')).statusCode).toBe(403);
  expect((await t.get(undefined, '/api/v1/stats/governorates')).statusCode).toBe(401);
});
