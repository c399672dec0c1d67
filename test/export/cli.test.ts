// sanad export to files: CSV with a byte order mark or XLSX, a governorate of the user's, and the
// same neutralised cells as the web app's exports (one function); the importer takes the
// apostrophe off again.
import fs from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { expect, test } from 'vitest';
import { exportPersons } from '../../src/export/persons.ts';
import { importFile } from '../../src/importer/run.ts';
import { writeSyntheticCsv } from '../../src/importer/syntheticCsv.ts';
import { neutraliseCell, restoreCell } from '../../src/shared/spreadsheetCell.ts';
import { sanad as runSanad } from '../support/cli.ts';
import { useTestDb } from '../support/testApp.ts';
import { csvOf, makeActor, useTempDir } from '../import/support.ts';

const t = useTestDb();
const tmp = useTempDir();
const sanad = (args: string[]) => runSanad(args, t.db.url);
/** A Latin name a spreadsheet would run as a formula. */
const F = '=HYPERLINK("http://example.org","x")';

test('neutraliseCell: = + - @ tab and carriage return get an apostrophe; restoreCell takes it off', () => {
  for (const v of ['=1+2', '+970599111222', '-5', '@SUM(A1)', '\tx', '\rx']) {
    expect(neutraliseCell(v)).toBe(`'${v}`);
    expect(restoreCell(neutraliseCell(v) as string)).toBe(v);
  }
  for (const v of ['سامر', 'Samer', '', "'quoted", '1990-03-12', 'a=b']) {
    expect(neutraliseCell(v)).toBe(v);
    expect(restoreCell(v)).toBe(v);
  }
  expect(neutraliseCell(5)).toBe(5);
});

test('sanad export persons --format csv|xlsx --governorate, to files', { timeout: 120_000 }, async () => {
  await makeActor(t.db.pool, { username: 'officer' });
  const file = path.join(tmp.dir, 'people.csv');
  await fs.writeFile(
    file,
    csvOf([
      ['record_id', 'given_name', 'family_name', 'full_name_en', 'phone', 'governorate'],
      ['K1', 'وائل', 'الدحدوح', F, '0599111222', 'PS0260'],
      ['K2', 'مريم', 'عابد', '', '', 'PS0115'],
    ]),
  );
  const imp = await sanad(['import', 'persons', file, '--user', 'officer']);
  expect(imp.code, imp.stdout + imp.stderr).toBe(0);

  const csv = path.join(tmp.dir, 'out.csv');
  const r = await sanad(['export', 'persons', '--output', csv, '--governorate', 'PS0260', '--user', 'officer', '--no-progress']);
  expect(r.code, r.stderr).toBe(0);
  const bytes = await fs.readFile(csv);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parse(bytes.toString('utf8'), { bom: true, columns: true }) as Record<string, string>[];
  expect(rows.map((x) => [x.record_id, x.given_name, x.full_name_en, x.phone])).toEqual([['K1', 'وائل', `'${F}`, "'+970599111222"]]);

  const xlsx = path.join(tmp.dir, 'out.xlsx');
  expect((await sanad(['export', 'persons', '--output', xlsx, '--format', 'xlsx', '--user', 'officer', '--no-progress'])).code).toBe(0);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(xlsx);
  const values = (book.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][]).map((v) => v.slice(1));
  expect(values).toHaveLength(3);
  expect(values.flat()).toContain(`'${F}`);
  expect(values.flat()).toContain('مريم');

  const agg = path.join(tmp.dir, 'agg.xlsx');
  expect((await sanad(['export', 'aggregates', '--output', agg, '--format', 'xlsx', '--hxl', '--user', 'officer'])).code).toBe(0);
  await book.xlsx.readFile(agg);
  expect(book.getWorksheet('aggregates')!.getRow(2).getCell(1).value).toBe('#adm2+name');

  // the export imports again: the apostrophes come off (another organisation)
  await makeActor(t.db.pool, { username: 'other', org: 'Other organisation' });
  expect((await sanad(['import', 'persons', csv, '--user', 'other'])).code).toBe(0);
  const back = await t.db.pool.query(
    "SELECT p.full_name_en, p.phone FROM person p JOIN organisation o ON o.id = p.org_id WHERE o.name = 'Other organisation'",
  );
  expect(back.rows).toEqual([{ full_name_en: F, phone: '+970599111222' }]);
});

test('a reader that goes away mid-export stops it and frees its database connection', { timeout: 60_000 }, async () => {
  const officer = await makeActor(t.db.pool, { username: 'cancel-officer', org: 'Cancel organisation' });
  const file = path.join(tmp.dir, 'many.csv');
  await writeSyntheticCsv(file, { seed: 4, persons: 2000 });
  await importFile(t.db.pool, officer, { kind: 'persons', file });
  for (const format of ['csv', 'xlsx'] as const) {
    // a reader that receives the first chunk and goes away
    const out: Writable = new Writable({
      highWaterMark: 1024,
      write: () => setImmediate(() => out.destroy()),
    });
    await expect(exportPersons(t.db.pool, officer, { output: out, format })).rejects.toThrow(/cancelled/);
    await expect.poll(() => t.db.pool.totalCount - t.db.pool.idleCount).toBe(0);
    expect((await t.db.pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  }
});
