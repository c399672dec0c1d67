// Loads a remote damage assessment file in one transaction: each readable row inside the actor's
// governorates is matched to the nearest building of the organisation within the tolerance (looked
// up by grid cell, in batches: docs/decisions/0026), else it makes a new building; every other row
// (unreadable, outside Palestine or the actor's governorates, two buildings as near, a building
// another row already matched) is kept in quarantine with its reasons. Assessments are only ever
// added: a second file on the same buildings keeps both. The same file twice changes nothing.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { governorateAt } from '../../reconstruction/boundaries.io.ts';
import type { DamageFormat, DamageRecord } from '../../reconstruction/damageFile.io.ts';
import { type DamageMapping, type DamageRow, parseDamageRow } from '../../reconstruction/damageRow.ts';
import { cellOf, cellsWithin, type Position, type Ring } from '../../reconstruction/geometry.ts';
import { type Candidate, matchPoint } from '../../reconstruction/match.ts';
import type { FieldError } from '../../shared/problems.ts';
import { DEFAULT_MATCH_TOLERANCE_M } from '../../shared/reconstruction.ts';
import { type WriteContext, write } from '../write.ts';
import { type DamageImportSummary, readDamageImport } from './damageImports.ts';

export type DamageImportInput = {
  fileName: string;
  sha256: string;
  format: DamageFormat;
  mapping: DamageMapping;
  records: Iterable<DamageRecord>;
  /** The latest imagery date allowed (YYYY-MM-DD). */
  today: string;
};

const BATCH = 10_000;

type Valid = { rec: DamageRecord; row: DamageRow; governorate: string };
type Counts = { rows: number; matched: number; created: number; quarantined: number };
type Seen = { matched: Set<string>; index: CandidateIndex };
type BatchOut = {
  buildings: { id: string; governorate: string; lon: number; lat: number }[];
  assessments: { buildingId: string; rec: DamageRecord; row: DamageRow; distance: number }[];
  quarantine: { rec: DamageRecord; errors: FieldError[] }[];
};

/**
 * The organisation's buildings by grid cell, loaded a governorate at a time the first time a row
 * needs it (a row near a border needs its neighbour's too): one read per governorate instead of one
 * per batch. Buildings this import made are not there (rows of one file are distinct structures).
 */
class CandidateIndex {
  private readonly byCell = new Map<number, Candidate[]>();
  private readonly loaded = new Set<string>();
  /** the buildings this import made (never candidates) */
  readonly created = new Set<string>();

  async ensure(ctx: WriteContext, governorates: Iterable<string>): Promise<void> {
    const missing = [...new Set(governorates)].filter((g) => !this.loaded.has(g) && ctx.actor.governorates.includes(g));
    if (missing.length === 0) return;
    type Row = { id: string; lon: number; lat: number; cell: string; footprint: { coordinates: Ring[] } | null };
    const r = await ctx.client.query<Row & { min_lon: number; min_lat: number; max_lon: number; max_lat: number }>(
      `SELECT id, lon, lat, cell, min_lon, min_lat, max_lon, max_lat,
              CASE WHEN max_lon > min_lon OR max_lat > min_lat THEN geometry END AS footprint
         FROM building WHERE org_id = $1 AND governorate = ANY($2::text[])`,
      [ctx.actor.orgId, missing],
    );
    for (const b of r.rows) {
      if (this.created.has(b.id)) continue;
      const c: Candidate = {
        id: b.id,
        point: [b.lon, b.lat],
        footprint: b.footprint
          ? { rings: b.footprint.coordinates, bbox: { minLon: b.min_lon, minLat: b.min_lat, maxLon: b.max_lon, maxLat: b.max_lat } }
          : undefined,
      };
      const key = Number(b.cell);
      const list = this.byCell.get(key);
      if (list) list.push(c);
      else this.byCell.set(key, [c]);
    }
    for (const g of missing) this.loaded.add(g);
  }

  near(p: Position, toleranceM: number): Candidate[] {
    return cellsWithin(p, toleranceM).flatMap((c) => this.byCell.get(c) ?? []);
  }
}

