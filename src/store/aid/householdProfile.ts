// Household profiles (migration 0026): what the cycle snapshot computes for a household, kept as of
// a day, so that the rule preview aggregates one narrow row per household instead of joining every
// member and person. refreshProfiles recomputes, set-based, the households that writes marked dirty
// and those whose `stale_on` has come (a birthday crossing 18 or 60, a dated join, leave, move or
// vulnerability). PROFILE_SNAPSHOT then gives the rows of SNAPSHOT (generate.ts) for today, with the
// same columns: the preview counts the same households a cycle cut off today would hold
// (test/aid/householdProfile.test.ts compares the two).
import type pg from 'pg';

/**
 * Recomputes the rows of the households in profile_refresh as of today, set-based (the planner
 * joins by index for a few households, by hash for all of them). The same expressions as SNAPSHOT,
 * with `next`: the first later day on which a member's age group, a membership, the latest
 * displacement or a vulnerability changes.
 */
const RECOMPUTE = `
WITH t AS (SELECT current_date AS today, (current_date - interval '18 years')::date AS c18, (current_date - interval '60 years')::date AS c60),
x AS (
  SELECT hm.household_id, hm.relationship, hm.valid_from, hm.valid_to, p.sex, p.date_of_birth AS dob,
    hm.valid_from <= t.today AND (hm.valid_to IS NULL OR hm.valid_to > t.today) AS cur
  FROM profile_refresh r JOIN household_member hm ON hm.household_id = r.household_id JOIN person p ON p.id = hm.person_id CROSS JOIN t
),
m AS (
  SELECT x.household_id,
    count(*) FILTER (WHERE cur)::int AS size,
    count(*) FILTER (WHERE cur AND sex = 'female')::int AS female,
    count(*) FILTER (WHERE cur AND sex = 'male')::int AS male,
    count(*) FILTER (WHERE cur AND sex = 'female' AND dob > t.c18)::int AS f_0_17,
    count(*) FILTER (WHERE cur AND sex = 'male' AND dob > t.c18)::int AS m_0_17,
    count(*) FILTER (WHERE cur AND sex = 'female' AND dob <= t.c18 AND dob > t.c60)::int AS f_18_59,
    count(*) FILTER (WHERE cur AND sex = 'male' AND dob <= t.c18 AND dob > t.c60)::int AS m_18_59,
    count(*) FILTER (WHERE cur AND sex = 'female' AND dob <= t.c60)::int AS f_60_plus,
    count(*) FILTER (WHERE cur AND sex = 'male' AND dob <= t.c60)::int AS m_60_plus,
    coalesce(bool_or(cur AND relationship = 'head' AND sex = 'female'), false) AS female_headed,
    coalesce(bool_or(cur AND relationship = 'head' AND dob > t.c18), false) AS child_headed,
    coalesce(bool_or(cur AND relationship = 'head' AND dob <= t.c60), false) AS elderly_headed,
    min(least(
      CASE WHEN valid_from > t.today THEN valid_from END,
      CASE WHEN valid_to > t.today THEN valid_to END,
      CASE WHEN dob > t.c18 THEN (dob + interval '18 years')::date END,
      CASE WHEN dob > t.c60 THEN (dob + interval '60 years')::date END)) AS next
  FROM x CROSS JOIN t GROUP BY x.household_id
),
d AS (
  SELECT DISTINCT ON (e.household_id) e.household_id, e.to_governorate, e.to_site, e.reason
  FROM profile_refresh r JOIN displacement_event e ON e.household_id = r.household_id CROSS JOIN t
  WHERE e.event_date <= t.today ORDER BY e.household_id, e.event_date DESC, e.recorded_at DESC
),
dn AS (
  SELECT e.household_id, min(e.event_date) AS next
  FROM profile_refresh r JOIN displacement_event e ON e.household_id = r.household_id CROSS JOIN t
  WHERE e.event_date > t.today GROUP BY e.household_id
),
v AS (
  SELECT k.household_id,
    array_agg(DISTINCT k.kind) FILTER (WHERE k.valid_from <= t.today AND (k.valid_to IS NULL OR k.valid_to > t.today)) AS kinds,
    min(least(CASE WHEN k.valid_from > t.today THEN k.valid_from END, CASE WHEN k.valid_to > t.today THEN k.valid_to END)) AS next
  FROM profile_refresh r JOIN vulnerability k ON k.household_id = r.household_id CROSS JOIN t GROUP BY k.household_id
)
INSERT INTO household_profile (household_id, org_id, home, as_of, stale_on, size, female, male, f_0_17, m_0_17, f_18_59, m_18_59,
  f_60_plus, m_60_plus, female_headed, child_headed, elderly_headed, to_governorate, to_site, displaced, vulnerabilities)
SELECT h.id, h.org_id, h.governorate, t.today, least(m.next, dn.next, v.next),
  coalesce(m.size, 0), coalesce(m.female, 0), coalesce(m.male, 0), coalesce(m.f_0_17, 0), coalesce(m.m_0_17, 0),
  coalesce(m.f_18_59, 0), coalesce(m.m_18_59, 0), coalesce(m.f_60_plus, 0), coalesce(m.m_60_plus, 0),
  coalesce(m.female_headed, false), coalesce(m.child_headed, false), coalesce(m.elderly_headed, false),
  d.to_governorate, d.to_site, d.household_id IS NOT NULL AND d.reason IS DISTINCT FROM 'return',
  coalesce(v.kinds, '{}')
    || CASE WHEN m.female_headed THEN '{female_headed}'::text[] ELSE '{}'::text[] END
    || CASE WHEN m.child_headed THEN '{child_headed}'::text[] ELSE '{}'::text[] END
    || CASE WHEN m.elderly_headed THEN '{elderly_headed}'::text[] ELSE '{}'::text[] END
FROM profile_refresh r
JOIN household h ON h.id = r.household_id
CROSS JOIN t
LEFT JOIN m ON m.household_id = h.id
LEFT JOIN d ON d.household_id = h.id
LEFT JOIN dn ON dn.household_id = h.id
LEFT JOIN v ON v.household_id = h.id`;

