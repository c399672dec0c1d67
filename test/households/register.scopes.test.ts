// Who may register a household in one write, and where: the registry writers in their own
// governorates; existing persons of another organisation or governorate answer 404, as if absent.
import { expect, test } from 'vitest';
import { roles } from '../../src/shared/roles.ts';
import { personInput, snapshot } from '../support/factories.ts';
import { useTestApp } from '../support/testApp.ts';
import { person } from './support.ts';

const t = useTestApp();
const head = (over: Record<string, unknown> = {}) => ({ kind: 'new', relationship: 'head', person: personInput(over) });

test('an officer outside the governorate: 422 for the household and for a new member; nothing written', async () => {
  const gaza = await t.user({ role: 'registration_officer', governorates: ['PS0260'] });
  const before = await snapshot(t.db);
  const household = await t.post(gaza, '/api/v1/registrations', { governorate: 'PS0275', members: [head({ governorate: 'PS0275' })] });
  expect([household.statusCode, household.json().errors[0].field]).toEqual([422, 'governorate']);
  const member = await t.post(gaza, '/api/v1/registrations', { governorate: 'PS0260', members: [head({ governorate: 'PS0275' })] });
  expect([member.statusCode, member.json().errors[0].field]).toEqual([422, 'members.0.person.governorate']);
  expect(await snapshot(t.db)).toEqual(before);
});

test('an existing person outside the governorate or of another organisation: 404, nothing written', async () => {
  const mine = await t.user({ governorates: ['PS0260', 'PS0275'] });
  const inRafah = await person(t, mine, { governorate: 'PS0275' });
  const gaza = await t.user({ orgId: mine.orgId, governorates: ['PS0260'] });
  const stranger = await t.user({ role: 'administrator' });
  const before = await snapshot(t.db);
  for (const [who, personId] of [
    [gaza, inRafah],
    [stranger, await person(t, mine, { governorate: 'PS0260' })],
  ] as const) {
    const after = await snapshot(t.db);
    const r = await t.post(who, '/api/v1/registrations', {
      governorate: 'PS0260',
      members: [head(), { kind: 'existing', relationship: 'son', personId }],
    });
    expect([r.statusCode, r.json().type]).toEqual([404, '/problems/not_found']);
    expect(await snapshot(t.db)).toEqual(after);
  }
  expect((await snapshot(t.db)).household).toBe(before.household);
});

test('the registry writers may register; every other role answers 403', async () => {
  const org = (await t.user()).orgId;
  for (const role of roles) {
    const u = await t.user({ role, orgId: org });
    const r = await t.post(u, '/api/v1/registrations', { governorate: 'PS0260', members: [head()] });
    const expected = ['administrator', 'registration_officer', 'caseworker'].includes(role) ? 201 : 403;
    expect(r.statusCode, role).toBe(expected);
  }
});
