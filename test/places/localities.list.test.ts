// GET /api/v1/places/localities?governorate=: the localities of one governorate, by Arabic name.
import { expect, test } from 'vitest';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();

test("every staff role lists its organisation's localities of a governorate (and only that one), by Arabic name", async () => {
  const admin = await t.user({ role: 'administrator' });
  for (const [governorate, nameAr] of [
    ['PS0260', 'الشجاعية'],
    ['PS0260', 'الرمال'],
    ['PS0275', 'المواصي'],
  ] as const)
    expect((await t.post(admin, '/api/v1/places/localities', { governorate, nameAr })).statusCode).toBe(201);
  for (const role of ['analyst', 'auditor', 'distribution_officer'] as const) {
    const r = await t.get(await t.user({ role, orgId: admin.orgId }), '/api/v1/places/localities?governorate=PS0260');
    expect(r.statusCode, role).toBe(200);
    const items = r.json().items as { governorate: string; nameAr: string; nameEn: string | null; lat: number | null }[];
    expect(items.map((l) => l.nameAr)).toEqual(['الرمال', 'الشجاعية']);
    expect(items.every((l) => l.governorate === 'PS0260' && l.nameEn === null && l.lat === null)).toBe(true);
  }
});

test('a governorate with none: an empty list', async () => {
  const r = await t.get(await t.user(), '/api/v1/places/localities?governorate=PS0101');
  expect(r.statusCode).toBe(200);
  expect(r.json()).toEqual({ items: [] });
});

test('an unknown or missing governorate: 422 naming query.governorate', async () => {
  const u = await t.user();
  for (const url of ['/api/v1/places/localities?governorate=PS9999', '/api/v1/places/localities']) {
    const r = await t.get(u, url);
    expect(r.statusCode, url).toBe(422);
    expect(r.json().errors.map((e: { field: string }) => e.field)).toEqual(['query.governorate']);
  }
});

test('without a session: 401', async () => {
  expect((await t.get(undefined, '/api/v1/places/localities?governorate=PS0260')).statusCode).toBe(401);
});
