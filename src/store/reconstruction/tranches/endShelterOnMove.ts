// Ends transitional shelter cash when a household moves into a habitable unit: called in the same
// transaction as the occupancy write (recordOccupancy.ts). The plans whose case the household
// claims for (its claims not rejected or withdrawn), of another unit, with shelter cash, end on the
// first day of the new occupancy when that unit is habitable (its latest field assessment says
// habitable or minor damage, or its own plan's last tranche is released) and the plan's recorded
// end is not already earlier (src/reconstruction/shelterCash.ts). Each change is in the change log.
import { endAfter, type ShelterEndReason, unitHabitable } from '../../../reconstruction/shelterCash.ts';
import type { FieldClass } from '../../../shared/claims.ts';
import type { WriteContext } from '../../write.ts';

/** Whether a unit is habitable now, by its latest field assessment (its own or its building's) or its own completed plan. */
async function habitable(ctx: WriteContext, unitId: string): Promise<boolean> {
  const r = await ctx.client.query<{ habitable: boolean | null; damage_class: FieldClass | null; complete: boolean }>(
    `SELECT f.habitable, f.damage_class,
            EXISTS (SELECT 1 FROM reconstruction_plan q WHERE q.unit_id = u.id
                       AND NOT EXISTS (SELECT 1 FROM tranche t WHERE t.case_id = q.case_id
                                          AND NOT EXISTS (SELECT 1 FROM tranche_payment pay WHERE pay.tranche_id = t.id))) AS complete
       FROM housing_unit u
       LEFT JOIN LATERAL (SELECT f.habitable, f.damage_class FROM field_assessment f
                           WHERE f.building_id = u.building_id AND (f.unit_id = u.id OR f.unit_id IS NULL)
                           ORDER BY f.assessed_on DESC, f.created_at DESC LIMIT 1) f ON true
      WHERE u.id = $1`,
    [unitId],
  );
  const x = r.rows[0];
  if (!x) return false;
  const assessment = x.habitable === null || x.damage_class === null ? null : { habitable: x.habitable, damageClass: x.damage_class };
  return unitHabitable({ assessment, planComplete: x.complete });
}

/** Ends the shelter cash of the household's other plans from `from`, if the unit it moved into is habitable; returns the plans ended. */
export async function endShelterOnMove(ctx: WriteContext, householdId: string, unitId: string, from: string): Promise<string[]> {
  const plans = await ctx.client.query<{ case_id: string; until: string | null; reason: ShelterEndReason | null }>(
    // from the household's claims (indexed by household), not a scan of the organisation's plans
    `SELECT p.case_id, to_char(p.shelter_until, 'YYYY-MM-DD') AS until, p.shelter_end_reason AS reason
       FROM reconstruction_plan p
      WHERE p.case_id IN (SELECT c.case_id FROM claim c WHERE c.household_id = $3 AND c.state NOT IN ('rejected','withdrawn'))
        AND p.org_id = $1 AND p.unit_id <> $2 AND p.shelter_cash_monthly > 0 AND (p.shelter_until IS NULL OR p.shelter_until > $4::date)
      ORDER BY p.case_id FOR UPDATE OF p`,
    [ctx.actor.orgId, unitId, householdId, from],
  );
  if (plans.rows.length === 0 || !(await habitable(ctx, unitId))) return [];
  const ended: string[] = [];
  for (const p of plans.rows) {
    const current = p.until && p.reason ? { until: p.until, reason: p.reason } : null;
    const next = endAfter(current, { until: from, reason: 'moved' });
    if (!next) continue;
    await ctx.client.query(
      'UPDATE reconstruction_plan SET shelter_until = $2, shelter_end_reason = $3, version = version + 1 WHERE case_id = $1',
      [p.case_id, next.until, next.reason],
    );
    await ctx.log({
      entity: 'reconstruction_plan',
      entityId: p.case_id,
      action: 'end_shelter_cash',
      before: { shelterUntil: p.until, reason: p.reason },
      after: { shelterUntil: next.until, reason: next.reason, unitId },
    });
    ended.push(p.case_id);
  }
  return ended;
}
