// A synthetic registry (invented people, never real ones) of N households made in SQL with
// generate_series, for bench:cards and bench:preview: a million households load in minutes, where
// the importer would take much longer. Realistic in what the aid rules and the card sheet read:
// household sizes of 1 to 12 (mean about 5), a head (three in four men), a spouse, children and
// some grandparents, sexes and dates of birth by role, Arabic names from the synthetic name lists
// (weighted like src/synthetic), 16 governorates weighted towards Gaza, displacements (7 in 10
// households, 1 in 7 into one of 300 sites), and eight kinds of recorded vulnerability. Seeded
// (setseed), so two runs make the same registry.
import fs from 'node:fs';
import path from 'node:path';
import type { Actor } from '../src/access/actor.ts';
import { governorateCodes } from '../src/places/governorates.ts';
import { createOrganisation, createUser } from '../src/store/access/createUser.ts';
import { createItem, createPoint, createProgramme } from '../src/store/aid/catalogue.ts';
import type { Store } from '../src/store/open.ts';
import { write } from '../src/store/write.ts';

const log = (s: string) => process.stderr.write(`${s}\n`);
const SITES = 300;

/** A name list of src/synthetic/data, each name repeated by its weight (a weighted pick by index). */
function names(file: string): string[] {
  const text = fs.readFileSync(path.join(import.meta.dirname, '../src/synthetic/data', file), 'utf8');
  return text
    .split('\n')
    .filter((l) => l.trim())
    .flatMap((l) => {
      const [arabic, , weight] = l.split('|');
      return Array<string>(Math.max(1, Math.round(Number(weight) || 1))).fill(arabic!.trim());
    });
}

/** The benchmark's organisation and a distribution officer of every governorate. */
export async function benchActor(store: Store, org: string): Promise<Actor & { userId: string }> {
  let orgId = (await store.pool.query<{ id: string }>('SELECT id FROM organisation WHERE name = $1', [org])).rows[0]?.id;
  if (!orgId) orgId = await createOrganisation(store.pool, org);
  const userId = await createUser(store.pool, {
    orgId,
    username: `bench-${Date.now()}`,
    password: 'benchmark-password-1',
    role: 'distribution_officer',
    governorates: [...governorateCodes],
  });
  return { userId, orgId, role: 'distribution_officer', governorates: governorateCodes, deviceId: 'bench' };
}

/** .tmp/NAME, its parent reachable by the embedded server's own user (when Sanad runs as root). */
export function benchDir(name: string): string {
  const parent = path.resolve('.tmp');
  fs.mkdirSync(parent, { recursive: true });
  fs.chmodSync(parent, 0o711);
  return path.join(parent, name);
}

