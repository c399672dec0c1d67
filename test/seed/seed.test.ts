// sanad seed --households N (through the CLI): demo organisation and administrator, synthetic
// households in both territories with displacements; running it again changes nothing.
import { expect, test } from 'vitest';
import { verifyPassword } from '../../src/access/secrets.ts';
import { sanad as runSanad } from '../support/cli.ts';
import { useTestDb } from '../support/testApp.ts';

const t = useTestDb();

const sanad = (args: string[]) => runSanad(args, t.db.url);

const n = async (sql: string) => (await t.db.pool.query<{ n: number }>(`SELECT (${sql})::int AS n`)).rows[0]!.n;

test('seeds a demo organisation, an administrator and synthetic households', { timeout: 120_000 }, async () => {
  const r = await sanad(['seed', '--households', '300', '--password', 'correct horse battery staple']);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toContain('Created the organisation "Demo organisation"');
  expect(r.stdout).toContain("Created the administrator 'demo-admin'");
  expect(r.stdout).not.toContain('correct horse');

  const admin = (await t.db.pool.query('SELECT u.password_hash, u.role, o.name FROM app_user u JOIN organisation o ON o.id = u.org_id'))
    .rows;
  expect(admin).toHaveLength(1);
  expect(admin[0]).toMatchObject({ role: 'administrator', name: 'Demo organisation' });
  expect(admin[0].password_hash).toMatch(/^\$argon2id\$/);
  expect(await verifyPassword(admin[0].password_hash, 'correct horse battery staple')).toBe(true);

  expect(await n('SELECT count(*) FROM household')).toBe(300);
  const persons = await n('SELECT count(*) FROM person');
  expect(persons).toBeGreaterThan(600);
  expect(await n('SELECT count(*) FROM household_member')).toBe(persons);
  expect(
    await n(
      "SELECT count(*) FROM household h WHERE (SELECT count(*) FROM household_member m WHERE m.household_id = h.id AND m.relationship = 'head') = 1",
    ),
  ).toBe(300);
  expect(await n('SELECT count(DISTINCT left(governorate, 4)) FROM person')).toBe(2);
  expect(await n('SELECT count(*) FROM displacement_event')).toBeGreaterThan(0);
  // reconstruction: buildings in Gaza with two remote assessments each, and owners or tenants of some units
  const buildings = await n("SELECT count(*) FROM building WHERE governorate LIKE 'PS02%'");
  expect(buildings).toBeGreaterThanOrEqual(60);
  expect(await n('SELECT count(*) FROM remote_assessment')).toBe(2 * buildings);
  expect(await n('SELECT count(*) FROM occupancy')).toBeGreaterThan(0);
  expect(r.stdout).toMatch(/Reconstruction: \d+ buildings/);
  // Arabic four-part names (grandfather's name sometimes not recorded).
  expect(
    await n("SELECT count(*) FROM person WHERE given_name !~ '[\u0600-\u06FF]' OR family_name !~ '[\u0600-\u06FF]' OR father_name IS NULL"),
  ).toBe(0);
  expect(await n('SELECT count(*) FROM person WHERE national_id_valid = false')).toBeGreaterThan(0);

  // casework on the seeded people: life events reported and confirmed, cases (one child protection)
  // with referrals, tickets of several categories (one data correction)
  expect(r.stdout).toMatch(/Casework: 6 life events, 6 cases \(2 with a referral\), 6 tickets/);
  expect(await n('SELECT count(*) FROM life_event')).toBe(6);
  expect(await n('SELECT count(*) FROM life_event_confirmation')).toBe(3); // hospital, field visits; the others only reported
  expect(await n('SELECT count(DISTINCT type) FROM case_file')).toBe(5);
  expect(await n("SELECT count(*) FROM case_file WHERE type = 'child_protection' AND sensitive")).toBe(1);
  expect(await n("SELECT count(*) FROM case_entry WHERE kind = 'referral'")).toBe(2);
  expect(await n('SELECT count(DISTINCT category) FROM ticket')).toBe(6);
  expect(await n("SELECT count(*) FROM ticket WHERE category = 'data_correction' AND person_id IS NOT NULL")).toBe(1);
  const log = await n('SELECT count(*) FROM change_log');
  // Without --user, a store with users gets no second administrator.
  const anonymous = await sanad(['seed', '--households', '300']);
  expect(anonymous.code).toBe(1);
  expect(anonymous.stderr).toContain(
    'This store has users already: name one of them (an administrator or registration officer) with --user.',
  );
  expect(await n('SELECT count(*) FROM app_user')).toBe(1);
  const again = await sanad(['seed', '--households', '300', '--user', 'demo-admin', '--casework']);
  expect(again.code, again.stderr).toBe(0);
  expect(again.stdout).toContain('already loaded: nothing changed');
  expect(again.stdout).not.toContain('Casework:'); // seeded once per organisation
  expect(await n('SELECT count(*) FROM change_log')).toBe(log);
  expect(await n('SELECT count(*) FROM person')).toBe(persons);

  const agg = await sanad(['export', 'aggregates', '--hxl', '--user', 'demo-admin']);
  expect(agg.code, agg.stderr).toBe(0);
  const lines = agg.stdout.trim().split('\n');
  expect(lines[1]).toMatch(/^#adm2\+name,/);
  expect(lines).toHaveLength(2 + 16);
  const total = lines.slice(2).reduce((s, l) => s + Number(l.split(',')[4]), 0);
  expect(total).toBe(persons);
});
