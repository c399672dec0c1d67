// `sanad reconstruction import-damage FILE --mapping FILE` as a child process on a test database:
// the file's own columns and class words through the mapping, bad rows in quarantine and printed
// with their reasons, a later file keeping both assessments of a building, the same file twice
// changing nothing, and roles the command matrix does not allow refused with nothing stored.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { sanadOut } from '../support/cli.ts';
import { makeOrg, makeUser, type TestUser } from '../support/factories.ts';
import { useTestDb } from '../support/testApp.ts';

const t = useTestDb();
let dir: string;
let engineer: TestUser;
let officer: TestUser;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sanad-damage-'));
  const orgId = await makeOrg(t.db);
  engineer = await makeUser(t.db, { orgId, role: 'engineer', governorates: ['PS0260', 'PS0270'] });
  officer = await makeUser(t.db, { orgId, role: 'registration_officer' });
});

const mapping = {
  columns: { 'Site ID': 'structure_ref', X: 'lon', Y: 'lat', Class: 'damage_class', 'Imagery date': 'imagery_date' },
  classes: { 'total collapse': 'destroyed', partial: 'moderately_damaged' },
  toleranceM: 12,
};
const HEADER = 'Site ID,X,Y,Class,Imagery date';

async function file(name: string, text: string): Promise<string> {
  const p = path.join(dir, name);
  await fs.writeFile(p, text);
  return p;
}
const rows = async (sql: string) => (await t.db.pool.query(sql)).rows;

test('a file through its mapping: new buildings, quarantine with reasons; a later file is kept beside the first; the same file again changes nothing', async () => {
  const map = await file('mapping.json', JSON.stringify(mapping));
  const first = await file(
    'jan.csv',
    [
      HEADER,
      'A1,34.4545,31.5069,total collapse,2024-01-06',
      'A2,34.3050,31.3400,partial,2024-01-06', // Khan Younis
      'A3,34.4545,31.5069,total collapse,2024-01-06', // the same place as A1: a distinct structure, a second new building
      'A4,35.2,31.9,Destroyed,2024-01-06', // Ramallah: outside the engineer's governorates
      'A5,34.45,,Destroyed,2024-01-06',
      'A6,34.4600,31.5100,burnt,2024-01-06',
    ].join('\n'),
  );
  const r = await sanadOut(['reconstruction', 'import-damage', first, '--mapping', map, '--user', engineer.username], t.db.url);
  expect(r.code, r.err).toBe(0);
  expect(r.out).toMatch(/rows read:\s+6/);
  expect(r.out).toMatch(/matched:\s+0/);
  expect(r.out).toMatch(/new buildings:\s+3/);
  expect(r.out).toMatch(/quarantined:\s+3/);
  expect(r.out).toContain('row 5: lon is outside the governorates you work in');
  expect(r.out).toContain('row 6: lat is required');
  expect(r.out).toContain('row 7: damage_class is not one of the allowed values');
  expect(await rows('SELECT governorate, source FROM building ORDER BY governorate')).toEqual([
    { governorate: 'PS0260', source: 'remote_import' },
    { governorate: 'PS0260', source: 'remote_import' },
    { governorate: 'PS0270', source: 'remote_import' },
  ]);
  expect((await rows('SELECT count(*)::int AS n FROM damage_quarantine'))[0].n).toBe(3);

  const again = await sanadOut(['reconstruction', 'import-damage', first, '--mapping', map, '--user', engineer.username], t.db.url);
  expect(again.out).toContain('already imported');
  expect((await rows('SELECT count(*)::int AS n FROM remote_assessment'))[0].n).toBe(3);

  const later = await file('aug.csv', [HEADER, 'A2,34.30505,31.34003,Destroyed,2025-08-05'].join('\n'));
  const r2 = await sanadOut(['reconstruction', 'import-damage', later, '--mapping', map, '--user', engineer.username, '--json'], t.db.url);
  expect(r2.code, r2.err).toBe(0);
  expect(JSON.parse(r2.out)).toMatchObject({ rows: 1, matched: 1, buildingsCreated: 0, quarantined: 0 });
  expect(
    await rows(
      "SELECT a.damage_class, to_char(a.imagery_date, 'YYYY-MM-DD') AS d FROM remote_assessment a JOIN building b ON b.id = a.building_id WHERE b.governorate = 'PS0270' ORDER BY a.imagery_date",
    ),
  ).toEqual([
    { damage_class: 'moderately_damaged', d: '2024-01-06' },
    { damage_class: 'destroyed', d: '2025-08-05' },
  ]);
});

test('refusals: a role the matrix does not allow, a bad mapping, a file without the columns; nothing stored', async () => {
  const before = await rows('SELECT (SELECT count(*) FROM damage_import)::int AS i, (SELECT count(*) FROM building)::int AS b');
  const csv = await file('x.csv', [HEADER, 'B1,34.4545,31.5069,Destroyed,2024-01-06'].join('\n'));
  const map = await file('m.json', JSON.stringify(mapping));
  const asOfficer = await sanadOut(['reconstruction', 'import-damage', csv, '--mapping', map, '--user', officer.username], t.db.url);
  expect(asOfficer.code).toBe(1);
  expect(asOfficer.err).toContain('may not run `sanad reconstruction import-damage`');
  const badMap = await file('bad.json', JSON.stringify({ columns: { X: 'longitude' } }));
  const r1 = await sanadOut(['reconstruction', 'import-damage', csv, '--mapping', badMap, '--user', engineer.username], t.db.url);
  expect(r1.code).toBe(1);
  expect(r1.err).toContain('The mapping file is not valid: columns.X');
  const noMap = await sanadOut(['reconstruction', 'import-damage', csv, '--user', engineer.username], t.db.url);
  expect(noMap.code).toBe(1);
  expect(noMap.err).toContain('columns.lon is required');
  expect(await rows('SELECT (SELECT count(*) FROM damage_import)::int AS i, (SELECT count(*) FROM building)::int AS b')).toEqual(before);
});
