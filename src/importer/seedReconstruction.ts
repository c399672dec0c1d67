// The reconstruction part of `sanad seed`: synthetic buildings in the Gaza Strip's governorates (and
// a few in two camps of the northern West Bank) with two remote damage assessments each (January 2024
// and August 2025 imagery, through the damage import, as a real file would come; the second file
// also carries a few rows the import must quarantine: a point at sea, an unknown class, a date that
// is no date, a structure twice), and, for some seeded households, a housing unit in a building with
// the household recorded as its owner or tenant since 2015. Deterministic for a seed; invented.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { Actor } from '../access/actor.ts';
import { governorateAt } from '../reconstruction/boundaries.io.ts';
import { damageRecords } from '../reconstruction/damageFile.io.ts';
import type { Position } from '../reconstruction/geometry.ts';
import { damageClasses } from '../shared/reconstruction.ts';
import { addUnit } from '../store/reconstruction/addUnit.ts';
import { importDamage } from '../store/reconstruction/importDamage.ts';
import { recordOccupancy } from '../store/reconstruction/recordOccupancy.ts';
import { write } from '../store/write.ts';

/** Where the synthetic neighbourhoods are: one per governorate of the Gaza Strip. */
const CENTRES: Record<string, Position> = {
  PS0255: [34.503, 31.537],
  PS0260: [34.455, 31.507],
  PS0265: [34.352, 31.418],
  PS0270: [34.306, 31.345],
  PS0275: [34.255, 31.287],
};
/** And a few in the West Bank: around the camps of Jenin and Tulkarm. */
const WEST_BANK: Record<string, Position> = {
  PS0101: [35.2935, 32.4615],
  PS0110: [35.0385, 32.3125],
};

/** Rows of the later file the import must quarantine (after the structures' own rows). */
const QUARANTINED = (dup: { p: Position; ref: string }, date: string) => [
  `SYN-SEA-1,34.2000000,31.4500000,destroyed,${date}`, // at sea: outside the State of Palestine
  `SYN-CLASS-1,${CENTRES.PS0260![0].toFixed(7)},${(CENTRES.PS0260![1] + 0.02).toFixed(7)},flattened,${date}`, // no such class
  `SYN-DATE-1,${CENTRES.PS0270![0].toFixed(7)},${(CENTRES.PS0270![1] + 0.02).toFixed(7)},destroyed,2025-02-30`, // no such day
  `${dup.ref}-again,${dup.p[0].toFixed(7)},${dup.p[1].toFixed(7)},destroyed,${date}`, // a building another row matched
];

export type ReconstructionSeed = { buildings: number; assessments: number; units: number; quarantined: number };

function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Buildings on a grid of ~40 m around each centre, inside their governorate. */
function sites(centres: Record<string, Position>, perGovernorate: number): { p: Position; gov: string }[] {
  const out: { p: Position; gov: string }[] = [];
  for (const [gov, c] of Object.entries(centres)) {
    const side = Math.ceil(Math.sqrt(perGovernorate));
    for (let i = 0; out.filter((o) => o.gov === gov).length < perGovernorate && i < side * side * 2; i++) {
      const p: Position = [c[0] + ((i % side) - side / 2) * 0.00042, c[1] + (Math.floor(i / side) - side / 2) * 0.00036];
      if (governorateAt(p) === gov) out.push({ p, gov });
    }
  }
  return out;
}

function file(rows: { p: Position; cls: string; ref: string }[], date: string, extra: readonly string[] = []): string {
  return [
    'structure_ref,lon,lat,damage_class,imagery_date',
    ...rows.map((r) => `${r.ref},${r.p[0].toFixed(7)},${r.p[1].toFixed(7)},${r.cls},${date}`),
    ...extra,
  ].join('\n');
}

