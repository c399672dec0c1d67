// Records a building: its geometry placed against the shipped boundaries (outside Palestine, a bad
// or oversized geometry, or a governorate that is not the location's are refused, naming the field),
// in a governorate of the actor's, with a locality of the organisation's (or a shared one) there.
import { errors } from '../../errors.ts';
import type { Building } from '../../reconstruction/building.ts';
import { placeGeometry } from '../../reconstruction/building.ts';
import { governorateAt } from '../../reconstruction/boundaries.io.ts';
import type { BuildingSource, BuildingUse } from '../../shared/reconstruction.ts';
import { localityVisible } from '../places/usableLocality.ts';
import type { WriteContext } from '../write.ts';
import { BUILDING_COLUMNS, type BuildingRow, parseBuilding } from './buildingRow.ts';

export type NewBuilding = {
  geometry: unknown;
  governorate: string | null;
  localityId: string | null;
  use: BuildingUse;
  floors: number | null;
  source?: BuildingSource;
};

export async function createBuilding(ctx: WriteContext, n: NewBuilding): Promise<Building> {
  const placed = placeGeometry(n.geometry, n.governorate, governorateAt);
  if (Array.isArray(placed)) throw errors.validation(placed);
  if (!ctx.actor.governorates.includes(placed.governorate)) throw errors.outsideGovernorates('geometry');
  if (n.localityId) {
    const l = await ctx.client.query<{ governorate: string }>(
      `SELECT l.governorate FROM locality l WHERE l.id = $1 AND ${localityVisible('l', '$2')}`,
      [n.localityId, ctx.actor.orgId],
    );
    if (!l.rows[0]) throw errors.invalidField('localityId', 'no_such_record');
    if (l.rows[0].governorate !== placed.governorate) throw errors.invalidField('localityId', 'governorate_mismatch');
  }
  const r = await ctx.client.query<BuildingRow>(
    `INSERT INTO building AS b (org_id, governorate, locality_id, use, floors, geometry, lon, lat, min_lon, min_lat, max_lon, max_lat, cell, source, created_by)
     VALUES ($1,$2,$3,$4,$5,$6::jsonb,$7,$8,$9,$10,$11,$12,$13,$14,$15) RETURNING ${BUILDING_COLUMNS}`,
    [
      ctx.actor.orgId,
      placed.governorate,
      n.localityId,
      n.use,
      n.floors,
      JSON.stringify(placed.geometry),
      placed.point[0],
      placed.point[1],
      placed.bbox.minLon,
      placed.bbox.minLat,
      placed.bbox.maxLon,
      placed.bbox.maxLat,
      placed.cell,
      n.source ?? 'field',
      ctx.actor.userId,
    ],
  );
  const b = parseBuilding(r.rows[0]!);
  await ctx.log({
    entity: 'building',
    entityId: b.id,
    action: 'create',
    after: { governorate: b.governorate, use: b.use, floors: b.floors },
  });
  return b;
}
