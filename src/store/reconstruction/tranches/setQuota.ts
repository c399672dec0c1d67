// Sets the materials quota of an approved case's plan from bill-of-quantities lines (item, unit,
// quantity); a line may be raised or lowered, never below what was already sold.
// The plan starts with the quota of the unit's latest field assessment (createPlan.ts); this
// operation changes it.
import { errors } from '../../../errors.ts';
import type { WriteContext } from '../../write.ts';
import { getPlan, type QuotaLine, quotaOf } from './planRow.ts';
import { listSaleItems } from './saleItems.ts';

export type BoqLine = { item: string; unit: string; quantity: number };

export async function setQuota(ctx: WriteContext, caseId: string, lines: BoqLine[]): Promise<QuotaLine[]> {
  const plan = await getPlan(ctx.client, ctx.actor, caseId, true);
  const before = await quotaOf(ctx.client, plan.case_id);
  // a line is an item vendors can sell (the catalogue's active materials, not labour) in its unit;
  // a line the quota already holds may still be changed in its own unit
  const sellable = new Map((await listSaleItems(ctx.client)).map((i) => [i.code, i.unit as string]));
  for (const q of before) sellable.set(q.item, q.unit);
  const wrong = lines.flatMap((line, i) => {
    const unit = sellable.get(line.item);
    if (unit === undefined) return [{ field: `lines.${i}.item`, reason: 'not_allowed' as const }];
    return unit === line.unit ? [] : [{ field: `lines.${i}.unit`, reason: 'not_allowed' as const }];
  });
  if (wrong.length > 0) throw errors.validation(wrong);
  for (const line of lines) {
    const was = before.find((q) => q.item === line.item);
    if (was && line.quantity < was.sold) throw errors.quotaBelowSold(line.item);
    await ctx.client.query(
      `INSERT INTO material_quota (case_id, item, unit, quantity, created_by) VALUES ($1,$2,$3,$4,$5)
       ON CONFLICT (case_id, item) DO UPDATE SET unit = EXCLUDED.unit, quantity = EXCLUDED.quantity`,
      [plan.case_id, line.item, line.unit, line.quantity, ctx.actor.userId],
    );
  }
  const after = await quotaOf(ctx.client, plan.case_id);
  await ctx.log({
    entity: 'material_quota',
    entityId: plan.case_id,
    action: 'set',
    before: before.map((q) => ({ item: q.item, quantity: q.quantity })),
    after: after.map((q) => ({ item: q.item, quantity: q.quantity })),
  });
  return after;
}
