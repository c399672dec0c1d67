// sanad import persons: good rows load, bad rows go to quarantine and the rejection report,
// failed ID check digits are kept and flagged, and importing the same file again changes nothing.
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { nationalIdCheckDigit } from '../../src/registry/nationalId.ts';
import { importFile } from '../../src/importer/run.ts';
import { count, csvOf, makeActor, useTempDir } from './support.ts';
import { useTestDb } from '../support/testApp.ts';

const t = useTestDb();
const tmp = useTempDir();

const validId = (first8: string) => first8 + nationalIdCheckDigit(first8);
const badCheck = (first8: string) => first8 + ((nationalIdCheckDigit(first8) + 1) % 10);

const header = [
  'record_id',
  'given_name',
  'father_name',
  'grandfather_name',
  'family_name',
  'full_name',
  'sex',
  'date_of_birth',
  'age',
  'national_id',
  'phone',
  'governorate',
  'notes',
];
const rows = [
  ['P1', 'محمد', 'أحمد', 'خليل', 'النجار', '', 'male', '1990-05-01', '', validId('40000001'), '0599123456', 'PS0260', 'x'],
  ['P2', '', '', '', '', 'فاطمة علي حسن', 'female', '', '30', badCheck('40000002'), '', 'ps0270', ''],
  ['P3', 'سارة', '', '', 'عودة', '', 'female', '1990-13-01', '', '12345', '', 'PS0150', ''],
  ['P4', 'يوسف', '', '', 'حمدان', '', 'male', '1985', '', '', '', 'PS9999', ''],
  ['', 'ليلى', 'محمود', '', 'شاهين', '', 'female', '2001-02', '', '', '+970 59 912 3457', 'PS0101', ''],
  ['P6', 'عمر', '', '', 'داود', '', 'x', '', '', '', '', 'PS0115', ''],
  ['P1', 'محمد', 'أحمد', 'خليل', 'النجار', '', 'male', '1990-05-01', '', validId('40000001'), '', 'PS0260', ''],
];

test('loads good rows, quarantines and reports bad ones, flags unverified IDs', async () => {
  const actor = await makeActor(t.db.pool);
  const file = path.join(tmp.dir, 'persons.csv');
  await fs.writeFile(file, `\uFEFF${csvOf([header, ...rows])}`);
  const s = await importFile(t.db.pool, actor, { kind: 'persons', file });
  expect(s).toMatchObject({
    rows: 7,
    loaded: 3,
    unchanged: 1,
    rejected: 3,
    unverifiedIds: 1,
    alreadyImported: false,
    ignoredColumns: ['notes'],
  });
  expect(s.reportPath).toBe(path.join(tmp.dir, 'persons.rejections.csv'));

  const people = await t.db.pool.query(
    'SELECT record_id, full_name, sex, date_of_birth, dob_precision, national_id_valid, phone, governorate FROM person ORDER BY record_id',
  );
  expect(people.rows).toEqual([
    {
      record_id: 'P1',
      full_name: 'محمد أحمد خليل النجار',
      sex: 'male',
      date_of_birth: '1990-05-01',
      dob_precision: 'exact',
      national_id_valid: true,
      phone: '+970599123456',
      governorate: 'PS0260',
    },
    {
      record_id: 'P2',
      full_name: 'فاطمة علي حسن',
      sex: 'female',
      date_of_birth: expect.stringMatching(/-07-01$/),
      dob_precision: 'estimated',
      national_id_valid: false,
      phone: null,
      governorate: 'PS0270',
    },
    {
      record_id: `file-${s.fileSha256.slice(0, 16)}-6`,
      full_name: 'ليلى محمود شاهين',
      sex: 'female',
      date_of_birth: '2001-02-01',
      dob_precision: 'month',
      national_id_valid: null,
      phone: '+970599123457',
      governorate: 'PS0101',
    },
  ]);

  const q = await t.db.pool.query('SELECT row_number, raw, errors FROM quarantine ORDER BY row_number');
  expect(q.rows.map((r) => [r.row_number, r.errors])).toEqual([
    [
      4,
      [
        { field: 'national_id', reason: 'national_id_length' },
        { field: 'date_of_birth', reason: 'bad_month' },
      ],
    ],
    [5, [{ field: 'governorate', reason: 'not_a_governorate' }]],
    [7, [{ field: 'sex', reason: 'not_allowed' }]],
  ]);
  expect(q.rows[0].raw).toMatchObject({ record_id: 'P3', national_id: '12345', date_of_birth: '1990-13-01' });

  const report = await fs.readFile(s.reportPath, 'utf8');
  expect(report).toBe(
    'row_number,field,reason\n' +
      '4,national_id,must have 9 digits\n' +
      '4,date_of_birth,has a month outside 01-12\n' +
      '5,governorate,must be the P-code of one of the 16 governorates\n' +
      '7,sex,is not one of the allowed values\n',
  );
  expect(report).not.toMatch(/12345|PS9999|سارة/);

  const log = await t.db.pool.query(
    "SELECT action, actor_id, org_id, device_id, operation_id, after FROM change_log WHERE entity = 'import' ORDER BY seq",
  );
  expect(log.rows.map((r) => r.action)).toEqual(['import_start', 'import_batch', 'import_done']);
  const batch = log.rows[1];
  expect(batch).toMatchObject({ actor_id: actor.userId, org_id: actor.orgId, device_id: 'test', operation_id: s.importId });
  expect(batch.after).toMatchObject({
    importId: s.importId,
    fileSha256: s.fileSha256,
    rowsFrom: 2,
    rowsTo: 8,
    loaded: 3,
    unchanged: 1,
    rejected: 3,
    unverified: 1,
  });
  const ids = (await t.db.pool.query('SELECT id FROM person ORDER BY id')).rows.map((r) => r.id);
  expect([...batch.after.personIds].sort()).toEqual(ids);
  // Personal data stays out of the change log's import entries.
  expect(JSON.stringify(log.rows)).not.toMatch(/محمد|0599/);
});

