// Opens the grant plan of an approved case: its stream and grant as the committee approved them
// (with the rule version of the decision), the tranches of that stream (src/shared/tranches.ts), a
// code vendors enter, and transitional shelter cash from today while the unit is uninhabitable. One
// plan per unit, ever: a second approved case on the same unit is refused (a unit is granted once).
// The materials quota comes from the unit's latest field assessment's bill of quantities.
import { errors } from '../../../errors.ts';
import { newPlanCode, planTranches, shelterCashMonthly } from '../../../reconstruction/tranches.ts';
import type { WriteContext } from '../../write.ts';
import { getCase } from '../claims/claimRow.ts';

export async function createPlan(ctx: WriteContext, caseId: string): Promise<void> {
  const k = await getCase(ctx.client, ctx.actor, caseId, true);
  if (k.state !== 'approved' || k.stream === null || k.grantAmount === null || k.decidedRuleVersion === null) {
    throw errors.planCaseNotApproved();
  }
  const taken = await ctx.client.query('SELECT 1 FROM reconstruction_plan WHERE unit_id = $1 OR case_id = $2', [k.unitId, k.id]);
  if (taken.rowCount) throw errors.planExists();
  const code = newPlanCode();
  const monthly = shelterCashMonthly(k.damageClass);
  await ctx.client.query(
    `INSERT INTO reconstruction_plan (case_id, org_id, governorate, unit_id, code, stream, grant_amount, rule_version, shelter_cash_monthly, shelter_from, created_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,current_date,$10)`,
    [k.id, ctx.actor.orgId, k.governorate, k.unitId, code, k.stream, k.grantAmount, k.decidedRuleVersion, monthly, ctx.actor.userId],
  );
  const tranches = planTranches(k.stream, k.grantAmount);
  for (const t of tranches) {
    await ctx.client.query('INSERT INTO tranche (case_id, seq, stage, amount) VALUES ($1,$2,$3,$4)', [k.id, t.seq, t.stage, t.amount]);
  }
  // The materials quota from the bill of quantities of the unit's latest field assessment (the
  // unit's own, or its building's); labour is not sold by vendors. No assessment: no quota yet
  // (set later with POST .../quota).
  const quota = await ctx.client.query<{ item: string; quantity: string }>(
    `INSERT INTO material_quota (case_id, item, unit, quantity, created_by)
     SELECT $1, l.item_code, i.unit, l.quantity, $3
       FROM field_assessment_line l JOIN material_item i ON i.code = l.item_code
      WHERE i.unit <> 'person_day' AND l.assessment_id = (
            SELECT f.id FROM field_assessment f JOIN housing_unit u ON u.id = $2
             WHERE f.building_id = u.building_id AND (f.unit_id = u.id OR f.unit_id IS NULL)
             ORDER BY f.assessed_on DESC, f.created_at DESC LIMIT 1)
     RETURNING item, quantity::text`,
    [k.id, k.unitId, ctx.actor.userId],
  );
  await ctx.log({
    entity: 'reconstruction_plan',
    entityId: k.id,
    action: 'create',
    after: {
      stream: k.stream,
      grantAmount: k.grantAmount,
      ruleVersion: k.decidedRuleVersion,
      tranches,
      shelterCashMonthly: monthly,
      quota: quota.rows.map((q) => ({ item: q.item, quantity: Number(q.quantity) })),
    },
  });
}
