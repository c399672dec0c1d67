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

  const admin = (
    await t.db.pool.query(
      "SELECT u.password_hash, u.role, o.name FROM app_user u JOIN organisation o ON o.id = u.org_id WHERE u.role = 'administrator'",
    )
  ).rows;
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
  // reconstruction: buildings in Gaza (a few in the West Bank) with two remote assessments each, the
  // second file's bad rows in quarantine, and owners or tenants of some units
  expect(await n("SELECT count(*) FROM building WHERE governorate LIKE 'PS02%'")).toBeGreaterThanOrEqual(60);
  expect(await n("SELECT count(*) FROM building WHERE governorate LIKE 'PS01%'")).toBeGreaterThan(0);
  const buildings = await n('SELECT count(*) FROM building');
  expect(await n('SELECT count(*) FROM remote_assessment')).toBe(2 * buildings);
  expect(await n('SELECT count(*) FROM occupancy')).toBeGreaterThan(0);
  expect(
    await n("SELECT count(*) FROM housing_unit u JOIN building b ON b.id = u.building_id WHERE b.governorate LIKE 'PS01%'"),
  ).toBeGreaterThan(0);
  expect(
    await n('SELECT count(*) FROM building b WHERE (SELECT count(*) FROM housing_unit u WHERE u.building_id = b.id) > 1'),
  ).toBeGreaterThan(0);
  expect(r.stdout).toMatch(/Reconstruction: \d+ buildings .*\(4 rows in quarantine\)/);
  const quarantined = await t.db.pool.query<{ reason: string }>(
    "SELECT DISTINCT e->>'reason' AS reason FROM damage_quarantine q, jsonb_array_elements(q.errors) e ORDER BY 1",
  );
  expect(quarantined.rows.map((q) => q.reason)).toEqual(expect.arrayContaining(['outside_palestine', 'same_building_twice']));
  expect(quarantined.rows.length).toBeGreaterThanOrEqual(3);
  await reconstructionStory(r.stdout);
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
  expect(await n('SELECT count(*) FROM app_user')).toBe(5);
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

