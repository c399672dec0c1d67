// sanad export persons: CSV of the persons in the user's organisation and governorates, streamed;
// the export is logged; what it writes imports again.
import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect, test } from 'vitest';
import { exportPersons } from '../../src/export/persons.ts';
import { importFile } from '../../src/importer/run.ts';
import { writeSyntheticCsv } from '../../src/importer/syntheticCsv.ts';
import { count, makeActor, useTempDir } from '../import/support.ts';
import { useTestDb } from '../support/testApp.ts';

const t = useTestDb();
const tmp = useTempDir();

test('exports only the persons in scope, with the import columns, and the file imports again', async () => {
  const admin = await makeActor(t.db.pool, { username: 'admin', role: 'administrator' });
  const file = path.join(tmp.dir, 'in.csv');
  await writeSyntheticCsv(file, { seed: 3, persons: 3000 });
  await importFile(t.db.pool, admin, { kind: 'persons', file });
  // Another organisation's person must never appear.
  const other = await makeActor(t.db.pool, { username: 'other', role: 'administrator', org: 'Other organisation' });
  await t.db.pool.query(
    "INSERT INTO person (org_id, record_id, full_name, name_key, governorate) VALUES ($1, 'OTHER-1', 'x', 'x', 'PS0260')",
    [other.orgId],
  );

  const gaza = ['PS0255', 'PS0260', 'PS0265', 'PS0270', 'PS0275'];
  const officer = await makeActor(t.db.pool, { username: 'gaza-officer', role: 'registration_officer', governorates: gaza });
  const out = path.join(tmp.dir, 'out.csv');
  const s = await exportPersons(t.db.pool, officer, { output: out });
  const expected = await count(t.db.pool, 'SELECT count(*) FROM person WHERE org_id = $1 AND governorate = ANY($2)', [officer.orgId, gaza]);
  expect(expected).toBeGreaterThan(0);
  expect(expected).toBeLessThan(3000);
  expect(s.rows).toBe(expected);
  const rows = parse(await fs.readFile(out, 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
  expect(rows).toHaveLength(expected);
  expect(Object.keys(rows[0]!)).toEqual([
    'record_id',
    'given_name',
    'father_name',
    'grandfather_name',
    'family_name',
    'full_name',
    'full_name_en',
    'sex',
    'date_of_birth',
    'dob_precision',
    'national_id',
    'national_id_valid',
    'phone',
    'governorate',
    'sanad_id',
  ]);
  expect(rows.every((r) => gaza.includes(r.governorate!))).toBe(true);
  expect(rows.some((r) => r.record_id === 'OTHER-1')).toBe(false);

  const log = await t.db.pool.query("SELECT actor_id, after FROM change_log WHERE action = 'export_persons'");
  expect(log.rows).toEqual([{ actor_id: officer.userId, after: expect.objectContaining({ rows: expected }) }]);

  // Round trip: the export imports into another organisation unchanged in count, all rows valid.
  const again = await importFile(t.db.pool, { ...other, governorates: gaza }, { kind: 'persons', file: out });
  expect(again).toMatchObject({ rows: expected, loaded: expected, rejected: 0 });

  // Roles without bulk access are refused.
  const analyst = await makeActor(t.db.pool, { username: 'analyst', role: 'analyst' });
  await expect(exportPersons(t.db.pool, analyst, { output: path.join(tmp.dir, 'no.csv') })).rejects.toThrow(/may not export/);
});
