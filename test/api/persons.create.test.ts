import { beforeAll, expect, test } from 'vitest';
import { personInput, snapshot, type TestUser } from '../support/factories.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
let officer: TestUser;
beforeAll(async () => {
  officer = await t.user({ role: 'registration_officer' });
});

test('registering a person stores normalised fields and logs the write', async () => {
  const res = await t.post(officer, '/api/v1/persons', personInput({ nationalId: '123456782', phone: '0599-123-456' }));
  expect(res.statusCode).toBe(201);
  const p = res.json();
  expect(p).toMatchObject({
    fullName: expect.stringContaining('الحداد'),
    nationalId: '123456782',
    nationalIdVerified: true,
    phone: '+970599123456',
    dobPrecision: 'exact',
    version: 1,
  });
  const log = await t.db.pool.query('SELECT actor_id, org_id, action, after FROM change_log WHERE entity_id = $1', [p.id]);
  expect(log.rows).toHaveLength(1);
  expect(log.rows[0]).toMatchObject({ actor_id: officer.id, org_id: officer.orgId, action: 'create' });
  expect(log.rows[0].after.nationalId).toBe('123456782');
});

test('a failed check digit is kept, flagged and explained', async () => {
  const res = await t.post(officer, '/api/v1/persons', personInput({ nationalId: '123456789' }));
  expect(res.statusCode).toBe(201);
  expect(res.json()).toMatchObject({
    nationalId: '123456789',
    nationalIdVerified: false,
    warnings: [{ field: 'nationalId', reason: expect.stringContaining('unverified') }],
  });
});

test('bad fields answer problem+json naming each field, without echoing values, and change nothing', async () => {
  const before = await snapshot(t.db);
  const res = await t.post(
    officer,
    '/api/v1/persons',
    personInput({ nationalId: '12345', phone: '123', dateOfBirth: '1990-02-30', governorate: 'PS9999' }),
  );
  expect(res.statusCode).toBe(422);
  expect(res.headers['content-type']).toContain('application/problem+json');
  const body = res.json();
  expect(body).toMatchObject({ type: '/problems/validation', status: 422 });
  expect(body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['dateOfBirth', 'governorate', 'nationalId', 'phone']);
  expect(res.body).not.toContain('12345');
  expect(await snapshot(t.db)).toEqual(before);
});

test('a name is required: parts need given and family name', async () => {
  const res = await t.post(officer, '/api/v1/persons', { fatherName: 'خليل', governorate: 'PS0260' });
  expect(res.statusCode).toBe(422);
  expect(res.json().errors).toEqual([{ field: 'givenName', reason: expect.stringContaining('required') }]);
});

test('a full name alone is accepted when parts are unknown', async () => {
  const res = await t.post(officer, '/api/v1/persons', {
    fullName: 'نادية سليم العطار',
    sex: 'female',
    dateOfBirth: '1975',
    governorate: 'PS0101',
  });
  expect(res.statusCode).toBe(201);
  expect(res.json()).toMatchObject({ givenName: null, fullName: 'نادية سليم العطار', dateOfBirth: '1975-01-01', dobPrecision: 'year' });
});

test('registering outside your governorates is refused', async () => {
  const gaza = await t.user({ role: 'registration_officer', orgId: officer.orgId, governorates: ['PS0260'] });
  const res = await t.post(gaza, '/api/v1/persons', personInput({ governorate: 'PS0101' }));
  expect(res.statusCode).toBe(422);
  expect(res.json().errors).toEqual([{ field: 'governorate', reason: 'outside_governorates' }]);
});