/** The reconstruction accounts, and the chain they walked: consistent with the rules the API enforces. */
async function reconstructionStory(stdout: string) {
  expect(stdout).toContain(
    "Created the reconstruction users 'demo-engineer' (engineer), 'demo-claims-officer' (claims_officer), 'demo-committee' (reconstruction_committee), 'demo-vendor' (vendor)",
  );
  expect(stdout).toMatch(
    /Claims: 3 field assessments, \d+ claims in \d+ cases .*1 plan with 1 released tranche, 1 vendor sale, 3 projects/,
  );
  const users = (
    await t.db.pool.query<{ username: string; role: string; password_hash: string; password_temporary: boolean }>(
      "SELECT username, role, password_hash, password_temporary FROM app_user WHERE role <> 'administrator' ORDER BY username",
    )
  ).rows;
  expect(users.map((u) => [u.username, u.role])).toEqual([
    ['demo-claims-officer', 'claims_officer'],
    ['demo-committee', 'reconstruction_committee'],
    ['demo-engineer', 'engineer'],
    ['demo-vendor', 'vendor'],
  ]);
  for (const u of users) {
    expect(await verifyPassword(u.password_hash, 'correct horse battery staple')).toBe(true); // the administrator's
    expect(u.password_temporary).toBe(false);
  }
  // field assessments by the engineer, each with a bill of quantities and one (generated) photo
  expect(
    await n("SELECT count(*) FROM field_assessment f JOIN app_user u ON u.id = f.assessor_id WHERE u.username = 'demo-engineer'"),
  ).toBe(3);
  expect(
    await n(
      'SELECT count(*) FROM field_assessment f WHERE NOT EXISTS (SELECT 1 FROM field_assessment_line l WHERE l.assessment_id = f.id)',
    ),
  ).toBe(0);
  expect(await n('SELECT count(*) FROM field_photo WHERE assessment_id IS NOT NULL')).toBe(3);
  // cases in every decided and open state the chain has
  const states = (await t.db.pool.query<{ state: string; n: number }>('SELECT state, count(*)::int AS n FROM claim_case GROUP BY state'))
    .rows;
  const byState = Object.fromEntries(states.map((x) => [x.state, x.n]));
  expect(byState).toMatchObject({ approved: 2, rejected: 1 });
  expect(byState.verified).toBeGreaterThanOrEqual(1);
  expect(byState.filed).toBeGreaterThanOrEqual(1);
  expect(byState.inspection).toBeGreaterThanOrEqual(1);
  expect(await n("SELECT count(*) FROM claim_case WHERE governorate LIKE 'PS01%'")).toBeGreaterThan(0); // one in the West Bank
  // four eyes: every decision by a committee member who neither checked the case nor assessed its unit
  expect(
    await n(`SELECT count(*) FROM claim_case k JOIN housing_unit u ON u.id = k.unit_id
      WHERE k.state IN ('approved','rejected') AND (k.decided_by = k.checked_by OR k.decided_by IN
        (SELECT f.assessor_id FROM field_assessment f WHERE f.building_id = u.building_id AND (f.unit_id = u.id OR f.unit_id IS NULL)))`),
  ).toBe(0);
  expect(
    await n(
      "SELECT count(DISTINCT k.decided_by) FROM claim_case k JOIN app_user u ON u.id = k.decided_by WHERE u.role = 'reconstruction_committee'",
    ),
  ).toBe(1);
  // the joint case: an owner and a tenant, approved, with its plan (quota from the field bill of quantities)
  const joint = (
    await t.db.pool.query<{ id: string }>(
      `SELECT k.id FROM claim_case k WHERE k.state = 'approved'
       AND (SELECT array_agg(c.basis::text ORDER BY c.basis) FROM claim c WHERE c.case_id = k.id) = ARRAY['owner','tenant']`,
    )
  ).rows;
  expect(joint).toHaveLength(1);
  const caseId = joint[0]!.id;
  expect(await n(`SELECT count(*) FROM reconstruction_plan WHERE case_id = '${caseId}'`)).toBe(1);
  expect(await n('SELECT count(*) FROM reconstruction_plan')).toBe(1);
  expect(await n(`SELECT count(*) FROM material_quota WHERE case_id = '${caseId}' AND item = 'cement'`)).toBe(1);
  // the released tranche rests on an inspection of its stage, with a photo, by another person
  const paid = (
    await t.db.pool.query<{ stage: string; inspected: string; photos: number; same: boolean }>(
      `SELECT t.stage, i.stage AS inspected, (SELECT count(*)::int FROM field_photo p WHERE p.inspection_id = i.id) AS photos,
            i.engineer_id = pay.released_by AS same
       FROM tranche_payment pay JOIN tranche t ON t.id = pay.tranche_id JOIN stage_inspection i ON i.id = pay.inspection_id
      WHERE pay.case_id = i.case_id`,
    )
  ).rows;
  expect(paid).toEqual([{ stage: 'signing', inspected: 'signing', photos: 1, same: false }]);
  // a vendor's sale within the quota
  expect(
    await n(`SELECT count(*) FROM material_sale s JOIN material_quota q ON q.case_id = s.case_id AND q.item = s.item
      JOIN vendor v ON v.id = s.vendor_id JOIN app_user u ON u.id = v.user_id WHERE u.username = 'demo-vendor' AND s.quantity <= q.quantity`),
  ).toBe(1);
  // projects with budget, commitments and disbursements (disbursed within committed within budget)
  expect(await n('SELECT count(*) FROM reconstruction_project')).toBe(3);
  expect(
    await n(`SELECT count(*) FROM reconstruction_project p WHERE
      (SELECT sum(value) FROM reconstruction_project_transaction x WHERE x.project_id = p.id AND x.type = '3') <=
      (SELECT sum(value) FROM reconstruction_project_transaction x WHERE x.project_id = p.id AND x.type = '2') AND
      (SELECT sum(value) FROM reconstruction_project_transaction x WHERE x.project_id = p.id AND x.type = '2') <=
      (SELECT sum(value) FROM reconstruction_project_budget b WHERE b.project_id = p.id)`),
  ).toBe(3);
}
