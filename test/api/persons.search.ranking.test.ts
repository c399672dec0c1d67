// Person search across scripts and spellings, ranked by the order of the name parts, with the total
// and paging, and advice that fits what was searched. Every name here is invented.
import { beforeAll, describe, expect, test } from 'vitest';
import type { TestUser } from '../support/factories.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
let u: TestUser;
const ids: Record<string, string> = {};
type Page = { items: { id: string; fullName: string }[]; nextCursor: string | null; total: number; totalExact: boolean; advice: string[] };

const register = async (key: string, p: object) => {
  const r = await t.post(u, '/api/v1/persons', { governorate: 'PS0260', ...p });
  expect(r.statusCode, r.body).toBe(201);
  ids[key] = r.json().id;
};

beforeAll(async () => {
  u = await t.user();
  // A family registered in Arabic only.
  await register('father', { givenName: 'يوسف', fatherName: 'حسن', grandfatherName: 'محمود', familyName: 'أبو طه' });
  await register('son', { givenName: 'أحمد', fatherName: 'يوسف', grandfatherName: 'حسن', familyName: 'أبو طه' });
  await register('daughter', { givenName: 'مريم', fatherName: 'يوسف', grandfatherName: 'حسن', familyName: 'أبو طه' });
  await register('otherYusuf', { givenName: 'يوسف', fatherName: 'خليل', familyName: 'الحلو' });
  await register('abdelrahman', { givenName: 'عبد الرحمن', fatherName: 'سعيد', familyName: 'المصري' });
  await register('mansour', { givenName: 'منصور', fatherName: 'أنور', familyName: 'الشوا' });
  // The same two names in both orders.
  await register('mohAhmad', { givenName: 'محمد', fatherName: 'أحمد', grandfatherName: 'خليل', familyName: 'الكرد' });
  await register('ahmadMoh', { givenName: 'أحمد', fatherName: 'محمد', grandfatherName: 'خليل', familyName: 'الكرد' });
  await register('badId', { givenName: 'سلوى', fatherName: 'ناصر', familyName: 'الريس', nationalId: '123456789' });
});

const search = async (body: object): Promise<Page> => {
  const r = await t.post(u, '/api/v1/persons/search', body);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as Page;
};
const found = async (query: string) => (await search({ query })).items.map((i) => i.id);

describe('Latin queries as tolerant as Arabic ones', () => {
  test.each(['Yusuf Hassan Abu Taha', 'Yousef Hassan Abutaha', 'Youssef Hasan Abou Taha', 'يوسف حسن أبو طه'])(
    '%s finds the family, the father first',
    async (query) => {
      const r = await found(query);
      expect(r[0]).toBe(ids.father);
      expect(r).toEqual(expect.arrayContaining([ids.son, ids.daughter]));
      expect(r).not.toContain(ids.otherYusuf);
    },
  );

  test.each([
    ['Yusef Hassan Mahmoud Abu-Taha', 'father'],
    ['Abdelrahman Said Masri', 'abdelrahman'],
    ['Abdul Rahman Saeed El Masri', 'abdelrahman'],
    ['Abd al-Rahman Sa\u2019id al-Masri', 'abdelrahman'],
    ['Abdurrahman Elmasri', 'abdelrahman'],
    ['Mansour Anwar Shawa', 'mansour'],
    ['Munasoar Anoar Al-Shawa', 'mansour'],
    ['Mansur Anwar El Shawwa', 'mansour'],
  ])('%s finds the person first', async (query, who) => {
    expect((await found(query))[0]).toBe(ids[who]);
  });

  test('a word the registry does not have is tolerated in a longer name, but ranks below the full match', async () => {
    const r = await found('Ahmad Yusuf Hasan Zaqout Abu Taha');
    expect(r[0]).toBe(ids.son);
    expect(await found('يوسف حسن سمير أبو طه')).toContain(ids.father);
  });
});

test('the order of the name parts ranks: محمد احمد before أحمد محمد, and the other way round', async () => {
  expect((await found('محمد احمد'))[0]).toBe(ids.mohAhmad);
  expect((await found('احمد محمد'))[0]).toBe(ids.ahmadMoh);
  expect((await found('Mohammed Ahmad Kurd'))[0]).toBe(ids.mohAhmad);
  expect((await found('Ahmed Mohamed Al-Kurd'))[0]).toBe(ids.ahmadMoh);
  expect(await found('محمد احمد')).toEqual(expect.arrayContaining([ids.ahmadMoh]));
});

test('the total counts every page; the next page continues where the first stopped', async () => {
  const rows = Array.from({ length: 23 }, (_, i) => ({
    givenName: 'ليلى',
    fatherName: `سامي`,
    familyName: 'العلمي',
    recordId: `leila-${i}`,
  }));
  for (const p of rows) await register(p.recordId, p);
  const first = await search({ query: 'Layla Alami', limit: 10 });
  expect(first.total).toBe(23);
  expect(first.totalExact).toBe(true);
  expect(first.items).toHaveLength(10);
  const second = await search({ query: 'Layla Alami', limit: 10, cursor: first.nextCursor });
  const third = await search({ query: 'Layla Alami', limit: 10, cursor: second.nextCursor });
  expect(third.items).toHaveLength(3);
  expect(third.nextCursor).toBeNull();
  expect(third.total).toBe(23);
  const all = [...first.items, ...second.items, ...third.items].map((i) => i.id);
  expect(new Set(all).size).toBe(23);
  expect((await search({ nationalId: '123456789' })).total).toBe(1);
});

describe('advice that fits what was searched', () => {
  test('an ID number with a wrong check digit says so, whether or not someone has it', async () => {
    const kept = await search({ nationalId: '123456789' });
    expect(kept.items.map((i) => i.id)).toEqual([ids.badId]);
    expect(kept.advice).toEqual(['nationalIdCheckDigit']);
    const typo = await search({ nationalId: '987654320' });
    expect(typo.items).toEqual([]);
    expect(typo.advice).toEqual(['nationalIdCheckDigit']);
  });

  test('a valid ID number or a phone nobody has', async () => {
    expect((await search({ nationalId: '123456782' })).advice).toEqual(['nationalIdNotFound']);
    expect((await search({ phone: '0599000001' })).advice).toEqual(['phoneNotFound']);
  });

  test.each([
    ['123456782', 'queryLooksLikeNationalId'],
    ['٤٠١٢٣٤٥٦٧', 'queryLooksLikeNationalId'],
    ['0599 123 456', 'queryLooksLikePhone'],
    ['+970599123456', 'queryLooksLikePhone'],
    ['م', 'queryTooShort'],
    ['زياد الكرمي الطويل', 'noNameMatch'],
  ])('a name search for %s: %s', async (query, advice) => {
    expect((await search({ query })).advice).toEqual([advice]);
  });

  test('one common word asks for more of the name; a full name gets no advice', async () => {
    expect((await search({ query: 'ليلى' })).advice).toEqual(['addNameParts']);
    expect((await search({ query: 'يوسف حسن محمود أبو طه' })).advice).toEqual([]);
  });
});
