// Approves a vendor: an organisation selling materials in a governorate, signed in through an
// account of the role vendor in the same organisation (one vendor per account).
import { errors } from '../../../errors.ts';
import type { WriteContext } from '../../write.ts';

export type VendorInput = { userId: string; organisation: string; governorate: string };
export type Vendor = { id: string; userId: string; organisation: string; governorate: string; createdAt: string };

export async function approveVendor(ctx: WriteContext, input: VendorInput): Promise<Vendor> {
  const u = await ctx.client.query<{ role: string }>('SELECT role FROM app_user WHERE id = $1 AND org_id = $2', [
    input.userId,
    ctx.actor.orgId,
  ]);
  if (!u.rows[0]) throw errors.validation([{ field: 'userId', reason: 'not_allowed' }]);
  if (u.rows[0].role !== 'vendor') throw errors.validation([{ field: 'userId', reason: 'not_allowed' }]);
  const r = await ctx.client.query<{ id: string; created_at: Date }>(
    `INSERT INTO vendor (org_id, organisation, governorate, user_id, approved_by) VALUES ($1,$2,$3,$4,$5)
     ON CONFLICT (user_id) DO NOTHING RETURNING id, created_at`,
    [ctx.actor.orgId, input.organisation, input.governorate, input.userId, ctx.actor.userId],
  );
  if (!r.rows[0]) throw errors.validation([{ field: 'userId', reason: 'taken' }]);
  const v = { id: r.rows[0].id, ...input, createdAt: r.rows[0].created_at.toISOString() };
  await ctx.log({
    entity: 'vendor',
    entityId: v.id,
    action: 'create',
    after: { organisation: v.organisation, governorate: v.governorate },
  });
  return v;
}
