// PUT /api/v1/persons/:id: replaces a person's registered fields, guarded by the version read.
import { expect, test } from 'vitest';
import { personInput, snapshot } from '../support/factories.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();

test('the fields are replaced, the version goes up, the record id is kept when not given again', async () => {
  const u = await t.user();
  const created = (await t.post(u, '/api/v1/persons', personInput({ recordId: 'R-1', phone: '0599123456' }))).json();
  const r = await t.put(u, `/api/v1/persons/${created.id}`, personInput({ givenName: 'هالة', sex: 'female', version: 1 }));
  expect(r.statusCode).toBe(200);
  expect(r.json()).toMatchObject({ id: created.id, recordId: 'R-1', givenName: 'هالة', sex: 'female', phone: null, version: 2 });
  expect(r.json().fullName).toBe('هالة خليل إبراهيم الحداد');
});

test('a stale version: 409 version_conflict, nothing changes', async () => {
  const u = await t.user();
  const id = (await t.post(u, '/api/v1/persons', personInput())).json().id;
  await t.put(u, `/api/v1/persons/${id}`, personInput({ version: 1 }));
  const before = await snapshot(t.db);
  const stale = await t.put(u, `/api/v1/persons/${id}`, personInput({ givenName: 'منى', version: 1 }));
  expect(stale.statusCode).toBe(409);
  expect(stale.json().type).toBe('/problems/version_conflict');
  expect(await snapshot(t.db)).toEqual(before);
});

test('invalid fields or a governorate the user does not work in: 422 naming the field', async () => {
  const u = await t.user({ governorates: ['PS0260'] });
  const id = (await t.post(u, '/api/v1/persons', personInput())).json().id;
  const digits = await t.put(u, `/api/v1/persons/${id}`, personInput({ givenName: 'سامر2' }));
  expect(digits.json().errors).toEqual([{ field: 'givenName', reason: 'no_digits' }]);
  const away = await t.put(u, `/api/v1/persons/${id}`, personInput({ governorate: 'PS0275' }));
  expect(away.statusCode).toBe(422);
  expect(away.json().errors).toEqual([{ field: 'governorate', reason: 'outside_governorates' }]);
});

test('another organisation: 404; a role without the right: 403; neither changes anything', async () => {
  const u = await t.user();
  const id = (await t.post(u, '/api/v1/persons', personInput())).json().id;
  const stranger = await t.user({ role: 'administrator' });
  const site = await t.user({ role: 'site_manager', orgId: u.orgId });
  const before = await snapshot(t.db);
  expect((await t.put(stranger, `/api/v1/persons/${id}`, personInput())).statusCode).toBe(404);
  expect((await t.put(site, `/api/v1/persons/${id}`, personInput())).statusCode).toBe(403);
  expect(await snapshot(t.db)).toEqual(before);
});