export async function householdsOf(store: Store, orgId: string): Promise<number> {
  return (await store.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM household WHERE org_id = $1', [orgId])).rows[0]!.n;
}

const GOVS = `ARRAY['PS0255','PS0260','PS0260','PS0265','PS0270','PS0270','PS0275','PS0101','PS0115','PS0130','PS0150','PS0110','PS0140','PS0145','PS0105','PS0120']`;

/** The SQL steps, in order: [label, statement]; $1 the organisation, the name lists in bench_male, bench_female, bench_family (i, name). */
function steps(households: number): [string, string][] {
  return [
    [
      'sites',
      `INSERT INTO site (org_id, kind, name, governorate, covered_area_m2, toilets, water_points, phase)
       SELECT $1, (ARRAY['collective_centre','school','camp','informal_site','host_community_area'])[1 + g % 5], 'Site ' || g, (${GOVS})[1 + g % 16],
         500 + floor(random() * 20000), floor(random() * 100), floor(random() * 20), CASE WHEN g % 3 = 0 THEN 'later' ELSE 'initial' END
       FROM generate_series(1, ${SITES}) g`,
    ],
    [
      'households (staging)',
      // sizes: 1 + a sum of three uniform draws of 0..3 and a rare large family: mean about 5, up to 12
      `CREATE UNLOGGED TABLE bench_hh AS SELECT g AS idx, gen_random_uuid() AS id, (${GOVS})[1 + floor(random() * 16)::int] AS gov,
         least(12, 1 + floor(random() * 4)::int + floor(random() * 4)::int + floor(random() * 4)::int + CASE WHEN random() < 0.05 THEN 3 ELSE 0 END) AS size,
         random() < 0.75 AS male_head, floor(random() * (SELECT count(*) FROM bench_family))::int AS family,
         floor(random() * (SELECT count(*) FROM bench_male))::int AS father
       FROM generate_series(1, ${households}) g`,
    ],
    ['household rows', 'INSERT INTO household (id, org_id, governorate) SELECT id, $1, gov FROM bench_hh'],
    [
      'persons (staging)',
      // k = 1 the head, 2 the spouse (when two or more), a grandparent as the last of a large family, else children
      `CREATE UNLOGGED TABLE bench_p AS SELECT gen_random_uuid() AS id, h.id AS hid, h.gov, k, h.size, f.name AS family_name, m.name AS father,
         CASE WHEN k = 1 THEN (CASE WHEN h.male_head THEN 'male' ELSE 'female' END)
              WHEN k = 2 THEN (CASE WHEN h.male_head THEN 'female' ELSE 'male' END)
              WHEN random() < 0.5 THEN 'female' ELSE 'male' END AS sex,
         CASE WHEN k <= 2 THEN date '1950-01-01' + floor(random() * 19000)::int
              WHEN k = h.size AND h.size >= 7 THEN date '1935-01-01' + floor(random() * 7000)::int
              ELSE date '2003-01-01' + floor(random() * 8000)::int END AS dob
       FROM bench_hh h JOIN bench_family f ON f.i = h.family JOIN bench_male m ON m.i = h.father, generate_series(1, h.size) k`,
    ],
    [
      'persons',
      `INSERT INTO person (id, org_id, governorate, given_name, father_name, family_name, full_name, name_key, sex, date_of_birth, dob_precision)
       SELECT id, $1, gov, gn, father, family_name, gn || ' ' || father || ' ' || family_name, gn || ' ' || family_name, sex, dob, 'exact'
       FROM (SELECT p.*, coalesce(m.name, f.name) AS gn
               FROM (SELECT p.*, floor(random() * (SELECT count(*) FROM bench_male))::int AS mi,
                            floor(random() * (SELECT count(*) FROM bench_female))::int AS fi FROM bench_p p) p
               LEFT JOIN bench_male m ON p.sex = 'male' AND m.i = p.mi
               LEFT JOIN bench_female f ON p.sex = 'female' AND f.i = p.fi) x`,
    ],
    [
      'members',
      `INSERT INTO household_member (household_id, person_id, relationship, valid_from)
       SELECT hid, id, CASE WHEN k = 1 THEN 'head' WHEN k = 2 THEN 'spouse' WHEN k = size AND size >= 7 THEN 'grandparent'
         WHEN sex = 'female' THEN 'daughter' ELSE 'son' END, date '2020-01-01' FROM bench_p`,
    ],
    [
      'displacements',
      `INSERT INTO displacement_event (household_id, from_governorate, to_governorate, event_date, reason)
       SELECT id, gov, (ARRAY['PS0265','PS0270','PS0275'])[1 + floor(random() * 3)::int], date '2023-10-13' + floor(random() * 300)::int, 'evacuation_order'
       FROM bench_hh WHERE random() < 0.7`,
    ],
    [
      'displacements to sites',
      `WITH s AS (SELECT array_agg(id ORDER BY name) AS ids, array_agg(governorate ORDER BY name) AS govs FROM site WHERE org_id = $1),
       pick AS (SELECT h.id, h.gov, 1 + floor(random() * ${SITES})::int AS i FROM bench_hh h WHERE random() < 0.15)
       INSERT INTO displacement_event (household_id, from_governorate, to_governorate, to_site, event_date, reason)
       SELECT pick.id, pick.gov, s.govs[pick.i], s.ids[pick.i], date '2024-09-01' + floor(random() * 200)::int, 'hostilities' FROM pick, s`,
    ],
    [
      'vulnerabilities',
      `INSERT INTO vulnerability (household_id, kind, valid_from)
       SELECT h.id, v.kind, date '2022-01-01' + floor(random() * 900)::int FROM bench_hh h
       CROSS JOIN (VALUES ('disability', 0.06), ('chronic_illness', 0.10), ('pregnant_lactating', 0.07), ('injured', 0.05),
                    ('lost_home', 0.20), ('lost_livelihood', 0.15), ('unaccompanied_child', 0.005), ('separated_child', 0.01)) v(kind, p)
       WHERE random() < v.p + 0 * h.idx`, // h in the condition: drawn for each household and kind, not once a kind
    ],
  ];
}

/** Loads the registry into an empty organisation, with points at every site and governorate and four items. */
export async function loadRegistry(store: Store, actor: Actor, households: number): Promise<void> {
  const t0 = Date.now();
  const lists = [names('male-given-names.txt'), names('female-given-names.txt'), names('family-names.txt')];
  const c = await store.pool.connect();
  try {
    log(`loading a synthetic registry of ${households.toLocaleString('en')} households...`);
    await c.query('DROP INDEX IF EXISTS person_name_tokens, person_name_key_trgm'); // no name search in these benches
    await c.query('SET session_replication_role = replica'); // bulk load: no foreign-key triggers
    await c.query("SET work_mem = '256MB'");
    await c.query('SELECT setseed(0.2026)');
    for (const [table, list] of [
      ['bench_male', lists[0]!],
      ['bench_female', lists[1]!],
      ['bench_family', lists[2]!],
    ] as const)
      await c.query(
        `CREATE UNLOGGED TABLE ${table} AS SELECT (i - 1)::int AS i, name FROM unnest($1::text[]) WITH ORDINALITY AS u(name, i)`,
        [list],
      );
    for (const [label, sql] of steps(households)) {
      const t = Date.now();
      const r = await c.query(sql, sql.includes('$1') ? [actor.orgId] : []);
      log(`  ${label}: ${r.rowCount ?? ''} rows, ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
    await c.query('SET session_replication_role = origin');
    // the load ran without triggers: its households are marked for the preview's profiles here (migration 0026)
    await c.query('INSERT INTO household_profile_dirty SELECT id FROM household WHERE org_id = $1 ON CONFLICT DO NOTHING', [actor.orgId]);
    await c.query('DROP TABLE bench_hh, bench_p, bench_male, bench_female, bench_family');
    await c.query('ANALYZE');
  } finally {
    c.release();
  }
  await write(store.pool, actor, { route: 'bench' }, async (ctx) => {
    const sites = await ctx.client.query<{ id: string; governorate: string }>('SELECT id, governorate FROM site WHERE org_id = $1', [
      actor.orgId,
    ]);
    for (const s of sites.rows) await createPoint(ctx, { name: `Point at ${s.id.slice(0, 8)}`, governorate: s.governorate, siteId: s.id });
    for (const g of governorateCodes) await createPoint(ctx, { name: `Centre ${g}`, governorate: g });
    for (const [code, unit, sector] of [
      ['food_parcel', 'parcel', 'food'],
      ['hygiene_kit', 'kit', 'hygiene'],
      ['water_l', 'litre', 'water'],
      ['cash_ils', 'ILS', 'cash'],
    ] as const)
      await createItem(ctx, { code, name: code, unit, sector });
    await createProgramme(ctx, {
      name: 'Benchmark programme',
      sector: 'food',
      rules: [{ item: 'food_parcel', quantity: { base: 1 } }] as never,
    });
    return { status: 200, body: null };
  });
  log(`registry ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
