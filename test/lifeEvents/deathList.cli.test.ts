// `sanad life-events import-deaths FILE`: a ministry's list applied from the command line. Matched
// rows become confirmed deaths whose rules open a new-head task and a child-protection case; every
// other kind of row is held with its reason and never stops the batch; the same file again adds nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { sanadOut } from '../support/cli.ts';
import { useTestApp } from '../support/testApp.ts';
import { family, HEADER, line, nid, rest } from './deathListSupport.ts';
import { person } from '../households/support.ts';

const t = useTestApp();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-deaths-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const counts = async () =>
  (
    await t.db.pool.query(
      `SELECT (SELECT count(*)::int FROM life_event) AS events, (SELECT count(*)::int FROM life_event_confirmation) AS confirmations,
              (SELECT count(*)::int FROM task) AS tasks, (SELECT count(*)::int FROM case_file) AS cases,
              (SELECT count(*)::int FROM death_list_held) AS held, (SELECT count(*)::int FROM death_list_import) AS imports`,
    )
  ).rows[0];

test('a list: applied, held with reasons, the rules run; the same list again adds nothing', async () => {
  const admin = await t.user({ role: 'administrator' });
  const f = await family(t, admin);
  const other = nid();
  await person(t, admin, { givenName: 'هالة', nationalId: other });
  const twice = nid();
  const first = await person(t, admin, { givenName: 'منى', nationalId: twice });
  // a second record with the same ID number (an unlinked duplicate): the list cannot say which
  await t.db.pool.query(
    `INSERT INTO person (org_id, governorate, given_name, family_name, full_name, name_key, national_id, national_id_valid)
     SELECT org_id, governorate, given_name, family_name, full_name, name_key, national_id, national_id_valid FROM person WHERE id = $1`,
    [first],
  );
  const file = path.join(dir, 'moh-2024-05.csv');
  fs.writeFileSync(
    file,
    [
      HEADER,
      line(f.ids.head, 'سامر', ...rest, '2024-05-01', 'MOH-1'),
      line(f.ids.spouse, 'ليلى', ...rest, '02/05/2024', 'MOH-1'),
      line(other, 'يوسف', 'محمود', 'سالم', 'النجار', '2024-05-01', 'MOH-1'),
      line(nid(), 'سامر', ...rest, '2024-05-01', 'MOH-1'),
      line(twice, 'منى', ...rest, '2024-05-01', 'MOH-1'),
      line(f.ids.head, 'سامر', ...rest, '2024-05-01', 'MOH-1'),
      line('12345', 'سامر', ...rest, '2024-05-01', 'MOH-1'),
      line(nid(), 'سامر', ...rest, '2999-01-01', 'MOH-1'),
      line(nid(), 'سامر', ...rest, '31/02/2024', 'MOH-1'),
      line(nid(), '', '', '', '', '2024-05-01', 'MOH-1'),
    ].join('\n'),
  );
  const before = await counts();
  const run = await sanadOut(['life-events', 'import-deaths', file, '--user', admin.username, '--json'], t.db.url);
  expect(run.code, run.err).toBe(0);
  const s = JSON.parse(run.out);
  expect(s).toMatchObject({ rows: 10, applied: 2, alreadyKnown: 0, held: 8 });
  expect(s.heldRows).toEqual([
    { rowNumber: 4, reason: 'name_mismatch' },
    { rowNumber: 5, reason: 'not_found' },
    { rowNumber: 6, reason: 'ambiguous' },
    { rowNumber: 7, reason: 'duplicate_in_list' },
    { rowNumber: 8, reason: 'malformed_id' },
    { rowNumber: 9, reason: 'future_date' },
    { rowNumber: 10, reason: 'malformed_date' },
    { rowNumber: 11, reason: 'missing_name' },
  ]);
  // no names or ID numbers in what the command prints
  expect(run.out).not.toContain(f.ids.head);
  expect(run.out).not.toContain('سامر');

  const events = await t.db.pool.query(
    `SELECT e.person_id, e.source, e.event_date::text AS day, e.detail, c.effective_date::text AS effective
       FROM life_event e JOIN life_event_confirmation c ON c.person_id = e.person_id AND c.kind = 'death' ORDER BY e.event_date`,
  );
  expect(events.rows).toEqual([
    { person_id: f.head, source: 'health_ministry_list', day: '2024-05-01', detail: { listReference: 'MOH-1' }, effective: '2024-05-01' },
    { person_id: f.spouse, source: 'health_ministry_list', day: '2024-05-02', detail: { listReference: 'MOH-1' }, effective: '2024-05-02' },
  ]);
  const tasks = await t.db.pool.query('SELECT kind, household_id, person_id, proposal FROM task WHERE household_id = $1', [f.householdId]);
  expect(tasks.rows).toEqual([{ kind: 'new_head', household_id: f.householdId, person_id: f.head, proposal: { newHead: f.child } }]);
  const cases = await t.db.pool.query("SELECT type, person_id, assigned_to, opened_by FROM case_file WHERE type = 'child_protection'");
  expect(cases.rows).toEqual([{ type: 'child_protection', person_id: f.child, assigned_to: null, opened_by: null }]);
  const after = await counts();
  expect(after.events - before.events).toBe(2);
  expect(after.held - before.held).toBe(8);

  // the same list again: everything matched is already known, nothing is added anywhere
  const again = await sanadOut(['life-events', 'import-deaths', file, '--user', admin.username], t.db.url);
  expect(again.code, again.err).toBe(0);
  expect(again.out).toMatch(/applied:\s+0/);
  expect(again.out).toMatch(/already known:\s+2/);
  expect(again.out).toMatch(/held:\s+8/);
  expect(again.out).toMatch(/name_mismatch\s+1/);
  expect(await counts()).toEqual(after);

  // the list's quarantine: row numbers and reasons, never the values
  const held = await sanadOut(['life-events', 'held', '--user', admin.username, '--json'], t.db.url);
  expect(held.code, held.err).toBe(0);
  const rows = JSON.parse(held.out);
  expect(rows.map((r: { rowNumber: number; reason: string }) => [r.rowNumber, r.reason])).toEqual(
    s.heldRows.map((r: { rowNumber: number; reason: string }) => [r.rowNumber, r.reason]),
  );
  expect(rows.every((r: { importId: string; fileName: string }) => r.importId === s.importId && r.fileName === 'moh-2024-05.csv')).toBe(
    true,
  );
  expect(held.out).not.toContain(other);
});

test('a file without the columns is refused as a whole; a role other than the administrator is refused', async () => {
  const admin = await t.user({ role: 'administrator' });
  const file = path.join(dir, 'wrong.csv');
  fs.writeFileSync(file, 'id,name,date\n123456789,x,2024-01-01\n');
  const before = await counts();
  const bad = await sanadOut(['life-events', 'import-deaths', file, '--user', admin.username], t.db.url);
  expect(bad.code).not.toBe(0);
  expect(bad.err).toContain('national_id');
  const registrar = await t.user({ role: 'registration_officer', orgId: admin.orgId });
  fs.writeFileSync(file, `${HEADER}\n`);
  const refused = await sanadOut(['life-events', 'import-deaths', file, '--user', registrar.username], t.db.url);
  expect(refused.code).not.toBe(0);
  expect(refused.err).toContain('life-events import-deaths');
  expect(await counts()).toEqual(before);
});
