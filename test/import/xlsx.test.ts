// XLSX files import like CSV: first worksheet, header row, dates and numbers as cells.
import fs from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from 'vitest';
import { nationalIdCheckDigit } from '../../src/registry/nationalId.ts';
import { importFile } from '../../src/importer/run.ts';
import { makeActor, useTempDir } from './support.ts';
import { useTestDb } from '../support/testApp.ts';

const t = useTestDb();
const tmp = useTempDir();

test('imports an XLSX worksheet, with a rejected row and an idempotent re-import', async () => {
  const actor = await makeActor(t.db.pool);
  const id = `80000123${nationalIdCheckDigit('80000123')}`;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Registrations');
  ws.addRow(['record_id', 'given_name', 'father_name', 'family_name', 'sex', 'date_of_birth', 'national_id', 'governorate']);
  ws.addRow(['X1', 'أسماء', 'سمير', 'الأغا', 'female', new Date(Date.UTC(1994, 2, 17)), Number(id), 'PS0270']);
  ws.addRow(['X2', { richText: [{ text: 'حسن' }] }, 'ماجد', 'قديح', 'male', '2010', '', 'PS0275']);
  ws.addRow(['X3', 'هالة', '', 'برهوم', 'female', '1990-02-30', '', 'PS0275']);
  const file = path.join(tmp.dir, 'registrations.xlsx');
  await wb.xlsx.writeFile(file);

  const s = await importFile(t.db.pool, actor, { kind: 'persons', file });
  expect(s).toMatchObject({ rows: 3, loaded: 2, rejected: 1, unverifiedIds: 0 });
  const people = await t.db.pool.query(
    'SELECT record_id, full_name, date_of_birth, dob_precision, national_id, national_id_valid FROM person ORDER BY record_id',
  );
  expect(people.rows).toEqual([
    {
      record_id: 'X1',
      full_name: 'أسماء سمير الأغا',
      date_of_birth: '1994-03-17',
      dob_precision: 'exact',
      national_id: id,
      national_id_valid: true,
    },
    {
      record_id: 'X2',
      full_name: 'حسن ماجد قديح',
      date_of_birth: '2010-01-01',
      dob_precision: 'year',
      national_id: null,
      national_id_valid: null,
    },
  ]);
  expect(await fs.readFile(s.reportPath, 'utf8')).toBe('row_number,field,reason\n4,date_of_birth,is not a calendar date\n');

  const again = await importFile(t.db.pool, actor, { kind: 'persons', file });
  expect(again.alreadyImported).toBe(true);
  expect((await t.db.pool.query('SELECT count(*)::int AS n FROM person')).rows[0].n).toBe(2);
});
