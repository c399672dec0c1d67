// POST /api/v1/duplicates/check: a registration being typed is checked against the registry.
import { beforeAll, expect, test } from 'vitest';
import { findDuplicates } from '../../src/store/duplicates/run.ts';
import type { TestUser } from '../support/factories.ts';
import { loadDedupeSet } from './support.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
let officer: TestUser;
let caseworker: TestUser;

beforeAll(async () => {
  caseworker = await t.user({ role: 'caseworker' });
  officer = await t.user({ role: 'registration_officer', orgId: caseworker.orgId });
}, 60_000);

const check = (u: TestUser, payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/duplicates/check', headers: u.auth, payload });

test('before any dedupe run the model shipped with Sanad is used (modelId null); an empty registry has no matches', async () => {
  const res = await check(officer, { givenName: 'سامر', familyName: 'الحداد' });
  expect(res.statusCode).toBe(200);
  expect(res.json()).toEqual({ matches: [], candidates: 0, modelId: null, model: 'default' });
});

test('finds a just-registered person when the draft has a spelling variant', async () => {
  await loadDedupeSet(t.db.pool, caseworker.orgId, 1500);
  await findDuplicates(t.db.pool, caseworker.actor);
  const reg = await t.post(officer, '/api/v1/persons', {
    givenName: 'أسامة',
    fatherName: 'إبراهيم',
    grandfatherName: 'مصطفى',
    familyName: 'أبو شمالة',
    sex: 'male',
    dateOfBirth: '1988-02-14',
    governorate: 'PS0260',
  });
  expect(reg.statusCode).toBe(201);
  const id = reg.json().id;
  // hamza dropped, taa marbuta written as haa, family name joined: how it is often typed
  const res = await check(officer, {
    givenName: 'اسامه',
    fatherName: 'ابراهيم',
    grandfatherName: 'مصطفي',
    familyName: 'ابوشمالة',
    sex: 'male',
    dateOfBirth: '1988-02-14',
    governorate: 'PS0260',
  });
  expect(res.statusCode).toBe(200);
  const body = res.json();
  expect(body.modelId).toEqual(expect.any(String));
  expect(body.matches[0].person.id).toBe(id);
  expect(body.matches[0].decision).toBe('likely_same');
  const fields = body.matches[0].evidence.map((e: { field: string }) => e.field);
  expect(fields).toEqual(expect.arrayContaining(['given', 'father', 'family', 'dob', 'sex']));
  const given = body.matches[0].evidence.find((e: { field: string }) => e.field === 'given');
  expect(given.weight).toBeGreaterThan(0);
  // nothing was saved by the check
  const n = await t.db.pool.query("SELECT count(*)::int AS n FROM person WHERE given_name = 'اسامه'");
  expect(n.rows[0].n).toBe(0);
}, 120_000);

test('a national ID match is found whatever the name', async () => {
  const reg = await t.post(officer, '/api/v1/persons', {
    givenName: 'نادية',
    fatherName: 'سعيد',
    familyName: 'الكرد',
    sex: 'female',
    dateOfBirth: '1992-07-01',
    nationalId: '400000003',
    governorate: 'PS0260',
  });
  expect(reg.statusCode).toBe(201);
  const res = await check(officer, { fullName: 'ناديه الكرد', nationalId: '400000003' });
  expect(res.statusCode).toBe(200);
  expect(res.json().matches.map((m: { person: { id: string } }) => m.person.id)).toContain(reg.json().id);
});

test("a match's ID number and phone are masked but for the last three digits, and the check is logged with the ids it showed", async () => {
  const reg = await t.post(officer, '/api/v1/persons', {
    givenName: 'هالة',
    fatherName: 'سعيد',
    familyName: 'الترك',
    sex: 'female',
    dateOfBirth: '1990-03-01',
    nationalId: '400000011',
    phone: '0599123456',
    governorate: 'PS0260',
  });
  expect(reg.statusCode).toBe(201);
  // a near ID and another phone: the registered values must not come back whole
  const res = await check(officer, {
    givenName: 'هالة',
    fatherName: 'سعيد',
    familyName: 'الترك',
    sex: 'female',
    dateOfBirth: '1990-03-01',
    nationalId: '400000029',
    phone: '0599000000',
  });
  expect(res.statusCode).toBe(200);
  const match = res.json().matches.find((m: { person: { id: string } }) => m.person.id === reg.json().id);
  expect(match).toBeDefined();
  expect(res.body).not.toContain('400000011');
  expect(res.body).not.toContain('599123456');
  for (const e of match.evidence as { field: string; existing: string }[])
    if (e.field === 'national_id' || e.field === 'phone') expect(e.existing).toMatch(/^•+[0-9]{3}( \(.*\))?$/);
  const logged = await t.db.pool.query<{ after: { via: string; ids: string[] } }>(
    "SELECT after FROM change_log WHERE entity = 'person_list' AND actor_id = $1 ORDER BY seq DESC LIMIT 1",
    [officer.id],
  );
  expect(logged.rows[0]!.after.via).toBe('duplicate_check');
  expect(logged.rows[0]!.after.ids).toContain(reg.json().id);
});

test('an empty draft is refused with the field named', async () => {
  const res = await check(officer, {});
  expect(res.statusCode).toBe(422);
  expect(res.json().errors[0].field).toBe('givenName');
});
