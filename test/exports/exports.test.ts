// POST /api/v1/exports/persons and /aggregates: files of the caller's organisation and governorates,
// CSV with a byte order mark or XLSX, formula-looking cells neutralised, every export in the change log.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { expect, test } from 'vitest';
import { roles } from '../../src/access/roles.ts';
import { commandMatrix } from '../../src/access/matrix.ts';
import { makePerson } from '../support/make.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
const GAZA = 'PS0260';
const NABLUS = 'PS0115';
const PERSONS = '/api/v1/exports/persons';
const AGGREGATES = '/api/v1/exports/aggregates';

async function scenario() {
  const officer = await t.user({ role: 'registration_officer', governorates: [GAZA, NABLUS] });
  const gazaOnly = await t.user({ role: 'registration_officer', orgId: officer.orgId, governorates: [GAZA] });
  const other = await t.user({ role: 'registration_officer', governorates: [GAZA] });
  const formula = await makePerson(t, officer, { givenName: 'سامر', fullNameEn: '=HYPERLINK("http://example.org","x")' });
  const phone = await makePerson(t, officer, { phone: '0599123456' });
  const nablus = await makePerson(t, officer, { governorate: NABLUS, familyName: 'النابلسي' });
  const elsewhere = await makePerson(t, other, { familyName: 'الغريب' });
  return { officer, gazaOnly, other, formula, phone, nablus, elsewhere };
}

function csvRows(body: string): Record<string, string>[] {
  return parse(body, { bom: true, columns: true }) as Record<string, string>[];
}

test('persons as CSV: a byte order mark, Arabic intact, a formula neutralised, only the caller scope, the row count and the change log', async () => {
  const s = await scenario();
  const res = await t.post(s.gazaOnly, PERSONS, { format: 'csv' });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('text/csv');
  expect(res.headers['content-disposition']).toMatch(/^attachment; filename="sanad-persons-\d{4}-\d{2}-\d{2}\.csv"$/);
  expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = csvRows(res.body);
  expect(res.headers['x-export-rows']).toBe('2');
  expect(rows.map((r) => r.sanad_id).sort()).toEqual([s.formula.id, s.phone.id].sort());
  const f = rows.find((r) => r.sanad_id === s.formula.id)!;
  expect(f.full_name_en).toBe(`'=HYPERLINK("http://example.org","x")`);
  expect(f.given_name).toBe('سامر');
  expect(rows.find((r) => r.sanad_id === s.phone.id)!.phone).toBe("'+970599123456");
  expect(res.body).not.toContain('الغريب');
  expect(res.body).not.toContain('النابلسي');

  const log = await t.db.pool.query("SELECT actor_id, after FROM change_log WHERE action = 'export_persons' AND actor_id = $1", [
    s.gazaOnly.id,
  ]);
  expect(log.rows).toEqual([
    { actor_id: s.gazaOnly.id, after: expect.objectContaining({ rows: 2, format: 'csv', governorate: null, governorates: [GAZA] }) },
  ]);
  expect(JSON.stringify(log.rows)).not.toMatch(/سامر|HYPERLINK|599123456/);
});

test('persons as XLSX, filtered to one governorate of the caller; a governorate outside it is refused', async () => {
  const s = await scenario();
  const res = await t.post(s.officer, PERSONS, { format: 'xlsx', governorate: NABLUS });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  expect(res.headers['x-export-rows']).toBe('1');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const values = sheet.getSheetValues().filter(Boolean) as unknown[][];
  expect(values).toHaveLength(2);
  const header = values[0]!.slice(1);
  expect(header[0]).toBe('record_id');
  const row = Object.fromEntries(header.map((h, i) => [h, values[1]![i + 1]]));
  expect(row).toMatchObject({ sanad_id: s.nablus.id, family_name: 'النابلسي', governorate: NABLUS });
  const all = await t.post(s.officer, PERSONS, { format: 'xlsx' });
  const b2 = new ExcelJS.Workbook();
  await b2.xlsx.load(all.rawPayload as unknown as ArrayBuffer);
  const names = (b2.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][]).map((r) => r.slice(1));
  const en = header.indexOf('full_name_en');
  expect(names.some((r) => r[en] === `'=HYPERLINK("http://example.org","x")`)).toBe(true);
  expect(all.headers['x-export-rows']).toBe('3');

  const log = await t.db.pool.query("SELECT after FROM change_log WHERE action = 'export_persons' AND actor_id = $1 ORDER BY seq", [
    s.officer.id,
  ]);
  expect(log.rows.map((r) => [r.after.format, r.after.governorate, r.after.rows])).toEqual([
    ['xlsx', NABLUS, 1],
    ['xlsx', null, 3],
  ]);

  const outside = await t.post(s.gazaOnly, PERSONS, { format: 'csv', governorate: NABLUS });
  expect(outside.statusCode).toBe(422);
  expect(outside.json()).toMatchObject({ type: '/problems/validation', errors: [{ field: 'governorate' }] });
  const bad = await t.post(s.officer, PERSONS, { format: 'pdf' });
  expect(bad.statusCode).toBe(422);
});

