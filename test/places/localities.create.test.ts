// POST /api/v1/places/localities: a locality with a name in Arabic, optionally in English and coordinates.
import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { snapshot } from '../support/factories.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
const URL = '/api/v1/places/localities';

test('a locality with coordinates: 201 with its id, listed under its governorate, logged', async () => {
  const officer = await t.user({ role: 'registration_officer' });
  const r = await t.post(officer, URL, { governorate: 'PS0270', nameAr: ' خزاعة ', nameEn: "Khuza'a", lat: 31.3, lon: 34.36 });
  expect(r.statusCode).toBe(201);
  const created = r.json();
  expect(created).toMatchObject({ governorate: 'PS0270', nameAr: 'خزاعة', nameEn: "Khuza'a", lat: 31.3, lon: 34.36 });
  const list = (await t.get(officer, `${URL}?governorate=PS0270`)).json().items;
  expect(list).toEqual([created]);
  const log = await t.db.pool.query('SELECT entity, action, actor_id FROM change_log WHERE entity_id = $1', [created.id]);
  expect(log.rows).toEqual([{ entity: 'locality', action: 'create', actor_id: officer.id }]);
});

test('one coordinate without the other, or an unknown governorate: 422 naming the field, nothing written', async () => {
  const site = await t.user({ role: 'site_manager' });
  const before = await snapshot(t.db);
  const cases = [
    [{ governorate: 'PS0260', nameAr: 'الرمال', lat: 31.5 }, 'lon'],
    [{ governorate: 'PS0260', nameAr: 'الرمال', lon: 34.4 }, 'lat'],
    [{ governorate: 'PS9999', nameAr: 'الرمال' }, 'governorate'],
    [{ governorate: 'PS0260', nameAr: '  ' }, 'nameAr'],
    [{ governorate: 'PS0260', nameAr: 'الرمال', lat: 40, lon: 34.4 }, 'lat'],
  ] as const;
  for (const [body, field] of cases) {
    const r = await t.post(site, URL, body);
    expect(r.statusCode, JSON.stringify(body)).toBe(422);
    expect(r.json().errors.map((e: { field: string }) => e.field)).toEqual([field]);
  }
  expect(await snapshot(t.db)).toEqual(before);
});

test('roles without the right: 403 and nothing written', async () => {
  const users = [];
  for (const role of ['caseworker', 'distribution_officer', 'analyst', 'auditor'] as const) users.push(await t.user({ role }));
  const before = await snapshot(t.db);
  for (const u of users) {
    const r = await t.post(u, URL, { governorate: 'PS0260', nameAr: 'الرمال' });
    expect(r.statusCode, u.actor.role).toBe(403);
    expect(r.json().type).toBe('/problems/forbidden');
  }
  expect(await snapshot(t.db)).toEqual(before);
});

test('the same Idempotency-Key twice: one locality; with another body: 409 operation_reused', async () => {
  const admin = await t.user({ role: 'administrator' });
  const key = randomUUID();
  const first = await t.post(admin, URL, { governorate: 'PS0265', nameAr: 'بني سهيلا' }, { idempotencyKey: key });
  const again = await t.post(admin, URL, { governorate: 'PS0265', nameAr: 'بني سهيلا' }, { idempotencyKey: key });
  expect(first.statusCode).toBe(201);
  expect(again.statusCode).toBe(201);
  expect(again.json()).toEqual(first.json());
  const other = await t.post(admin, URL, { governorate: 'PS0265', nameAr: 'عبسان' }, { idempotencyKey: key });
  expect(other.statusCode).toBe(409);
  expect(other.json().type).toBe('/problems/operation_reused');
  expect((await t.get(admin, `${URL}?governorate=PS0265`)).json().items).toHaveLength(1);
});