/**
 * The governorates whose buildings a row may match: every governorate of its territory (the West
 * Bank or the Gaza Strip), so that a row near a border sees its neighbour's buildings too.
 */
const territoryOf = (v: Valid, actor: Actor): string[] => actor.governorates.filter((g) => g.startsWith(v.governorate.slice(0, 4)));

function sortBatch(batch: readonly DamageRecord[], mapping: DamageMapping, actor: Actor, today: string): { valid: Valid[]; out: BatchOut } {
  const out: BatchOut = { buildings: [], assessments: [], quarantine: [] };
  const valid: Valid[] = [];
  for (const rec of batch) {
    const row = parseDamageRow(rec.values, mapping, today);
    const errs = [...rec.problems, ...(Array.isArray(row) ? row : [])];
    if (errs.length > 0 || Array.isArray(row)) {
      out.quarantine.push({ rec, errors: errs });
      continue;
    }
    const governorate = governorateAt(row.point);
    if (governorate === null) out.quarantine.push({ rec, errors: [{ field: 'lon', reason: 'outside_palestine' }] });
    else if (!actor.governorates.includes(governorate))
      out.quarantine.push({ rec, errors: [{ field: 'lon', reason: 'outside_governorates' }] });
    else valid.push({ rec, row, governorate });
  }
  return { valid, out };
}

async function loadBatch(ctx: WriteContext, importId: string, out: BatchOut): Promise<void> {
  const b = out.buildings;
  if (b.length > 0)
    await ctx.client.query(
      `INSERT INTO building (id, org_id, governorate, use, geometry, lon, lat, min_lon, min_lat, max_lon, max_lat, cell, source, created_by)
       SELECT u.id, $1, u.gov, 'unknown', jsonb_build_object('type', 'Point', 'coordinates', jsonb_build_array(u.lon, u.lat)),
              u.lon, u.lat, u.lon, u.lat, u.lon, u.lat, u.cell, 'remote_import', $2
         FROM unnest($3::uuid[], $4::text[], $5::float8[], $6::float8[], $7::bigint[]) AS u(id, gov, lon, lat, cell)`,
      [
        ctx.actor.orgId,
        ctx.actor.userId,
        b.map((x) => x.id),
        b.map((x) => x.governorate),
        b.map((x) => x.lon),
        b.map((x) => x.lat),
        b.map((x) => cellOf([x.lon, x.lat])),
      ],
    );
  const a = out.assessments;
  if (a.length > 0)
    await ctx.client.query(
      `INSERT INTO remote_assessment (building_id, import_id, row_number, damage_class, imagery_date, lon, lat, distance_m, structure_ref)
       SELECT u.b, $1, u.n, u.c, u.d, u.lon, u.lat, u.dist, u.ref
         FROM unnest($2::uuid[], $3::int[], $4::text[], $5::date[], $6::float8[], $7::float8[], $8::real[], $9::text[]) AS u(b, n, c, d, lon, lat, dist, ref)`,
      [
        importId,
        a.map((x) => x.buildingId),
        a.map((x) => x.rec.rowNumber),
        a.map((x) => x.row.damageClass),
        a.map((x) => x.row.imageryDate),
        a.map((x) => x.row.point[0]),
        a.map((x) => x.row.point[1]),
        a.map((x) => x.distance),
        a.map((x) => x.row.structureRef),
      ],
    );
  const q = out.quarantine;
  if (q.length > 0)
    await ctx.client.query(
      `INSERT INTO damage_quarantine (import_id, row_number, raw, errors)
       SELECT $1, u.n, u.raw, u.errs FROM unnest($2::int[], $3::jsonb[], $4::jsonb[]) AS u(n, raw, errs)`,
      [importId, q.map((x) => x.rec.rowNumber), q.map((x) => JSON.stringify(x.rec.raw)), q.map((x) => JSON.stringify(x.errors))],
    );
}

