import type { WriteContext } from '../write.ts';
import { LOCALITY_COLUMNS, type Locality, type LocalityRow, parseLocalityRow } from './locality.ts';

export type NewLocality = { governorate: string; nameAr: string; nameEn: string | null; lat: number | null; lon: number | null };

/** Adds a locality of the actor's organisation (the governorate checked by the caller) and logs it. */
export async function createLocality(ctx: WriteContext, l: NewLocality): Promise<Locality> {
  const r = await ctx.client.query<LocalityRow>(
    `INSERT INTO locality (org_id, governorate, name_ar, name_en, lat, lon) VALUES ($1,$2,$3,$4,$5,$6) RETURNING ${LOCALITY_COLUMNS}`,
    [ctx.actor.orgId, l.governorate, l.nameAr, l.nameEn, l.lat, l.lon],
  );
  const locality = parseLocalityRow(r.rows[0]!);
  await ctx.log({ entity: 'locality', entityId: locality.id, action: 'create', after: locality });
  return locality;
}
