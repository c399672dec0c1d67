// The reconstruction part of `sanad seed`: synthetic buildings in the Gaza Strip's governorates with
// two remote damage assessments each (January 2024 and August 2025 imagery, through the damage
// import, as a real file would come), and, for some seeded households of Gaza, a housing unit in a
// building with the household recorded as its owner since 2015. Deterministic for a seed; invented.
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

export type ReconstructionSeed = { buildings: number; assessments: number; units: number };

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
function sites(perGovernorate: number): { p: Position; gov: string }[] {
  const out: { p: Position; gov: string }[] = [];
  for (const [gov, c] of Object.entries(CENTRES)) {
    const side = Math.ceil(Math.sqrt(perGovernorate));
    for (let i = 0; out.filter((o) => o.gov === gov).length < perGovernorate && i < side * side * 2; i++) {
      const p: Position = [c[0] + ((i % side) - side / 2) * 0.00042, c[1] + (Math.floor(i / side) - side / 2) * 0.00036];
      if (governorateAt(p) === gov) out.push({ p, gov });
    }
  }
  return out;
}

function file(rows: { p: Position; cls: string; ref: string }[], date: string): string {
  return [
    'structure_ref,lon,lat,damage_class,imagery_date',
    ...rows.map((r) => `${r.ref},${r.p[0].toFixed(7)},${r.p[1].toFixed(7)},${r.cls},${date}`),
  ].join('\n');
}

export async function seedReconstruction(pool: pg.Pool, actor: Actor, households: number, seed: number): Promise<ReconstructionSeed> {
  const rnd = random(seed * 7919 + 16);
  const perGovernorate = Math.max(12, Math.min(2000, Math.ceil(households / 5)));
  const placed = sites(perGovernorate);
  const first = placed.map((s, i) => ({ p: s.p, ref: `SYN-${seed}-${i}`, cls: damageClasses[Math.floor(rnd() * damageClasses.length)]! }));
  // later imagery: the same structures, a metre or two off, the same class or worse
  const later = first.map((r) => ({
    ...r,
    p: [r.p[0] + (rnd() - 0.5) * 0.00002, r.p[1] + (rnd() - 0.5) * 0.00002] as Position,
    cls: damageClasses[Math.max(0, damageClasses.indexOf(r.cls as (typeof damageClasses)[number]) - (rnd() < 0.3 ? 1 : 0))]!,
  }));
  let assessments = 0;
  let buildings = 0;
  let again = false;
  for (const [rows, date] of [
    [first, '2024-01-06'],
    [later, '2025-08-05'],
  ] as const) {
    const text = file(rows, date);
    const s = await importDamage(pool, actor, {
      fileName: `synthetic-damage-${seed}-${date}.csv`,
      sha256: createHash('sha256').update(text).digest('hex'),
      format: 'csv',
      mapping: { toleranceM: 10 },
      records: damageRecords(text, 'csv', { toleranceM: 10 }),
      today: date,
    });
    again ||= s.alreadyImported === true;
    assessments += s.matched + s.buildingsCreated;
    buildings += s.buildingsCreated;
  }
  if (again) return { buildings, assessments, units: 0 }; // the same seed twice changes nothing
  // some of Gaza's seeded households owned a unit in one of these buildings
  const hh = await pool.query<{ id: string; governorate: string }>(
    `SELECT h.id, h.governorate FROM household h WHERE h.org_id = $1 AND h.governorate = ANY($2::text[])
        AND NOT EXISTS (SELECT 1 FROM occupancy o WHERE o.household_id = h.id) ORDER BY h.record_id, h.id LIMIT 40`,
    [actor.orgId, Object.keys(CENTRES)],
  );
  let units = 0;
  for (const [i, h] of hh.rows.entries()) {
    const b = await pool.query<{ id: string }>(
      `SELECT b.id FROM building b WHERE b.org_id = $1 AND b.governorate = $2 AND NOT EXISTS (SELECT 1 FROM housing_unit u WHERE u.building_id = b.id)
        ORDER BY b.lat, b.lon LIMIT 1`,
      [actor.orgId, h.governorate],
    );
    if (!b.rows[0]) continue;
    const added = await write(pool, actor, { route: 'seed reconstruction' }, async (ctx) => {
      const unit = await addUnit(ctx, b.rows[0]!.id, { floor: i % 3, unitNumber: `${(i % 3) + 1}A`, areaM2: 80 + (i % 5) * 15 });
      await recordOccupancy(ctx, unit.id, {
        householdId: h.id,
        tenure: i % 4 === 3 ? 'tenant' : 'owner',
        validFrom: '2015-01-01',
        validTo: null,
      });
      return { status: 201, body: unit.id };
    }).catch(() => null);
    if (added) units++;
  }
  return { buildings, assessments, units };
}
