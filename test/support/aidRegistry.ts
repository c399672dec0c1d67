// A synthetic registry for the aid tests: households from src/synthetic (invented people), loaded
// straight into the tables with set-based inserts; some households displaced into given sites.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { generateHouseholds } from '../../src/synthetic/households.ts';

export type Loaded = { households: string[]; persons: number; inSite: Map<string, string> };

const dob = (d: string | undefined) => (!d ? null : d.length === 4 ? `${d}-07-01` : d.length === 7 ? `${d}-15` : d);

export async function loadRegistry(
  pool: pg.Pool,
  orgId: string,
  opts: { households: number; seed: number; sites?: { id: string; governorate: string }[]; everyNthInSite?: number; since?: string },
): Promise<Loaded> {
  const since = opts.since ?? '2020-01-01';
  const hh: { id: string; gov: string }[] = [];
  const ps: { id: string; hid: string; sex: string; dob: string | null; rel: string; name: string }[] = [];
  const ds: { hid: string; from: string; to: string; site: string | null; date: string; reason: string }[] = [];
  const vs: { hid: string; kind: string; since: string }[] = [];
  const inSite = new Map<string, string>();
  let i = 0;
  for (const h of generateHouseholds({ households: opts.households, seed: opts.seed })) {
    const hid = randomUUID();
    hh.push({ id: hid, gov: h.governorate });
    for (const m of h.members)
      ps.push({ id: randomUUID(), hid, sex: m.sex, dob: dob(m.dateOfBirth), rel: m.relationship, name: `${m.givenName} ${m.familyName}` });
    let last = '2020-01-02';
    for (const d of h.displacements) {
      ds.push({ hid, from: d.fromGovernorate, to: d.toGovernorate, site: null, date: d.date, reason: d.reason });
      if (d.date > last) last = d.date;
    }
    for (const v of h.vulnerabilities) vs.push({ hid, kind: v.kind, since: v.since });
    if (opts.sites?.length && i % (opts.everyNthInSite ?? 3) === 0) {
      const s = opts.sites[i % opts.sites.length]!;
      const date = last < '2024-06-01' ? '2024-06-01' : new Date(Date.parse(`${last}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      ds.push({ hid, from: h.currentGovernorate, to: s.governorate, site: s.id, date, reason: 'hostilities' });
      inSite.set(hid, s.id);
    }
    i++;
  }
  await pool.query(
    'INSERT INTO household (id, org_id, governorate) SELECT u.id, $1, u.gov FROM unnest($2::uuid[], $3::text[]) AS u(id, gov)',
    [orgId, hh.map((h) => h.id), hh.map((h) => h.gov)],
  );
  await pool.query(
    `INSERT INTO person (id, org_id, governorate, full_name, name_key, sex, date_of_birth, dob_precision)
     SELECT u.id, $1, h.governorate, u.name, u.name, u.sex, u.dob::date, CASE WHEN u.dob IS NULL THEN NULL ELSE 'exact' END FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[]) AS u(id, hid, sex, dob, name) JOIN household h ON h.id = u.hid`,
    [orgId, ps.map((p) => p.id), ps.map((p) => p.hid), ps.map((p) => p.sex), ps.map((p) => p.dob), ps.map((p) => p.name)],
  );
  await pool.query(
    'INSERT INTO household_member (household_id, person_id, relationship, valid_from) SELECT u.hid, u.id, u.rel, $1 FROM unnest($2::uuid[], $3::uuid[], $4::text[]) AS u(id, hid, rel)',
    [since, ps.map((p) => p.id), ps.map((p) => p.hid), ps.map((p) => p.rel)],
  );
  await pool.query(
    'INSERT INTO displacement_event (household_id, from_governorate, to_governorate, to_site, event_date, reason) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::date[], $6::text[])',
    [
      ds.map((d) => d.hid),
      ds.map((d) => d.from),
      ds.map((d) => d.to),
      ds.map((d) => d.site),
      ds.map((d) => d.date),
      ds.map((d) => d.reason),
    ],
  );
  await pool.query('INSERT INTO vulnerability (household_id, kind, valid_from) SELECT * FROM unnest($1::uuid[], $2::text[], $3::date[])', [
    vs.map((v) => v.hid),
    vs.map((v) => v.kind),
    vs.map((v) => v.since),
  ]);
  return { households: hh.map((h) => h.id), persons: ps.length, inSite };
}
