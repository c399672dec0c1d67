// Random files through the whole import: realistic, wrong and hostile cells mixed. Whatever the
// rows hold, every row is accounted for exactly once (loaded, unchanged or rejected), every
// rejected row is in quarantine with a field and a reason, the rejection report never quotes a
// value, and importing the same file again changes nothing.
import fc from 'fast-check';
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { nationalIdCheckDigit } from '../../src/registry/nationalId.ts';
import { importFile } from '../../src/importer/run.ts';
import { count, csvOf, makeActor, tableCounts, useTempDir } from './support.ts';
import { useTestDb } from '../support/testApp.ts';

const t = useTestDb();
const tmp = useTempDir();

const HEADER = [
  'record_id',
  'given_name',
  'father_name',
  'grandfather_name',
  'family_name',
  'full_name',
  'full_name_en',
  'sex',
  'date_of_birth',
  'age',
  'national_id',
  'phone',
  'governorate',
];
// Hostile cells carry a marker, so the report can be searched for any value quoted back.
const MARK = 'QQZX';
const hostile = fc.oneof(
  fc.string({ maxLength: 12 }).map((s) => MARK + s),
  fc.constantFrom(`${MARK}'; DROP TABLE person; --`, `${MARK}\t\\N`, `${MARK}"quoted"`, `${MARK}\n${MARK}`, `${MARK}١٢٣`, MARK.repeat(40)),
);
const id8 = fc.integer({ min: 10_000_000, max: 99_999_999 }).map(String);
// Each cell: mostly a valid value, sometimes a wrong one, now and then a hostile one.
const pick = <T>(valid: fc.Arbitrary<T>, wrong: fc.Arbitrary<T>) =>
  fc.oneof(
    { arbitrary: valid, weight: 30 },
    { arbitrary: wrong, weight: 1 },
    { arbitrary: hostile as unknown as fc.Arbitrary<T>, weight: 1 },
  );
const cell = {
  record_id: pick(
    fc.integer({ min: 1, max: 12 }).map((k) => `R${k}`),
    fc.constant(''),
  ),
  given_name: pick(fc.constantFrom('محمد', 'فاطمة', 'عبد الله', 'Ahmad'), fc.constant('')),
  father_name: pick(fc.constantFrom('خليل', 'يوسف', ''), fc.constant('٣')),
  grandfather_name: pick(fc.constantFrom('إبراهيم', ''), fc.constant('123')),
  family_name: pick(fc.constantFrom('النجار', 'أبو سمرة'), fc.constant('')),
  full_name: pick(fc.constant(''), fc.constant('سارة علي حسن')),
  full_name_en: pick(fc.constantFrom('', 'Sara Ali Hassan'), fc.constant('42')),
  sex: pick(fc.constantFrom('male', 'female', 'F', 'ذكر', ''), fc.constant('x')),
  date_of_birth: pick(fc.constantFrom('1990-05-01', '1985', '2001-02', ''), fc.constantFrom('2024-02-30', '3000-01-01', '1990-13')),
  age: pick(fc.constantFrom('', '30'), fc.constantFrom('-1', '131')),
  national_id: pick(
    fc.oneof(
      id8.map((d) => d + nationalIdCheckDigit(d)),
      id8.map((d) => d + ((nationalIdCheckDigit(d) + 1) % 10)),
      fc.constant(''),
    ),
    fc.constant('12345'),
  ),
  phone: pick(fc.constantFrom('', '0599123456', '+970 59 912 3457'), fc.constant('123')),
  governorate: pick(fc.constantFrom('PS0260', 'ps0115', 'PS0275'), fc.constantFrom('PS9999', '')),
};
const row = fc.tuple(...HEADER.map((h) => cell[h as keyof typeof cell]));
const householdCells = fc.tuple(
  pick(
    fc.integer({ min: 1, max: 4 }).map((k) => `H${k}`),
    fc.constant(''),
  ),
  pick(fc.constantFrom('head', 'spouse', 'son', 'daughter', 'Head', 'other'), fc.constant('cousin')),
);
let n = 0;
const totals = { loaded: 0, rejected: 0, unchanged: 0 };

/** Imports `rows` for a new organisation; checks every row is counted once. */
async function property(kind: 'persons' | 'households', rows: string[][], header: string[]) {
  n++;
  const actor = await makeActor(t.db.pool, { username: `fuzz${n}`, org: `Fuzz organisation ${n}` });
  const file = path.join(tmp.dir, `fuzz${n}.csv`);
  const reportPath = path.join(tmp.dir, `fuzz${n}.rejections.csv`);
  await fs.writeFile(file, csvOf([header, ...rows]));
  const s = await importFile(t.db.pool, actor, { kind, file, reportPath, workers: 0, batchSize: 7 });
  expect(s.rows).toBe(rows.length);
  expect(s.loaded + s.unchanged + s.rejected).toBe(rows.length);
  return { actor, file, reportPath, s };
}

