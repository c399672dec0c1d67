// GET /api/v1/places/governorates: the 16 governorates with P-codes and names, for every staff role.
import { expect, test } from 'vitest';
import { roles } from '../../src/access/roles.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();

test('every staff role reads the 16 governorates with their P-codes, territories and names in both languages', async () => {
  for (const role of roles) {
    const res = await t.get(await t.user({ role }), '/api/v1/places/governorates');
    expect(res.statusCode).toBe(200);
    const list = (res.json() as { items: { pcode: string; territory: string; nameEn: string; nameAr: string }[] }).items;
    expect(list).toHaveLength(16);
    expect(new Set(list.map((g) => g.pcode)).size).toBe(16);
    expect(list.every((g) => /^PS0[12]\d{2}$/.test(g.pcode) && g.nameEn && /\p{Script=Arabic}/u.test(g.nameAr))).toBe(true);
    expect(list.filter((g) => g.territory === 'PS02').map((g) => g.nameEn)).toEqual([
      'North Gaza',
      'Gaza',
      'Deir Al-Balah',
      'Khan Younis',
      'Rafah',
    ]);
    expect(list.filter((g) => g.territory === 'PS01')).toHaveLength(11);
  }
});

test('without a session: 401 problem+json', async () => {
  const res = await t.get(undefined, '/api/v1/places/governorates');
  expect(res.statusCode).toBe(401);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.json().type).toBe('/problems/unauthenticated');
});
