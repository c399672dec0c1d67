// A vendor's sale against a case's quota, online or synced from the vendor's phone: the device's id
// is the key, so the same sale sent twice applies once (the second answer says it was a replay). The
// quota line is locked while the sale is weighed, so two sales racing for the last units queue and
// the one beyond what remains is refused, naming the item and what remains.
import { errors } from '../../../errors.ts';
import { saleFits } from '../../../reconstruction/tranches.ts';
import type { WriteContext } from '../../write.ts';

export type SaleInput = { id: string; code: string; item: string; quantity: number; soldAt: string };
export type Sale = { id: string; code: string; item: string; quantity: number; soldAt: string; replayed: boolean; remaining: number };

async function vendorOf(ctx: WriteContext): Promise<string> {
  const v = await ctx.client.query<{ id: string }>('SELECT id FROM vendor WHERE user_id = $1 AND org_id = $2', [
    ctx.actor.userId,
    ctx.actor.orgId,
  ]);
  if (!v.rows[0]) throw errors.vendorNotApproved();
  return v.rows[0].id;
}

export async function recordSale(ctx: WriteContext, input: SaleInput): Promise<Sale> {
  const vendorId = await vendorOf(ctx);
  const plan = await ctx.client.query<{ case_id: string }>('SELECT case_id FROM reconstruction_plan WHERE code = $1 AND org_id = $2', [
    input.code,
    ctx.actor.orgId,
  ]);
  if (!plan.rows[0]) throw errors.notFound('plan');
  const caseId = plan.rows[0].case_id;
  const quota = await ctx.client.query<{ quantity: string }>(
    'SELECT quantity FROM material_quota WHERE case_id = $1 AND item = $2 FOR UPDATE',
    [caseId, input.item],
  );
  const sold = async () =>
    Number(
      (
        await ctx.client.query<{ n: string }>(
          'SELECT COALESCE(sum(quantity), 0) AS n FROM material_sale WHERE case_id = $1 AND item = $2',
          [caseId, input.item],
        )
      ).rows[0]!.n,
    );
  const prior = await ctx.client.query<{ vendor_id: string; case_id: string; item: string; quantity: string }>(
    'SELECT vendor_id, case_id, item, quantity FROM material_sale WHERE id = $1',
    [input.id],
  );
  const p = prior.rows[0];
  if (p) {
    if (p.vendor_id !== vendorId || p.case_id !== caseId || p.item !== input.item || Number(p.quantity) !== input.quantity)
      throw errors.saleIdReused();
    const q = Number(quota.rows[0]?.quantity ?? 0);
    return { ...input, replayed: true, remaining: saleFits(q, await sold(), 0).remaining };
  }
  const q = quota.rows[0] ? Number(quota.rows[0].quantity) : 0;
  const fit = saleFits(q, await sold(), input.quantity);
  if (!quota.rows[0] || !fit.fits) throw errors.saleBeyondQuota(input.item, fit.remaining);
  const r = await ctx.client.query(
    `INSERT INTO material_sale (id, vendor_id, case_id, item, quantity, sold_at) VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT (id) DO NOTHING`,
    [input.id, vendorId, caseId, input.item, input.quantity, input.soldAt],
  );
  if (!r.rowCount) throw errors.saleIdReused();
  await ctx.log({
    entity: 'material_sale',
    entityId: input.id,
    action: 'create',
    after: { caseId, item: input.item, quantity: input.quantity },
  });
  return { ...input, replayed: false, remaining: Math.round((fit.remaining - input.quantity) * 1000) / 1000 };
}
