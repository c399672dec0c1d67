// Search by national ID, phone, or name in Arabic or Latin script, tolerant of the usual Arabic
// spelling variants (hamza forms, taa marbuta, alef maqsura, spacing in compounds).
import { beforeAll, expect, test } from 'vitest';
import type { TestUser } from '../support/factories.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
let u: TestUser;
const ids: Record<string, string> = {};
beforeAll(async () => {
  u = await t.user();
  const people = {
    abdallah: {
      givenName: 'عبد الله',
      fatherName: 'مصطفى',
      grandfatherName: 'أحمد',
      familyName: 'الشوا',
      fullNameEn: 'Abdullah Mustafa Ahmad Al-Shawa',
      nationalId: '123456782',
      phone: '0599123456',
    },
    fatima: { givenName: 'فاطمة', fatherName: 'يحيى', grandfatherName: 'إسماعيل', familyName: 'أبو سمرة', sex: 'female' },
    brother: { givenName: 'عمر', fatherName: 'مصطفى', grandfatherName: 'أحمد', familyName: 'الشوا' },
    latinOnly: { fullNameEn: 'Mohammed Khaled Al-Najjar' },
  };
  for (const [k, p] of Object.entries(people)) {
    const r = await t.post(u, '/api/v1/persons', { governorate: 'PS0260', ...p });
    expect(r.statusCode, r.body).toBe(201);
    ids[k] = r.json().id;
  }
});

const search = async (body: object) => {
  const r = await t.post(u, '/api/v1/persons/search', body);
  expect(r.statusCode, r.body).toBe(200);
  return (r.json().items as { id: string }[]).map((i) => i.id);
};

test('by national ID and by phone in local form', async () => {
  expect(await search({ nationalId: '123 456 782' })).toEqual([ids.abdallah]);
  expect(await search({ phone: '+970 599 123 456' })).toEqual([ids.abdallah]);
});

test.each([
  ['the exact four parts', 'عبد الله مصطفى أحمد الشوا', 'abdallah'],
  ['compound without the space, hamza dropped', 'عبدالله مصطفى احمد الشوا', 'abdallah'],
  ['family name without the article', 'عبدالله شوا', 'abdallah'],
  ['taa marbuta written as haa, alef maqsura as yaa', 'فاطمه يحيي', 'fatima'],
  ['hamza on the grandfather', 'فاطمة اسماعيل', 'fatima'],
  ['Latin transliteration variants', 'Abdallah Mostafa Shawa', 'abdallah'],
  ['an Arabic query for a person registered in Latin only', 'محمد النجار', 'latinOnly'],
  ['a Latin query for a person registered in Arabic only', 'Fatma Abu Samra', 'fatima'],
])('%s finds the person first', async (_what, query, who) => {
  const found = await search({ query });
  expect(found[0]).toBe(ids[who]);
});

test('a brother sharing three name parts is found, but ranked below the exact name', async () => {
  const found = await search({ query: 'عمر مصطفى أحمد الشوا' });
  expect(found[0]).toBe(ids.brother);
  const father = await search({ query: 'مصطفى الشوا' });
  expect(father).toEqual(expect.arrayContaining([ids.abdallah, ids.brother]));
});

test('a name nobody has finds nothing; a search needs some term', async () => {
  expect(await search({ query: 'زياد الكرمي' })).toEqual([]);
  const r = await t.post(u, '/api/v1/persons/search', {});
  expect(r.statusCode).toBe(422);
});

test('search terms never reach the URL: GET with a query string is not a search route', async () => {
  const r = await t.get(u, '/api/v1/persons/search?query=x');
  expect(r.statusCode).not.toBe(200);
});
