// The check while typing when the first pass finds no likely match (a new person, or a family name
// typed otherwise): the second pass looks the given, father's and grandfather's names up through
// the lineage key index (migration 0060). Hundreds of persons registered before share the three
// names, more than the name tokens would read (TOKEN_ROWS), and the registered person is still
// found, whatever family name the draft holds. A draft of a person no one resembles is answered
// without a likely match.
import { beforeAll, expect, test } from 'vitest';
import type { TestUser } from '../support/factories.ts';
import { useTestApp } from '../support/testApp.ts';
import { checkDraft, insertRecords, prepared } from './support.ts';

const t = useTestApp();
let officer: TestUser;
let target: string;

const FAMILIES = ['النجار', 'الحلو', 'شعت', 'الأغا', 'حمدان', 'عاشور', 'السقا', 'الكرد', 'أبو شمالة', 'بركة', 'صيام', 'الفرا', 'جودة'];

beforeAll(async () => {
  officer = await t.user({ role: 'registration_officer' });
  // 600 persons named محمد أحمد خالد with other family names and birth years, registered first
  const many = Array.from({ length: 600 }, (_, i) =>
    prepared({
      givenName: 'محمد',
      fatherName: 'أحمد',
      grandfatherName: 'خالد',
      familyName: FAMILIES[i % FAMILIES.length]!,
      sex: 'male',
      dateOfBirth: `${1940 + (i % 45)}-0${1 + (i % 9)}-1${i % 10}`,
      governorate: 'PS0260',
    }),
  );
  await insertRecords(t.db.pool, officer.orgId, many);
  const reg = await t.post(officer, '/api/v1/persons', {
    givenName: 'محمد',
    fatherName: 'أحمد',
    grandfatherName: 'خالد',
    familyName: 'الشوا',
    sex: 'male',
    dateOfBirth: '1996-07-21',
    governorate: 'PS0260',
  });
  expect(reg.statusCode).toBe(201);
  target = reg.json().id;
}, 120_000);

const check = (payload: object) => checkDraft(t, officer, payload);

test('three common names with another family name: the registered person is found through the lineage key', async () => {
  // the family name as another registration recorded it (the mother's family): neither the key of
  // given and family name nor their tokens reach the registered person
  const body = await check({
    givenName: 'محمد',
    fatherName: 'احمد',
    grandfatherName: 'خالد',
    familyName: 'عياد',
    sex: 'male',
    dateOfBirth: '1996-07-21',
  });
  expect(body.matches[0]?.person.id).toBe(target);
  // the persons of the three names in other years are not candidates (the year band)
  expect(body.candidates).toBeLessThan(20);
});

test('a new person with three common names and a family name no one holds: no likely match, nothing of the other sex above 50%', async () => {
  const body = await check({
    givenName: 'محمد',
    fatherName: 'احمد',
    grandfatherName: 'خالد',
    familyName: 'الزعانين',
    sex: 'female',
    dateOfBirth: '2003-02-09',
  });
  expect(body.matches.some((m) => m.decision === 'likely_same')).toBe(false);
  expect(body.matches.filter((m) => m.person.sex !== 'female' && m.probability > 0.5)).toEqual([]);
});
