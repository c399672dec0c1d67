// sanad import households over several batches (the set-based path, issue #14): bad rows in the
// middle of a batch are quarantined with their reasons and raw row while the good rows around them
// land; a household spanning two batches keeps its head and members; a person met again in a later
// batch turns the import to looking persons up; the change log verifies; the same file again adds
// nothing; an overlapping file links the known persons and changes nothing else.
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { importFile } from '../../src/importer/run.ts';
import { verifyAuditChain } from '../../src/store/auditVerify.ts';
import { TEST_SECRET_KEY } from '../support/factories.ts';
import { useTestDb } from '../support/testApp.ts';
import { count, csvOf, makeActor, useTempDir } from './support.ts';

const t = useTestDb();
const tmp = useTempDir();

const header = ['record_id', 'given_name', 'father_name', 'family_name', 'sex', 'governorate', 'household_id', 'relationship'];
const GIVEN = ['خالد', 'منى', 'ريم', 'سامي', 'علي'];

/** Household h: a head and four members, record ids P<h>-<i>. */
function household(h: number): string[][] {
  return [0, 1, 2, 3, 4].map((i) => [
    `P${h}-${i}`,
    GIVEN[i]!,
    'سعيد',
    'الشوا',
    i % 2 ? 'female' : 'male',
    h % 2 ? 'PS0260' : 'PS0130',
    `H${h}`,
    i === 0 ? 'head' : i === 1 ? 'spouse' : i === 2 ? 'son' : 'daughter',
  ]);
}

test('bad rows in the middle of batches are quarantined, the good ones land, the log verifies, re-import adds nothing', async () => {
  const actor = await makeActor(t.db.pool);
  const rows: string[][] = [];
  for (let h = 0; h < 12; h++) rows.push(...household(h)); // rows 2..61
  // batch 1 is rows 2..26 (25 rows), batch 2 rows 27..51, batch 3 the rest
  rows.splice(10, 0, ['X1', 'نادر', '', 'زقوت', 'male', 'PS0260', 'H1', 'cousin']); // row 12: not a relationship (validation)
  rows.splice(13, 0, ['X2', 'نادر', 'علي', 'زقوت', 'male', 'PS0260', 'H2', 'head']); // row 15: H2 has a head (database rule)
  rows.splice(30, 0, ['P0-3', GIVEN[3]!, 'سعيد', 'الشوا', 'female', 'PS0130', 'H9', 'daughter']); // row 32: in H0 already (a later batch)
  rows.push(['X3', 'هدى', 'علي', 'عياد', 'female', 'PS0260', 'H11', 'sister']); // row 65: a sixth member of H11
  // H9 (rows 50-54) spans batches 2 and 3: its second part finds its head and members in the registry
  const file = path.join(tmp.dir, 'households.csv');
  await fs.writeFile(file, csvOf([header, ...rows]));
  const today = new Date('2025-03-01T12:00:00Z');
  const s = await importFile(t.db.pool, actor, { kind: 'households', file, batchSize: 25, workers: 0, today });
  expect(s).toMatchObject({ rows: 64, loaded: 61, rejected: 3, personsCreated: 62, householdsCreated: 12, unchanged: 0 });

  const q = await t.db.pool.query('SELECT row_number, raw, errors FROM quarantine ORDER BY row_number');
  expect(q.rows.map((r) => [r.row_number, r.errors])).toEqual([
    [12, [{ field: 'relationship', reason: 'not_allowed' }]],
    [15, [{ field: 'relationship', reason: 'household_has_head' }]],
    [32, [{ field: 'household_id', reason: 'member_elsewhere' }]],
  ]);
  // the raw rows of rows the database refused are kept as read
  expect(q.rows[1].raw).toMatchObject({ record_id: 'X2', household_id: 'H2', relationship: 'head' });
  expect(q.rows[2].raw).toMatchObject({ record_id: 'P0-3', household_id: 'H9' });

  const byHousehold = await t.db.pool.query<{ h: string; n: number; heads: number; g: string }>(
    `SELECT h.record_id AS h, count(*)::int AS n, (count(*) FILTER (WHERE m.relationship = 'head'))::int AS heads, h.governorate AS g
     FROM household h JOIN household_member m ON m.household_id = h.id AND m.valid_to IS NULL AND m.valid_from = '2025-03-01'
     GROUP BY h.record_id, h.governorate ORDER BY h.record_id`,
  );
  expect(byHousehold.rows).toHaveLength(12);
  for (const r of byHousehold.rows) {
    expect(r.heads).toBe(1);
    expect(r.n).toBe(r.h === 'H11' ? 6 : 5);
    expect(r.g).toBe(Number(r.h.slice(1)) % 2 ? 'PS0260' : 'PS0130');
  }
  // X2, refused as a second head, exists as a person without a household (as on the staging path)
  expect(
    await count(
      t.db.pool,
      "SELECT count(*) FROM person p WHERE record_id = 'X2' AND NOT EXISTS (SELECT 1 FROM household_member m WHERE m.person_id = p.id)",
    ),
  ).toBe(1);
  const logged = await t.db.pool.query(
    "SELECT sum((after->>'loaded')::int)::int AS loaded, sum(jsonb_array_length(after->'memberIds'))::int AS members, sum(jsonb_array_length(after->'personIds'))::int AS persons FROM change_log WHERE action = 'import_batch'",
  );
  expect(logged.rows[0]).toEqual({ loaded: 61, members: 61, persons: 62 });
  const memberIds = await t.db.pool.query(
    "SELECT jsonb_array_elements_text(after->'memberIds') AS id FROM change_log WHERE action = 'import_batch'",
  );
  expect(
    await count(t.db.pool, 'SELECT count(*) FROM household_member WHERE id = ANY($1::uuid[])', [memberIds.rows.map((r) => r.id)]),
  ).toBe(61);
  expect(await verifyAuditChain(t.db.pool, TEST_SECRET_KEY)).toMatchObject({ ok: true });

  // The same file again: nothing changes.
  const logRows = await count(t.db.pool, 'SELECT count(*) FROM change_log');
  expect((await importFile(t.db.pool, actor, { kind: 'households', file, batchSize: 25, workers: 0 })).alreadyImported).toBe(true);
  expect(await count(t.db.pool, 'SELECT count(*) FROM change_log')).toBe(logRows);

  // Another file with the same rows and one new member: the known ones are unchanged, the new one joins.
  const again = path.join(tmp.dir, 'again.csv');
  await fs.writeFile(again, csvOf([header, ...rows, ['X4', 'سلمى', 'علي', 'عياد', 'female', 'PS0260', 'H11', 'sister']]));
  const s2 = await importFile(t.db.pool, actor, { kind: 'households', file: again, batchSize: 25, workers: 0, today });
  expect(s2).toMatchObject({ rows: 65, loaded: 1, personsCreated: 1, householdsCreated: 0, unchanged: 61, rejected: 3 });
  expect(await count(t.db.pool, 'SELECT count(*) FROM household_member')).toBe(62);
  expect(await count(t.db.pool, 'SELECT count(*) FROM person')).toBe(63);
  expect(await verifyAuditChain(t.db.pool, TEST_SECRET_KEY)).toMatchObject({ ok: true });
});
