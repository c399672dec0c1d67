// sanad import households: rows of persons with household_id and relationship.
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { importFile } from '../../src/importer/run.ts';
import { count, csvOf, makeActor, useTempDir } from './support.ts';
import { useTestDb } from '../support/testApp.ts';

const t = useTestDb();
const tmp = useTempDir();

const header = ['record_id', 'given_name', 'father_name', 'family_name', 'sex', 'governorate', 'household_id', 'relationship'];

test('creates households and memberships; existing persons are linked; conflicts are rejected', async () => {
  const actor = await makeActor(t.db.pool);
  // A person imported earlier, then named in the households file.
  const pfile = path.join(tmp.dir, 'persons.csv');
  await fs.writeFile(pfile, csvOf([header.slice(0, 6), ['A3', 'ريم', 'خالد', 'الشوا', 'female', 'PS0260']]));
  await importFile(t.db.pool, actor, { kind: 'persons', file: pfile });

  const file = path.join(tmp.dir, 'households.csv');
  await fs.writeFile(
    file,
    csvOf([
      header,
      ['A1', 'خالد', 'سعيد', 'الشوا', 'male', 'PS0260', 'HH-A', 'head'],
      ['A2', 'منى', 'عادل', 'حلس', 'female', 'PS0260', 'HH-A', 'spouse'],
      ['A3', 'ريم', 'خالد', 'الشوا', 'female', 'PS0260', 'HH-A', 'daughter'],
      ['B1', 'سامي', 'علي', 'عوض', 'male', 'PS0265', 'HH-B', 'head'],
      ['B2', 'علي', 'سامي', 'عوض', 'male', 'PS0265', 'HH-B', 'head'],
      ['A2', 'منى', 'عادل', 'حلس', 'female', 'PS0260', 'HH-B', 'spouse'],
      ['C1', 'نادر', '', 'زقوت', 'male', 'PS0260', 'HH-C', 'cousin'],
      ['C2', 'نادر', '', 'زقوت', 'male', 'PS0260', '', 'head'],
    ]),
  );
  const s = await importFile(t.db.pool, actor, { kind: 'households', file, today: new Date('2025-03-01T12:00:00Z') });
  expect(s).toMatchObject({ rows: 8, loaded: 4, personsCreated: 4, householdsCreated: 2, rejected: 4, unchanged: 0 });

  const members = await t.db.pool.query(
    `SELECT h.record_id AS household, h.governorate, p.record_id AS person, m.relationship, m.valid_from FROM household_member m
     JOIN household h ON h.id = m.household_id JOIN person p ON p.id = m.person_id ORDER BY 1, 3`,
  );
  expect(members.rows).toEqual([
    { household: 'HH-A', governorate: 'PS0260', person: 'A1', relationship: 'head', valid_from: '2025-03-01' },
    { household: 'HH-A', governorate: 'PS0260', person: 'A2', relationship: 'spouse', valid_from: '2025-03-01' },
    { household: 'HH-A', governorate: 'PS0260', person: 'A3', relationship: 'daughter', valid_from: '2025-03-01' },
    { household: 'HH-B', governorate: 'PS0265', person: 'B1', relationship: 'head', valid_from: '2025-03-01' },
  ]);
  const q = await t.db.pool.query('SELECT row_number, errors FROM quarantine ORDER BY row_number');
  expect(q.rows).toEqual([
    { row_number: 6, errors: [{ field: 'relationship', reason: 'household_has_head' }] },
    { row_number: 7, errors: [{ field: 'household_id', reason: 'member_elsewhere' }] },
    { row_number: 8, errors: [{ field: 'relationship', reason: 'not_allowed' }] },
    { row_number: 9, errors: [{ field: 'household_id', reason: 'required' }] },
  ]);
  // B2 (refused as a second head) was created as a person; the fixed row links it later.
  expect(await count(t.db.pool, "SELECT count(*) FROM person WHERE record_id = 'B2'")).toBe(1);

  const log = await t.db.pool.query("SELECT after FROM change_log WHERE action = 'import_batch' AND after->>'kind' = 'households'");
  expect(log.rows[0].after.householdIds).toHaveLength(2);
  expect(log.rows[0].after.memberIds).toHaveLength(4);

  // The same file again: nothing changes.
  const before = await count(t.db.pool, 'SELECT count(*) FROM change_log');
  expect((await importFile(t.db.pool, actor, { kind: 'households', file })).alreadyImported).toBe(true);
  expect(await count(t.db.pool, 'SELECT count(*) FROM change_log')).toBe(before);
  expect(await count(t.db.pool, 'SELECT count(*) FROM household_member')).toBe(4);
});

test('a row cannot join an existing household of a governorate the importer does not work in (issue #12)', async () => {
  const wide = await makeActor(t.db.pool, { username: 'wide', org: 'Scoped org' });
  const narrow = await makeActor(t.db.pool, { username: 'narrow', org: 'Scoped org', governorates: ['PS0260'] });
  const first = path.join(tmp.dir, 'far.csv');
  await fs.writeFile(first, csvOf([header, ['F1', 'سعاد', 'ناجي', 'عياد', 'female', 'PS0275', 'HH-FAR', 'head']]));
  expect(await importFile(t.db.pool, wide, { kind: 'households', file: first })).toMatchObject({ loaded: 1, householdsCreated: 1 });
  const join = path.join(tmp.dir, 'join.csv');
  await fs.writeFile(join, csvOf([header, ['N1', 'هدى', 'ناجي', 'عياد', 'female', 'PS0260', 'HH-FAR', 'daughter']]));
  const s = await importFile(t.db.pool, narrow, { kind: 'households', file: join });
  expect(s).toMatchObject({ loaded: 0, rejected: 1, householdsCreated: 0 });
  const members = await count(
    t.db.pool,
    "SELECT count(*)::int FROM household_member m JOIN household h ON h.id = m.household_id WHERE h.record_id = 'HH-FAR' AND m.valid_to IS NULL",
  );
  expect(members).toBe(1);
});
