import { nextVersion, type Site, type SiteInput } from '../../sites/site.ts';
import { assertUsableLocality } from '../places/usableLocality.ts';
import type { WriteContext } from '../write.ts';
import { getSite } from './getSite.ts';
import { SITE_COLUMNS, type SiteRow, siteOf, values } from './siteRow.ts';

/** Replaces a site's facts, given the version the caller read (src/sites/site.ts). */
export async function updateSite(ctx: WriteContext, id: string, version: number, s: SiteInput): Promise<Site> {
  const before = await getSite(ctx.client, ctx.actor, id, true);
  const next = nextVersion(before.version, version);
  if (s.locality !== before.locality) await assertUsableLocality(ctx.client, ctx.actor, s.locality, 'locality');
  const r = await ctx.client.query<SiteRow>(
    `UPDATE site SET kind=$2, name=$3, governorate=$4, locality=$5, lat=$6, lon=$7, managing_organisation=$8, covered_area_m2=$9, toilets=$10, water_points=$11, water_litres_per_day=$12, phase=$13, status=$14,
       version = $15, updated_at = now() WHERE id = $1 RETURNING ${SITE_COLUMNS}`,
    [id, ...values(s), next],
  );
  const after = siteOf(r.rows[0]!);
  await ctx.log({ entity: 'site', entityId: id, action: 'update', before, after });
  return after;
}