/**
 * Brings the profiles up to today inside the caller's transaction: the dirty households and the
 * stale ones, recomputed (one refresh at a time: a transaction-level advisory lock, taken only when
 * there is something to do). Answers how many were recomputed.
 */
export async function refreshProfiles(client: pg.PoolClient): Promise<number> {
  // most previews find nothing to do: one cheap question first
  const due = await client.query<{ due: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM household_profile_dirty) OR EXISTS (SELECT 1 FROM household_profile WHERE stale_on <= current_date) AS due',
  );
  if (!due.rows[0]!.due) return 0;
  await client.query("SELECT pg_advisory_xact_lock(hashtext('household_profile'))");
  await client.query("SET LOCAL work_mem = '256MB'");
  await client.query('CREATE TEMP TABLE profile_refresh (household_id uuid PRIMARY KEY) ON COMMIT DROP');
  await client.query(
    'WITH d AS (DELETE FROM household_profile_dirty RETURNING household_id) INSERT INTO profile_refresh SELECT household_id FROM d ON CONFLICT DO NOTHING',
  );
  await client.query(
    'INSERT INTO profile_refresh SELECT household_id FROM household_profile WHERE stale_on <= current_date ON CONFLICT DO NOTHING',
  );
  const n = (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM profile_refresh')).rows[0]!.n;
  if (n > 0) {
    await client.query('ANALYZE profile_refresh');
    await client.query('DELETE FROM household_profile WHERE household_id IN (SELECT household_id FROM profile_refresh)');
    await client.query(RECOMPUTE);
  }
  await client.query('DROP TABLE profile_refresh');
  return n;
}

/**
 * Runs `read` on profiles brought up to today, in one transaction: when `read` fails (a rule set
 * the database refuses), the refresh is undone with it, so a refused preview changes nothing.
 */
export async function withFreshProfiles<T>(pool: pg.Pool, read: (client: pg.PoolClient, refreshed: number) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const out = await read(client, await refreshProfiles(client));
    await client.query('COMMIT');
    return out;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

/** The rows of SNAPSHOT (generate.ts) for today, from the profiles: $1 the cycle (NULL), $2 the organisation. */
export const PROFILE_SNAPSHOT = `
WITH sp AS (SELECT DISTINCT ON (site_id) site_id, id FROM distribution_point WHERE org_id = $2 AND site_id IS NOT NULL ORDER BY site_id, created_at, id),
gp AS (SELECT DISTINCT ON (governorate) governorate, id FROM distribution_point WHERE org_id = $2 AND site_id IS NULL ORDER BY governorate, created_at, id)
SELECT $1::uuid AS cycle_id, p.household_id, g.gov AS governorate, p.to_site AS site_id, s.kind AS site_kind, coalesce(sp.id, gp.id) AS point_id,
  p.displaced, p.size, p.female, p.male, p.f_0_17, p.m_0_17, p.f_18_59, p.m_18_59, p.f_60_plus, p.m_60_plus, p.vulnerabilities
FROM household_profile p
LEFT JOIN site s ON s.id = p.to_site
CROSS JOIN LATERAL (SELECT coalesce(p.to_governorate, s.governorate, p.home) AS gov) g
LEFT JOIN sp ON sp.site_id = p.to_site
LEFT JOIN gp ON gp.governorate = g.gov
WHERE p.org_id = $2 AND p.size > 0`;