test('every row accounted for once; quarantine and report complete and without values; a second import changes nothing', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 25 }), async (rows) => {
      const { actor, file, reportPath, s } = await property('persons', rows, HEADER);
      totals.loaded += s.loaded;
      totals.rejected += s.rejected;
      totals.unchanged += s.unchanged;
      expect(await count(t.db.pool, 'SELECT count(*) FROM person WHERE org_id = $1', [actor.orgId])).toBe(s.loaded);
      const q = await t.db.pool.query<{ row_number: number; errors: { field: string; reason: string }[] }>(
        'SELECT row_number, errors FROM quarantine WHERE import_id = $1',
        [s.importId],
      );
      expect(q.rowCount).toBe(s.rejected);
      for (const r of q.rows) {
        expect(r.row_number).toBeGreaterThanOrEqual(2);
        expect(r.row_number).toBeLessThanOrEqual(rows.length + 1);
        expect(r.errors.length).toBeGreaterThan(0);
        for (const e of r.errors) {
          expect(e.field).toMatch(/^[a-z_]+$/);
          expect(e.reason.length).toBeGreaterThan(0);
        }
      }
      const report = await fs.readFile(reportPath, 'utf8');
      expect(report.split('\n').filter(Boolean).length - 1).toBe(q.rows.reduce((k, r) => k + r.errors.length, 0));
      expect(report).not.toContain(MARK);
      const before = await tableCounts(t.db.pool, 'person', 'quarantine', 'change_log');
      const again = await importFile(t.db.pool, actor, { kind: 'persons', file, reportPath, workers: 0, batchSize: 7 });
      expect(again).toMatchObject({ alreadyImported: true, loaded: s.loaded, rejected: s.rejected });
      expect(await tableCounts(t.db.pool, 'person', 'quarantine', 'change_log')).toEqual(before);
    }),
    { numRuns: Number(process.env.FUZZ_RUNS ?? 25) },
  );
  process.stdout.write(`[import fuzz] ${JSON.stringify(totals)}\n`);
  // The files exercised every outcome, not only rejection.
  expect(totals.loaded).toBeGreaterThan(0);
  expect(totals.rejected).toBeGreaterThan(0);
  expect(totals.unchanged).toBeGreaterThan(0);
}, 120_000);

test('households: every row accounted for once; memberships match; one head at most; a second import changes nothing', async () => {
  const header = [...HEADER, 'household_id', 'relationship'];
  await fc.assert(
    fc.asyncProperty(
      fc.array(
        fc.tuple(row, householdCells).map(([r, h]) => [...r, ...h]),
        { minLength: 1, maxLength: 25 },
      ),
      async (rows) => {
        const { actor, file, reportPath, s } = await property('households', rows, header);
        expect(
          await count(t.db.pool, 'SELECT count(*) FROM household_member m JOIN household h ON h.id = m.household_id WHERE h.org_id = $1', [
            actor.orgId,
          ]),
        ).toBe(s.loaded);
        expect(await count(t.db.pool, 'SELECT count(*) FROM quarantine WHERE import_id = $1', [s.importId])).toBe(s.rejected);
        // At most one current head per household; nobody a current member of two.
        expect(
          await count(
            t.db.pool,
            "SELECT count(*) FROM (SELECT household_id FROM household_member m JOIN household h ON h.id = m.household_id WHERE h.org_id = $1 AND m.valid_to IS NULL AND m.relationship = 'head' GROUP BY household_id HAVING count(*) > 1) x",
            [actor.orgId],
          ),
        ).toBe(0);
        expect(await fs.readFile(reportPath, 'utf8')).not.toContain(MARK);
        const before = await tableCounts(t.db.pool, 'household_member', 'quarantine');
        const again = await importFile(t.db.pool, actor, { kind: 'households', file, reportPath, workers: 0, batchSize: 7 });
        expect(again).toMatchObject({ alreadyImported: true, loaded: s.loaded, rejected: s.rejected });
        expect(await tableCounts(t.db.pool, 'household_member', 'quarantine')).toEqual(before);
      },
    ),
    { numRuns: Number(process.env.FUZZ_RUNS ?? 25) },
  );
}, 120_000);