test('aggregates: HXL-tagged counts of the caller scope, CSV and XLSX, logged', async () => {
  const s = await scenario();
  const analyst = await t.user({ role: 'analyst', orgId: s.officer.orgId, governorates: [GAZA, NABLUS] });
  const res = await t.post(analyst, AGGREGATES, { format: 'csv' });
  expect(res.statusCode).toBe(200);
  expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = parse(res.body, { bom: true }) as string[][];
  // governorates are admin level 2 of the COD-AB, under the territories (level 1)
  expect(lines[1]!.slice(0, 4)).toEqual(['#adm2+name', '#adm2+name+i_ar', '#adm2+code', '#adm1+name']);
  const rows = lines.slice(2).map((l) => Object.fromEntries(lines[0]!.map((h, i) => [h, l[i]])));
  // the analyst sees only aggregates: 1 and 2 people are written "<5", a 0 stays 0
  expect(rows.map((r) => [r.governorate_pcode, r.people, r.sex_unknown])).toEqual([
    [NABLUS, '<5', '0'],
    [GAZA, '<5', '0'],
  ]);
  // the registration officer reads records: exact counts; an officer of Gaza only, Gaza's row only
  const exact = parse((await t.post(s.officer, AGGREGATES, { format: 'csv' })).body, { bom: true }) as string[][];
  expect(exact.slice(2).map((l) => [l[2], l[4]])).toEqual([
    [NABLUS, '1'],
    [GAZA, '2'],
  ]);
  const gaza = parse((await t.post(s.gazaOnly, AGGREGATES, { format: 'csv' })).body, { bom: true }) as string[][];
  expect(gaza.slice(2).map((l) => [l[2], l[4]])).toEqual([[GAZA, '2']]);
  expect(res.headers['x-export-rows']).toBe('2');
  const x = await t.post(analyst, AGGREGATES, { format: 'xlsx', governorate: GAZA });
  expect(x.statusCode).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
  const v = book.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
  expect(v).toHaveLength(3);
  expect(v[1]![1]).toBe('#adm2+name');
  expect(v[2]![3]).toBe(GAZA);
  expect(v[2]![5]).toBe('<5');
  const log = await t.db.pool.query("SELECT actor_id, after FROM change_log WHERE action = 'export_aggregates' ORDER BY seq");
  expect(log.rows.map((r) => [r.actor_id, r.after.format, r.after.governorate, r.after.rows])).toEqual([
    [analyst.id, 'csv', null, 2],
    [s.officer.id, 'csv', null, 2],
    [s.gazaOnly.id, 'csv', null, 1],
    [analyst.id, 'xlsx', GAZA, 1],
  ]);
});

test('roles: as the command line allows, others 403; without a session 401', async () => {
  for (const role of roles) {
    const u = await t.user({ role, governorates: [GAZA] });
    for (const [url, command] of [
      [PERSONS, 'export persons'],
      [AGGREGATES, 'export aggregates'],
    ] as const) {
      const res = await t.post(u, url, { format: 'csv' });
      const allowed = (commandMatrix[command] as readonly string[]).includes(role);
      expect(res.statusCode, `${role} ${url}`).toBe(allowed ? 200 : 403);
      if (!allowed) expect(res.json().type).toBe('/problems/forbidden');
    }
  }
  expect((await t.post(undefined, PERSONS, { format: 'csv' })).statusCode).toBe(401);
});
