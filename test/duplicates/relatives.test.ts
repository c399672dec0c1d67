// Relatives in the API: a pair that reads as relatives is not a candidate without strong evidence;
// with it (twins given one ID number by mistake) it is in the queue and on the pair page with its
// relation, marked `relative`, never above 50% and never linked automatically.
import { beforeAll, expect, test } from 'vitest';
import { findDuplicates } from '../../src/store/duplicates/run.ts';
import { nationalIdCheckDigit } from '../../src/registry/nationalId.ts';
import type { TestUser } from '../support/factories.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
let cw: TestUser;
const id8 = '40551289';
const ID = id8 + String(nationalIdCheckDigit(id8));
const family = { fatherName: 'نادر', grandfatherName: 'جميل', familyName: 'أبو سيف', sex: 'male', governorate: 'PS0260' };
const ids: Record<string, string> = {};

beforeAll(async () => {
  cw = await t.user({ role: 'caseworker' });
  const officer = await t.user({ role: 'registration_officer', orgId: cw.orgId });
  const reg = async (key: string, body: object) => {
    const r = await t.post(officer, '/api/v1/persons', { ...family, ...body });
    expect(r.statusCode).toBe(201);
    ids[key] = r.json().id;
  };
  await reg('twinA', { givenName: 'سامي', dateOfBirth: '2010-06-01', nationalId: ID });
  await reg('twinB', { givenName: 'خليل', dateOfBirth: '2010-06-01', nationalId: ID });
  await reg('brother', { givenName: 'هاني', dateOfBirth: '2013-02-11' });
  await reg('cousin', { givenName: 'سامي', fatherName: 'عماد', dateOfBirth: '2011-09-30' });
  await findDuplicates(t.db.pool, cw.actor);
}, 120_000);

type Item = { id: string; status: string; probability: number; relation: string; relative: boolean; a: { id: string }; b: { id: string } };

test('the twins with one ID are in the queue as probable relatives; the brother and the cousin are not candidates', async () => {
  const res = await t.get(cw, '/api/v1/duplicates?limit=50');
  expect(res.statusCode).toBe(200);
  const items = (res.json() as { items: Item[] }).items;
  expect(items).toHaveLength(1);
  const twins = items[0]!;
  expect([twins.a.id, twins.b.id].sort()).toEqual([ids.twinA, ids.twinB].sort());
  expect(twins).toMatchObject({ status: 'pending', relation: 'twins', relative: true });
  expect(twins.probability).toBeLessThanOrEqual(0.5);
  const pair = await t.get(cw, `/api/v1/duplicates/${twins.id}`);
  expect(pair.json()).toMatchObject({ relation: 'twins', relative: true, linked: false });
  expect((await t.db.pool.query('SELECT count(*)::int AS n FROM person_link')).rows[0].n).toBe(0);
});
