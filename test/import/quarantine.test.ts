// Quarantine: list, export to fix, retry the fixed file; rows that load are resolved.
import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { expect, test } from 'vitest';
import { importFile } from '../../src/importer/run.ts';
import { exportQuarantine, listQuarantine, retryQuarantine } from '../../src/importer/quarantine.ts';
import { count, csvOf, makeActor, useTempDir } from './support.ts';
import { useTestDb } from '../support/testApp.ts';

const t = useTestDb();
const tmp = useTempDir();

test('quarantined rows are exported, fixed and re-imported', async () => {
  const actor = await makeActor(t.db.pool);
  const file = path.join(tmp.dir, 'in.csv');
  await fs.writeFile(
    file,
    csvOf([
      ['record_id', 'given_name', 'family_name', 'date_of_birth', 'governorate'],
      ['Q1', 'سلمى', 'جرادة', '1988-02-30', 'PS0260'],
      ['Q2', 'باسل', 'نصار', '1970', 'PS02600'],
      ['Q3', 'دينا', 'صيام', '1999', 'PS0260'],
      ['', 'مازن', '9', '', 'PS0260'],
    ]),
  );
  const s = await importFile(t.db.pool, actor, { kind: 'persons', file });
  expect(s).toMatchObject({ loaded: 1, rejected: 3 });

  const listed = await listQuarantine(t.db.pool, actor);
  expect(listed.map((r) => [r.rowNumber, r.errors])).toEqual([
    [2, [{ field: 'date_of_birth', reason: 'not_a_calendar_date' }]],
    [3, [{ field: 'governorate', reason: 'not_a_governorate' }]],
    [5, [{ field: 'family_name', reason: 'letters_required' }]],
  ]);

  const out = path.join(tmp.dir, 'quarantine.csv');
  expect(await exportQuarantine(t.db.pool, actor, { output: out })).toBe(3);
  const rows = parse(await fs.readFile(out, 'utf8'), { columns: true }) as Record<string, string>[];
  expect(rows.map((r) => [r.row_number, r.problems, r.record_id, r.governorate])).toEqual([
    ['2', 'date_of_birth is not a calendar date', 'Q1', 'PS0260'],
    ['3', 'governorate must be the P-code of one of the 16 governorates', 'Q2', 'PS02600'],
    ['5', 'family_name must contain letters', '', 'PS0260'],
  ]);

  // Fix two of the three in the spreadsheet; leave the third.
  rows[0]!.date_of_birth = '1988-02-28';
  rows[1]!.governorate = 'PS0260';
  await fs.writeFile(out, stringify(rows, { header: true }));
  const before = await count(t.db.pool, 'SELECT count(*) FROM change_log');
  const r = await retryQuarantine(t.db.pool, actor, { file: out });
  expect(r).toMatchObject({ retried: 3, loaded: 2, stillRejected: 1, unknown: 0 });
  expect((await t.db.pool.query('SELECT record_id, date_of_birth FROM person ORDER BY record_id')).rows).toEqual([
    { record_id: 'Q1', date_of_birth: '1988-02-28' },
    { record_id: 'Q2', date_of_birth: '1970-01-01' },
    { record_id: 'Q3', date_of_birth: '1999-01-01' },
  ]);
  expect((await listQuarantine(t.db.pool, actor)).map((x) => x.rowNumber)).toEqual([5]);
  expect(await count(t.db.pool, "SELECT count(*) FROM change_log WHERE action = 'quarantine_retry'")).toBe(1);
  expect(await count(t.db.pool, 'SELECT count(*) FROM change_log')).toBe(before + 1);
  expect((await t.db.pool.query('SELECT rows_retried FROM import_run')).rows[0].rows_retried).toBe(2);

  // Retrying the same fixed file again: the resolved rows are no longer in quarantine.
  const again = await retryQuarantine(t.db.pool, actor, { file: out });
  expect(again).toMatchObject({ retried: 1, loaded: 0, stillRejected: 1, unknown: 2 });
  expect(await count(t.db.pool, 'SELECT count(*) FROM person')).toBe(3);
});
