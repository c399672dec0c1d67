import type { Site, SiteInput } from '../../sites/site.ts';
import { assertUsableLocality } from '../places/usableLocality.ts';
import type { WriteContext } from '../write.ts';
import { SITE_COLUMNS, type SiteRow, siteOf, values } from './siteRow.ts';

/** Registers a site of the actor's organisation (its governorate checked by the route). */
export async function createSite(ctx: WriteContext, s: SiteInput): Promise<Site> {
  await assertUsableLocality(ctx.client, ctx.actor, s.locality, 'locality');
  const r = await ctx.client.query<SiteRow>(
    `INSERT INTO site (org_id, kind, name, governorate, locality, lat, lon, managing_organisation, covered_area_m2, toilets, water_points, water_litres_per_day, phase, status)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14) RETURNING ${SITE_COLUMNS}`,
    [ctx.actor.orgId, ...values(s)],
  );
  const site = siteOf(r.rows[0]!);
  await ctx.log({ entity: 'site', entityId: site.id, action: 'create', after: site });
  return site;
}