export async function seedReconstruction(pool: pg.Pool, actor: Actor, households: number, seed: number): Promise<ReconstructionSeed> {
  const rnd = random(seed * 7919 + 16);
  const perGovernorate = Math.max(12, Math.min(2000, Math.ceil(households / 5)));
  const placed = [...sites(CENTRES, perGovernorate), ...sites(WEST_BANK, Math.ceil(perGovernorate / 4))];
  const first = placed.map((s, i) => ({ p: s.p, ref: `SYN-${seed}-${i}`, cls: damageClasses[Math.floor(rnd() * damageClasses.length)]! }));
  // later imagery: the same structures, a metre or two off, the same class or worse
  const later = first.map((r) => ({
    ...r,
    p: [r.p[0] + (rnd() - 0.5) * 0.00002, r.p[1] + (rnd() - 0.5) * 0.00002] as Position,
    cls: damageClasses[Math.max(0, damageClasses.indexOf(r.cls as (typeof damageClasses)[number]) - (rnd() < 0.3 ? 1 : 0))]!,
  }));
  const out: ReconstructionSeed = { buildings: 0, assessments: 0, units: 0, quarantined: 0 };
  let again = false;
  for (const [rows, date, extra] of [
    [first, '2024-01-06', []],
    [later, '2025-08-05', QUARANTINED(later[0]!, '2025-08-05')],
  ] as const) {
    const text = file(rows, date, extra);
    const s = await importDamage(pool, actor, {
      fileName: `synthetic-damage-${seed}-${date}.csv`,
      sha256: createHash('sha256').update(text).digest('hex'),
      format: 'csv',
      mapping: { toleranceM: 10 },
      records: damageRecords(text, 'csv', { toleranceM: 10 }),
      today: date,
    });
    again ||= s.alreadyImported === true;
    out.assessments += s.matched + s.buildingsCreated;
    out.buildings += s.buildingsCreated;
    out.quarantined += s.quarantined;
  }
  if (again) return out; // the same seed twice changes nothing
  out.units = (await addUnits(pool, actor, Object.keys(CENTRES), 40)) + (await addUnits(pool, actor, Object.keys(WEST_BANK), 6));
  return out;
}

/**
 * Some seeded households of these governorates lived in a unit of one of these buildings: up to three
 * units a building (a floor each), owners mostly, some tenants, since 2015.
 */
async function addUnits(pool: pg.Pool, actor: Actor, governorates: string[], limit: number): Promise<number> {
  const hh = await pool.query<{ id: string; governorate: string }>(
    `SELECT h.id, h.governorate FROM household h WHERE h.org_id = $1 AND h.governorate = ANY($2::text[])
        AND NOT EXISTS (SELECT 1 FROM occupancy o WHERE o.household_id = h.id) ORDER BY h.record_id, h.id LIMIT $3`,
    [actor.orgId, governorates, limit],
  );
  // one transaction for them all (a handful of rows)
  const made = await write(pool, actor, { route: 'seed reconstruction' }, async (ctx) => {
    let units = 0;
    // every fifth household is left without a unit here (its home lay elsewhere): some stay to be a tenant later
    for (const [i, h] of hh.rows.entries()) {
      if (i % 5 === 4) continue;
      // the building being filled (fewer than three units) before a new one
      const b = await ctx.client.query<{ id: string; n: number }>(
        `SELECT b.id, n.n FROM building b, LATERAL (SELECT count(*)::int AS n FROM housing_unit u WHERE u.building_id = b.id) n
          WHERE b.org_id = $1 AND b.governorate = $2 AND n.n < 3 ORDER BY n.n = 0, b.lat, b.lon LIMIT 1`,
        [actor.orgId, h.governorate],
      );
      const building = b.rows[0];
      if (!building) continue;
      // a household the actor may not reach is passed over, as before (the savepoint undoes its unit)
      await ctx.client.query('SAVEPOINT seed_unit');
      try {
        const unit = await addUnit(ctx, building.id, { floor: building.n, unitNumber: `${building.n + 1}A`, areaM2: 80 + (i % 5) * 15 });
        await recordOccupancy(ctx, unit.id, {
          householdId: h.id,
          tenure: i % 4 === 3 ? 'tenant' : 'owner',
          validFrom: '2015-01-01',
          validTo: null,
        });
        await ctx.client.query('RELEASE SAVEPOINT seed_unit');
        units++;
      } catch {
        await ctx.client.query('ROLLBACK TO SAVEPOINT seed_unit');
      }
    }
    return { status: 201, body: units };
  });
  return made.body;
}
