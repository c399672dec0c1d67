import { errors } from '../../../errors.ts';
import type { DisplacementReason } from '../../../registry/vocabulary.ts';
import { assertUsableLocality } from '../../places/usableLocality.ts';
import type { WriteContext } from '../../write.ts';
import { changeHousehold } from './changeHousehold.ts';

export type Displacement = {
  date: string;
  fromGovernorate?: string | undefined;
  toGovernorate?: string | undefined;
  toLocality?: string | undefined;
  toSite?: string | undefined;
  reason: DisplacementReason;
  note?: string | undefined;
};

/**
 * A move of the household. A locality must be the actor's organisation's or a shared one (another
 * organisation's answers as an unknown one: 422 naming the field). A site must be one of the
 * actor's organisation: a move counts towards the site's occupancy, which only the organisation
 * running it may change.
 */
export async function recordDisplacement(ctx: WriteContext, householdId: string, d: Displacement): Promise<{ id: string }> {
  await assertUsableLocality(ctx.client, ctx.actor, d.toLocality, 'toLocality');
  if (d.toSite) {
    const s = await ctx.client.query('SELECT 1 FROM site WHERE id = $1 AND org_id = $2', [d.toSite, ctx.actor.orgId]);
    if (!s.rowCount) throw errors.validation([{ field: 'toSite', reason: 'no_such_record' }]);
  }
  return changeHousehold(ctx, { householdId, date: d.date, action: 'displacement' }, async () => {
    const r = await ctx.client.query<{ id: string }>(
      `INSERT INTO displacement_event (household_id, from_governorate, to_governorate, to_locality, to_site, event_date, reason, note)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id`,
      [
        householdId,
        d.fromGovernorate ?? null,
        d.toGovernorate ?? null,
        d.toLocality ?? null,
        d.toSite ?? null,
        d.date,
        d.reason,
        d.note ?? null,
      ],
    );
    return { displacementId: r.rows[0]!.id, ...d };
  });
}
