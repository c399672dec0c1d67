// Adds a service of the actor's organisation to the directory.
import type { ServiceType } from '../../shared/referrals.ts';
import type { WriteContext } from '../write.ts';
import { getService, type Service } from './serviceRow.ts';

export type ServiceInput = {
  type: ServiceType;
  name: string;
  governorates: string[];
  capacityPerMonth: number | null;
  contactOffice: string;
  contactPhone: string | null;
  active: boolean;
};

export const values = (s: ServiceInput) => [s.type, s.name, s.governorates, s.capacityPerMonth, s.contactOffice, s.contactPhone, s.active];

export async function createService(ctx: WriteContext, s: ServiceInput): Promise<Service> {
  const r = await ctx.client.query<{ id: string }>(
    `INSERT INTO service (org_id, type, name, governorates, capacity_per_month, contact_office, contact_phone, active)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [ctx.actor.orgId, ...values(s)],
  );
  const after = await getService(ctx.client, r.rows[0]!.id);
  await ctx.log({ entity: 'service', entityId: after.id, action: 'create', after });
  return after;
}
