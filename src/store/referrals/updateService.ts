// Replaces a service of the actor's own organisation, given the version read (409 otherwise).
import { errors } from '../../errors.ts';
import type { WriteContext } from '../write.ts';
import { type ServiceInput, values } from './createService.ts';
import { getOwnService, getService, type Service } from './serviceRow.ts';

export async function updateService(ctx: WriteContext, id: string, version: number, s: ServiceInput): Promise<Service> {
  const before = await getOwnService(ctx.client, ctx.actor, id);
  if (before.version !== version) throw errors.versionConflict();
  await ctx.client.query(
    `UPDATE service SET type = $2, name = $3, governorates = $4, capacity_per_month = $5, contact_office = $6, contact_phone = $7,
            active = $8, version = version + 1, updated_at = now() WHERE id = $1`,
    [id, ...values(s)],
  );
  const after = await getService(ctx.client, id);
  await ctx.log({ entity: 'service', entityId: id, action: 'update', before, after });
  return after;
}
