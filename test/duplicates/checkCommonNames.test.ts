// The check while typing on a common given and family name: hundreds of persons share the pair,
// more than the name-token path reads (TOKEN_ROWS), and the retyped person is still found first,
// with and without a date of birth, through the name key index (migration 0057). A family name typed
// without its article (which the key does not fold) is still found through the name tokens.
import { beforeAll, expect, test } from 'vitest';
import type { TestUser } from '../support/factories.ts';
import { useTestApp } from '../support/testApp.ts';
import { checkDraft, insertRecords, prepared } from './support.ts';

const t = useTestApp();
let officer: TestUser;
let target: string;
let rare: string;

const FATHERS = ['أحمد', 'خالد', 'سعيد', 'عمر', 'علي', 'حسن', 'حسين', 'إبراهيم', 'سمير', 'ناصر', 'جمال', 'رائد', 'ماهر', 'وليد'];

beforeAll(async () => {
  officer = await t.user({ role: 'registration_officer' });
  // 700 persons named محمد ... النجار, registered before the one the draft retypes
  const many = Array.from({ length: 700 }, (_, i) =>
    prepared({
      givenName: 'محمد',
      fatherName: FATHERS[i % FATHERS.length]!,
      grandfatherName: FATHERS[(i * 5 + 3) % FATHERS.length]!,
      familyName: 'النجار',
      sex: 'male',
      dateOfBirth: `${1950 + (i % 70)}-0${1 + (i % 9)}-1${i % 10}`,
      governorate: 'PS0260',
    }),
  );
  await insertRecords(t.db.pool, officer.orgId, many);
  const reg = await t.post(officer, '/api/v1/persons', {
    givenName: 'محمد',
    fatherName: 'يوسف',
    grandfatherName: 'مصطفى',
    familyName: 'النجار',
    sex: 'male',
    dateOfBirth: '1988-02-14',
    governorate: 'PS0260',
  });
  expect(reg.statusCode).toBe(201);
  target = reg.json().id;
  const other = await t.post(officer, '/api/v1/persons', {
    givenName: 'سامر',
    fatherName: 'خليل',
    grandfatherName: 'عبد الرحيم',
    familyName: 'الحداد',
    sex: 'male',
    dateOfBirth: '1979-11-03',
    governorate: 'PS0260',
  });
  expect(other.statusCode).toBe(201);
  rare = other.json().id;
}, 120_000);

const check = (payload: object) => checkDraft(t, officer, payload);

const draft = { givenName: 'محمد', fatherName: 'يوسف', grandfatherName: 'مصطفي', familyName: 'النجار', sex: 'male' };

test('a common pair: the retyped person is the first match, with the date of birth', async () => {
  const body = await check({ ...draft, dateOfBirth: '1988-02-14' });
  expect(body.matches[0]!.person.id).toBe(target);
  expect(body.matches[0]!.decision).toBe('likely_same');
});

test('a common pair without a date of birth: every person of the pair is ranked, the retyped one first', async () => {
  const body = await check(draft);
  expect(body.matches[0]?.person.id).toBe(target);
  // 60 best by name similarity per part (the key, the tokens, the second pass), not the 700 scored
  expect(body.candidates).toBeLessThanOrEqual(180);
});

test('a common pair, given and family name with the date of birth only (no second pass): the person is found', async () => {
  const body = await check({ givenName: 'محمد', familyName: 'النجار', sex: 'male', dateOfBirth: '1988-02-14' });
  expect(body.matches[0]?.person.id).toBe(target);
});

test('a family name typed without its article is found through the name tokens', async () => {
  const body = await check({
    givenName: 'سامر',
    fatherName: 'خليل',
    grandfatherName: 'عبدالرحيم',
    familyName: 'حداد',
    sex: 'male',
    dateOfBirth: '1979-11-03',
  });
  expect(body.matches.map((m) => m.person.id)).toContain(rare);
});