async function runBatch(
  ctx: WriteContext,
  input: DamageImportInput,
  importId: string,
  toleranceM: number,
  batch: DamageRecord[],
  seen: Seen,
  n: Counts,
) {
  const { valid, out } = sortBatch(batch, input.mapping, ctx.actor, input.today);
  const territories = new Map(valid.map((v) => [v.governorate.slice(0, 4), v]));
  await seen.index.ensure(
    ctx,
    [...territories.values()].flatMap((v) => territoryOf(v, ctx.actor)),
  );
  for (const v of valid) {
    const m = matchPoint(v.row.point, seen.index.near(v.row.point, toleranceM), toleranceM);
    if (m.kind === 'ambiguous') out.quarantine.push({ rec: v.rec, errors: [{ field: 'lon', reason: 'ambiguous_match' }] });
    else if (m.kind === 'match' && seen.matched.has(m.buildingId))
      out.quarantine.push({ rec: v.rec, errors: [{ field: 'lon', reason: 'same_building_twice' }] });
    else if (m.kind === 'match') {
      seen.matched.add(m.buildingId);
      out.assessments.push({ buildingId: m.buildingId, rec: v.rec, row: v.row, distance: m.distanceM });
    } else {
      const id = randomUUID();
      seen.index.created.add(id);
      out.buildings.push({ id, governorate: v.governorate, lon: v.row.point[0], lat: v.row.point[1] });
      out.assessments.push({ buildingId: id, rec: v.rec, row: v.row, distance: 0 });
    }
  }
  await loadBatch(ctx, importId, out);
  n.rows += batch.length;
  n.created += out.buildings.length;
  n.matched += out.assessments.length - out.buildings.length;
  n.quarantined += out.quarantine.length;
}

/** Imports a damage file as the actor; `onProgress` hears the rows done after each batch. */
export async function importDamage(
  pool: pg.Pool,
  actor: Actor,
  input: DamageImportInput,
  onProgress?: (rows: number) => void,
): Promise<DamageImportSummary> {
  const prior = await pool.query<{ id: string }>('SELECT id FROM damage_import WHERE org_id = $1 AND file_sha256 = $2 AND status = $3', [
    actor.orgId,
    input.sha256,
    'done',
  ]);
  if (prior.rows[0]) return { ...(await readDamageImport(pool, actor, prior.rows[0].id)), alreadyImported: true };
  const toleranceM = input.mapping.toleranceM ?? DEFAULT_MATCH_TOLERANCE_M;
  const done = await write(pool, actor, { route: 'reconstruction import-damage' }, async (ctx) => {
    const r = await ctx.client.query<{ id: string }>(
      'INSERT INTO damage_import (org_id, actor_id, file_name, file_sha256, format, mapping, tolerance_m) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id',
      [actor.orgId, actor.userId, input.fileName.slice(0, 200), input.sha256, input.format, JSON.stringify(input.mapping), toleranceM],
    );
    const importId = r.rows[0]!.id;
    const n: Counts = { rows: 0, matched: 0, created: 0, quarantined: 0 };
    const seen: Seen = { matched: new Set(), index: new CandidateIndex() };
    let batch: DamageRecord[] = [];
    for (const rec of input.records) {
      batch.push(rec);
      if (batch.length < BATCH) continue;
      await runBatch(ctx, input, importId, toleranceM, batch, seen, n);
      onProgress?.(n.rows);
      batch = [];
    }
    if (batch.length > 0) await runBatch(ctx, input, importId, toleranceM, batch, seen, n);
    await ctx.client.query(
      `UPDATE damage_import SET rows_total = $2, rows_matched = $3, buildings_created = $4, rows_quarantined = $5, status = 'done', finished_at = now() WHERE id = $1`,
      [importId, n.rows, n.matched, n.created, n.quarantined],
    );
    await ctx.log({ entity: 'damage_import', entityId: importId, action: 'import', after: { file: input.fileName.slice(0, 200), ...n } });
    return { status: 201, body: importId };
  });
  return { ...(await readDamageImport(pool, actor, done.body)), alreadyImported: false };
}
