// The rule preview's household profiles (migration 0026, src/store/aid/householdProfile.ts) give the
// same rows as the cycle snapshot (SNAPSHOT, generate.ts) for today: after a bulk load, and after
// writes of every kind the triggers watch (members joining and leaving, a person's sex and date of
// birth, moves, vulnerabilities recorded, ended and deleted, a new household, a governorate); a
// profile knows the day it goes stale (a member turning 18 tomorrow, a move dated ahead).
import { expect, test } from 'vitest';
import { PROFILE_SNAPSHOT, withFreshProfiles } from '../../src/store/aid/householdProfile.ts';

const refreshProfiles = (pool: typeof t.db.pool) => withFreshProfiles(pool, async (_c, n) => n);
import { SNAPSHOT } from '../../src/store/aid/generate.ts';
import { scenario } from '../support/aidScenario.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();

async function bothWays(orgId: string) {
  await refreshProfiles(t.db.pool);
  const day = (
    await t.db.pool.query<{ d: string; c18: string; c60: string }>(
      "SELECT current_date::text AS d, (current_date - interval '18 years')::date::text AS c18, (current_date - interval '60 years')::date::text AS c60",
    )
  ).rows[0]!;
  const sorted = (rows: Record<string, unknown>[]) =>
    rows
      .map((r): Record<string, unknown> => ({ ...r, vulnerabilities: [...(r.vulnerabilities as string[])].sort() }))
      .sort((a, b) => String(a.household_id).localeCompare(String(b.household_id)));
  const snapshot = (await t.db.pool.query(`SELECT * FROM (${SNAPSHOT}) s`, [null, orgId, day.d, day.c18, day.c60])).rows;
  const profile = (await t.db.pool.query(`SELECT * FROM (${PROFILE_SNAPSHOT}) s`, [null, orgId])).rows;
  return { snapshot: sorted(snapshot), profile: sorted(profile) };
}

test('profiles equal the snapshot after a load and after each kind of write', async () => {
  const s = await scenario(t, { households: 120, cards: 0 });
  const org = s.admin.orgId;
  let both = await bothWays(org);
  expect(both.snapshot.length).toBeGreaterThan(100);
  expect(both.profile).toEqual(both.snapshot);
  const hh = (await t.db.pool.query<{ id: string }>('SELECT id FROM household WHERE org_id = $1 ORDER BY id', [org])).rows.map((r) => r.id);
  const q = (sql: string, params: unknown[]) => t.db.pool.query(sql, params);
  // a member leaves today, another joins from tomorrow (not counted yet)
  await q(
    "UPDATE household_member SET valid_to = current_date WHERE id = (SELECT id FROM household_member WHERE household_id = $1 AND relationship <> 'head' AND valid_to IS NULL LIMIT 1)",
    [hh[0]],
  );
  await q("UPDATE household_member SET valid_to = current_date WHERE household_id = $1 AND valid_to IS NULL AND relationship <> 'head'", [
    hh[1],
  ]);
  // a person's sex and date of birth: a child becomes an adult, a head becomes elderly
  await q(
    "UPDATE person SET date_of_birth = current_date - interval '30 years', dob_precision = 'exact' WHERE id = (SELECT person_id FROM household_member WHERE household_id = $1 AND relationship IN ('son','daughter') LIMIT 1)",
    [hh[2]],
  );
  await q(
    "UPDATE person SET sex = 'female', date_of_birth = current_date - interval '70 years', dob_precision = 'exact' WHERE id = (SELECT person_id FROM household_member WHERE household_id = $1 AND relationship = 'head')",
    [hh[3]],
  );
  // moves: one today into a site, one dated ahead (not yet in force); a return home
  await q(
    "INSERT INTO displacement_event (household_id, from_governorate, to_governorate, to_site, event_date, reason) VALUES ($1, 'PS0260', $3, $2, current_date, 'hostilities')",
    [hh[4], s.sites[1]!.id, s.sites[1]!.governorate],
  );
  await q(
    "INSERT INTO displacement_event (household_id, from_governorate, to_governorate, event_date, reason) VALUES ($1, 'PS0260', 'PS0275', current_date + 10, 'evacuation_order')",
    [hh[5]],
  );
  await q(
    "INSERT INTO displacement_event (household_id, from_governorate, to_governorate, event_date, reason) VALUES ($1, 'PS0270', 'PS0260', current_date, 'return')",
    [hh[6]],
  );
  // vulnerabilities: recorded, recorded from tomorrow, ended today, deleted
  await q("INSERT INTO vulnerability (household_id, kind, valid_from) VALUES ($1, 'disability', current_date)", [hh[7]]);
  await q("INSERT INTO vulnerability (household_id, kind, valid_from) VALUES ($1, 'injured', current_date + 1)", [hh[8]]);
  await q('UPDATE vulnerability SET valid_to = current_date WHERE household_id = ANY($1)', [hh.slice(9, 40)]);
  await q('DELETE FROM vulnerability WHERE household_id = ANY($1)', [hh.slice(40, 60)]);
  // a new household with its head, and a household registered in another governorate
  await q(
    `WITH h AS (INSERT INTO household (org_id, governorate) VALUES ($1, 'PS0265') RETURNING id),
          p AS (INSERT INTO person (org_id, governorate, full_name, name_key, sex, date_of_birth, dob_precision)
                VALUES ($1, 'PS0265', 'اسم', 'اسم', 'female', current_date - interval '17 years', 'exact') RETURNING id)
     INSERT INTO household_member (household_id, person_id, relationship, valid_from) SELECT h.id, p.id, 'head', current_date FROM h, p`,
    [org],
  );
  await q("UPDATE household SET governorate = 'PS0275' WHERE id = $1", [hh[10]]);
  both = await bothWays(org);
  expect(both.profile).toEqual(both.snapshot);
  expect(both.snapshot.find((r) => r.household_id === hh[3])!.vulnerabilities).toEqual(
    expect.arrayContaining(['elderly_headed', 'female_headed']),
  );

  // stale on the right day: a member turning 18 tomorrow, a move dated ahead
  await q(
    "UPDATE person SET date_of_birth = current_date - interval '18 years' + interval '1 day', dob_precision = 'exact' WHERE id = (SELECT person_id FROM household_member WHERE household_id = $1 AND relationship = 'head')",
    [hh[11]],
  );
  await q(
    "UPDATE person SET date_of_birth = current_date - interval '40 years', dob_precision = 'exact' WHERE id IN (SELECT person_id FROM household_member WHERE household_id = $1)",
    [hh[5]],
  );
  await refreshProfiles(t.db.pool);
  const stale = await q(
    'SELECT household_id, stale_on - current_date AS days FROM household_profile WHERE household_id = ANY($1) ORDER BY array_position($1, household_id)',
    [[hh[11], hh[5]]],
  );
  expect(stale.rows.map((r) => r.days)).toEqual([1, 10]);
  expect(await refreshProfiles(t.db.pool)).toBe(0); // nothing dirty, nothing stale today
});