test('importing the same file again changes nothing', async () => {
  const actor = (await t.db.pool.query("SELECT id, org_id FROM app_user WHERE username = 'importer'")).rows[0];
  const a = {
    userId: actor.id,
    orgId: actor.org_id,
    role: 'registration_officer' as const,
    governorates: (await t.db.pool.query('SELECT array_agg(pcode) AS g FROM governorate')).rows[0].g,
  };
  const file = path.join(tmp.dir, 'persons.csv');
  const before = {
    persons: await count(t.db.pool, 'SELECT count(*) FROM person'),
    log: await count(t.db.pool, 'SELECT count(*) FROM change_log'),
    q: await count(t.db.pool, 'SELECT count(*) FROM quarantine'),
    runs: await count(t.db.pool, 'SELECT count(*) FROM import_run'),
  };
  const s = await importFile(t.db.pool, a, { kind: 'persons', file });
  expect(s).toMatchObject({ alreadyImported: true, rows: 7, loaded: 3, rejected: 3 });
  const after = {
    persons: await count(t.db.pool, 'SELECT count(*) FROM person'),
    log: await count(t.db.pool, 'SELECT count(*) FROM change_log'),
    q: await count(t.db.pool, 'SELECT count(*) FROM quarantine'),
    runs: await count(t.db.pool, 'SELECT count(*) FROM import_run'),
  };
  expect(after).toEqual(before);

  // Another file with the same rows and one more: only the new row loads.
  const file2 = path.join(tmp.dir, 'persons2.csv');
  await fs.writeFile(
    file2,
    csvOf([header, ...rows.slice(0, 2), ['P9', 'هدى', '', '', 'سالم', '', 'female', '', '', '', '', 'PS0265', '']]),
  );
  const s2 = await importFile(t.db.pool, a, { kind: 'persons', file: file2 });
  expect(s2).toMatchObject({ rows: 3, loaded: 1, unchanged: 2, rejected: 0 });
  expect(await count(t.db.pool, 'SELECT count(*) FROM person')).toBe(before.persons + 1);
});

test("rows outside the user's governorates are rejected; roles without import rights are refused", async () => {
  const actor = await makeActor(t.db.pool, { username: 'gaza-only', governorates: ['PS0260'] });
  const file = path.join(tmp.dir, 'scope.csv');
  await fs.writeFile(
    file,
    csvOf([
      ['given_name', 'family_name', 'governorate'],
      ['خالد', 'عيسى', 'PS0260'],
      ['رامي', 'عيسى', 'PS0115'],
    ]),
  );
  const s = await importFile(t.db.pool, actor, { kind: 'persons', file, reportPath: path.join(tmp.dir, 'scope-report.csv') });
  expect(s).toMatchObject({ loaded: 1, rejected: 1 });
  expect(await fs.readFile(path.join(tmp.dir, 'scope-report.csv'), 'utf8')).toBe(
    'row_number,field,reason\n3,governorate,is outside the governorates you work in\n',
  );
  // A NUL character (which PostgreSQL cannot store) rejects the row instead of failing the import.
  const nul = path.join(tmp.dir, 'nul.csv');
  await fs.writeFile(
    nul,
    csvOf([
      ['given_name', 'family_name', 'governorate'],
      ['خالد\u0000', 'عيسى', 'PS0260'],
      ['سعيد', 'عيسى', 'PS0260'],
    ]),
  );
  expect(await importFile(t.db.pool, actor, { kind: 'persons', file: nul })).toMatchObject({ loaded: 1, rejected: 1 });
  const analyst = await makeActor(t.db.pool, { username: 'analyst', role: 'analyst' });
  await expect(importFile(t.db.pool, analyst, { kind: 'persons', file })).rejects.toThrow(/may not import/);
});

test("a mapping file renames columns; errors are reported under the file's column names", async () => {
  const actor = (await t.db.pool.query("SELECT id, org_id FROM app_user WHERE username = 'importer'")).rows[0];
  const a = { userId: actor.id, orgId: actor.org_id, role: 'registration_officer' as const, governorates: ['PS0260', 'PS0101'] };
  const file = path.join(tmp.dir, 'mapped.csv');
  await fs.writeFile(
    file,
    csvOf([
      ['ID', 'First', 'Family', 'Gov', 'Birth'],
      ['M1', 'نور', 'زيد', 'PS0260', '2030-01-01'],
      ['M2', 'نور', 'زيد', 'PS0101', '1999-01-01'],
    ]),
  );
  const mapping = path.join(tmp.dir, 'mapping.json');
  await fs.writeFile(
    mapping,
    JSON.stringify({ ID: 'record_id', First: 'given_name', Family: 'family_name', Gov: 'governorate', Birth: 'date_of_birth' }),
  );
  const s = await importFile(t.db.pool, a, { kind: 'persons', file, mappingFile: mapping });
  expect(s).toMatchObject({ loaded: 1, rejected: 1 });
  expect(await fs.readFile(s.reportPath, 'utf8')).toBe('row_number,field,reason\n2,Birth,is in the future\n');
  await fs.writeFile(mapping, JSON.stringify({ ID: 'nope' }));
  await expect(importFile(t.db.pool, a, { kind: 'persons', file, mappingFile: mapping })).rejects.toThrow(/not a Sanad column/);
});
