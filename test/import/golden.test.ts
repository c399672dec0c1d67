// What a households import stores, compared with what main's code stored before the import's hot
// path was made cheaper (issue #14, docs/decisions/0036-import-node-cpu.md): persons (every column
// the import writes but the ids and times), households, memberships and quarantined rows of a
// varied file (synthetic households, then odd rows: Latin names, missing name parts, bad and Arabic-
// digit IDs, phones and dates, padded and neutralised cells, hidden characters, long names, bad
// relationships, a person named twice). golden/households.txt was written by the code of 6280a03.
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { importFile } from '../../src/importer/run.ts';
import { personCsvHeader, personCsvLine } from '../../src/synthetic/csv.ts';
import { generateHouseholds, type SyntheticHousehold } from '../../src/synthetic/households.ts';
import { useTestDb } from '../support/testApp.ts';
import { csvOf, makeActor, useTempDir } from './support.ts';

const t = useTestDb();
const tmp = useTempDir();

// the columns of personCsvHeader: record_id, names (4), full_name, full_name_en, sex, date_of_birth,
// age, national_id, phone, governorate, household_id, relationship
const ODD: string[][] = [
  ['L1', 'Ahmad', 'Khalil', '', 'Haddad', '', 'Ahmad Khalil Haddad', 'M', '1980', '', '400000004', '0599123456', 'PS0260', 'HL', 'head'],
  ['L2', 'Mona', '', '', 'El-Sayed', '', '', 'female', '1982-13', '', '', '', 'PS0260', 'HL', 'spouse'],
  ['L3', '', '', '', '', '', 'Sara Ali Hassan', 'F', '', '7', '', '', 'ps0260', 'HL', 'daughter'],
  ['L4', 'محمد', '', '', '', '', '', 'male', '2001-02', '', '', '', 'PS0260', 'HL', 'son'],
  ['L5', '', '', '', 'النجار', '', '', 'male', '', '', '', '', 'PS0260', 'HL', 'son'],
  [
    'A1',
    ' عبد الله ',
    'أبو بكر',
    'عبد الرحمن',
    'أبو سمرة',
    '',
    'Abdullah Abu Bakr Abd al-Rahman Abu Samra',
    'ذكر',
    '1975-06-15',
    '',
    '٤٠٠٠٠٠٠٠٤',
    '٠٥٩٩١٢٣٤٥٦',
    'PS0265',
    'HA',
    'head',
  ],
  ['A2', 'فاطمة', 'علي', '', 'الشوا', '', '', 'أنثى', '2024-02-30', '', '', '', 'PS0265', 'HA', 'spouse'],
  ['A3', 'ريم', '٣', '', 'الشوا', '', '', 'انثى', '', '131', '', '', 'PS0265', 'HA', 'daughter'],
  ['A4', 'سامي', 'خالد', '', 'الشوا', '', '', 'male', '3000-01-01', '', '400000005', '123', 'PS0265', 'HA', 'son'],
  ['A5', 'نادر', '', '', 'زقوت', '', '', 'x', '', '', '12345', '', 'PS0265', 'HA', 'cousin'],
  ['A6', 'نادر', '', '', 'زقوت', '', '', 'male', '', '-1', '', '', 'PS9999', 'HA', 'son'],
  ['A7', "'=1+1", '', '', 'زقوت', '', '', 'male', '', '', '', '', 'PS0265', 'HA', 'son'],
  ['A8', 'ليلى\u200B', '', '', 'زقوت', '', '', 'female', '', '', '', '', 'PS0265', 'HA', 'daughter'],
  ['A9', 'ن'.repeat(101), '', '', 'زقوت', '', '', 'female', '', '', '', '', 'PS0265', 'HA', 'daughter'],
  ['A10', 'هدى', '', '', 'زقوت', '', '', '', '', '', '', '', 'PS0265', '', 'daughter'],
  ['A11', 'هدى', '', '', 'زقوت', '', '', '', '', '', '', '', 'PS0265', 'HA', ''],
  ['A12', 'هدى', '', '', 'زقوت', '', '', 'female', '', '', '', '', 'PS0265', 'HA', 'Head'],
  ['A1', 'عبد الله', 'أبو بكر', 'عبد الرحمن', 'أبو سمرة', '', '', 'male', '1975-06-15', '', '', '', 'PS0265', 'HB', 'head'],
  [' R-1\u202E0', 'علي', '', '', 'عوض', '', '', 'male', '', '', '', '', 'PS0265', 'HB', 'son'],
  ['', 'علي', '', '', 'عوض', '', '', 'male', '', '', '', '', 'PS0265', 'HB', 'son'],
  ['  B3  ', '  علي  ', '', '', 'عوض', '', '', ' male ', ' 1990-05-01 ', '', ' 400000004 ', '', ' PS0265 ', 'HB', 'son'],
  ['B4', 'علي', '', '', 'عوض', 'علي حسن عوض', 'Ali Hassan Awad', 'male', '1990', '30', '', '+970 59 912 3457', 'PS0265', 'HB', 'son'],
  ['B5', 'Ali', 'حسن', '', 'عوض', '', '', 'male', '', '', '', '', 'PS0265', 'HB', 'son', 'extra'],
];

test('a varied households file is stored as main stored it before (persons, households, memberships, quarantine)', async () => {
  const actor = await makeActor(t.db.pool);
  let text = personCsvHeader();
  let n = 0;
  for (const h of generateHouseholds({ households: 40, seed: 36 }) as Iterable<SyntheticHousehold>) {
    for (const p of h.members) text += personCsvLine(p);
    if (++n === 20) text += csvOf(ODD);
  }
  const file = path.join(tmp.dir, 'households.csv');
  await fs.writeFile(file, text);
  const s = await importFile(t.db.pool, actor, {
    kind: 'households',
    file,
    batchSize: 37,
    workers: 1,
    today: new Date('2026-12-01T12:00:00Z'),
  });
  const q = async (sql: string) => (await t.db.pool.query(sql)).rows;
  const stored = {
    summary: { rows: s.rows, loaded: s.loaded, rejected: s.rejected, unchanged: s.unchanged, unverifiedIds: s.unverifiedIds },
    persons:
      await q(`SELECT record_id, given_name, father_name, grandfather_name, family_name, full_name, full_name_en, name_key, name_tokens,
      sex, date_of_birth::text, dob_precision, national_id, national_id_valid, phone, governorate FROM person ORDER BY record_id`),
    households: await q('SELECT record_id, governorate FROM household ORDER BY record_id'),
    memberships: await q(`SELECT h.record_id AS household, p.record_id AS person, m.relationship, m.valid_from::text, m.valid_to::text
      FROM household_member m JOIN household h ON h.id = m.household_id JOIN person p ON p.id = m.person_id ORDER BY 1, 2`),
    quarantine: await q('SELECT row_number, raw, errors FROM quarantine ORDER BY row_number'),
  };
  expect(stored.summary.rejected).toBeGreaterThan(10);
  expect(stored.persons.length).toBeGreaterThan(150);
  // one row a line: a difference names its row
  const lines = Object.entries(stored).map(
    ([k, v]) => `"${k}": ${Array.isArray(v) ? `[\n${v.map((r) => JSON.stringify(r)).join(',\n')}\n]` : JSON.stringify(v)}`,
  );
  await expect(`{\n${lines.join(',\n')}\n}\n`).toMatchFileSnapshot('golden/households.txt');
}, 120_000);
