// A name shared by more people than a search ranks (500): the answer says the name is crowded, so
// the screen can ask for the father's name or an ID instead of showing an arbitrary 500 as if they
// were the best matches. Fewer than that, or a fuller name, is not crowded.
import { beforeAll, expect, test } from 'vitest';
import { preparePerson } from '../../src/registry/person.ts';
import { COUNT_EXACT, MAX_RANKED } from '../../src/store/registry/searchPersons.ts';
import type { TestUser } from '../support/factories.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
let u: TestUser;
const FATHERS = ['خليل', 'يوسف', 'إبراهيم', 'حسن', 'سالم', 'محمود'];
beforeAll(async () => {
  u = await t.user();
  // MAX_RANKED + 20 people called أحمد ... النجار, and COUNT_EXACT + 30 called سعاد ... العمري
  // (synthetic), written straight to the table.
  const person = (givenName: string, familyName: string, i: number) => {
    const r = preparePerson({
      givenName,
      fatherName: FATHERS[i % FATHERS.length],
      grandfatherName: `عمر`,
      familyName,
      governorate: 'PS0260',
      recordId: `crowd-${givenName}-${i}`,
    });
    if (!r.ok) throw new Error('bad fixture');
    return r.value;
  };
  const rows = [
    ...Array.from({ length: MAX_RANKED + 20 }, (_, i) => person('أحمد', 'النجار', i)),
    ...Array.from({ length: COUNT_EXACT + 30 }, (_, i) => person('سعاد', 'العمري', i)),
  ];
  await t.db.pool.query(
    `INSERT INTO person (org_id, record_id, given_name, father_name, grandfather_name, family_name, full_name, name_key, name_tokens, governorate)
     SELECT $1, r, g, f, gf, fam, fn, k, ARRAY(SELECT jsonb_array_elements_text(t)), 'PS0260'
     FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::jsonb[]) AS x(r, g, f, gf, fam, fn, k, t)`,
    [
      u.orgId,
      rows.map((r) => r.recordId),
      rows.map((r) => r.givenName),
      rows.map((r) => r.fatherName),
      rows.map((r) => r.grandfatherName),
      rows.map((r) => r.familyName),
      rows.map((r) => r.fullName),
      rows.map((r) => r.nameKey),
      rows.map((r) => JSON.stringify(r.nameTokens)),
    ],
  );
  await t.db.pool.query('ANALYZE person');
  const other = await t.post(u, '/api/v1/persons', { governorate: 'PS0260', givenName: 'سلمى', fatherName: 'خليل', familyName: 'النجار' });
  expect(other.statusCode).toBe(201);
});

const search = async (query: string) => {
  const r = await t.post(u, '/api/v1/persons/search', { query, limit: 20 });
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as { items: { fullName: string }[]; crowded: boolean; total: number; totalExact: boolean; advice: string[] };
};

test('a name shared by more people than are ranked is crowded', async () => {
  const r = await search('أحمد النجار');
  expect(r.crowded).toBe(true);
  expect(r.items).toHaveLength(20);
  expect(r.total).toBe(MAX_RANKED + 20); // counted beyond the ranked ones
  expect(r.totalExact).toBe(true);
  expect(r.advice).toEqual(['crowded']);
});

test('a fuller name, or a rarer one, is not crowded', async () => {
  const fuller = await search('أحمد خليل عمر النجار'); // about one in six of them
  expect(fuller.crowded).toBe(false);
  expect(fuller.items.length).toBeGreaterThan(0);
  expect(fuller.items.every((p) => p.fullName.startsWith('أحمد خليل'))).toBe(true);
  const rare = await search('سلمى النجار');
  expect(rare.crowded).toBe(false); // also matches the سالم fathers through the loose skeleton key, ranked below her
  expect(rare.items[0]?.fullName).toBe('سلمى خليل النجار');
  expect((await search('اسم غير موجود')).crowded).toBe(false);
});

test("a total above what is counted is PostgreSQL's estimate, and says so", async () => {
  const r = await search('سعاد العمري');
  expect(r.crowded).toBe(true);
  expect(r.totalExact).toBe(false);
  expect(r.total).toBeGreaterThan(COUNT_EXACT);
  expect(r.total).toBeLessThan(10 * COUNT_EXACT); // an estimate, but of the right size
});
