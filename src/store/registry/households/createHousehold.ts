import type { MemberRef } from '../../../registry/household.ts';
import type { WriteContext } from '../../write.ts';
import { lockPersons } from '../findPerson.ts';
import { openMembership } from './membership.ts';

export type NewHousehold = { governorate: string; recordId: string | null; date: string; members: MemberRef[] };

/** A household with its members (each a person in the actor's scope) from a date; the governorate is checked by the caller. */
export async function createHousehold(ctx: WriteContext, h: NewHousehold): Promise<{ id: string }> {
  await lockPersons(
    ctx.client,
    ctx.actor,
    h.members.map((m) => m.personId),
  );
  const r = await ctx.client.query<{ id: string }>(
    'INSERT INTO household (org_id, governorate, record_id) VALUES ($1,$2,$3) RETURNING id',
    [ctx.actor.orgId, h.governorate, h.recordId],
  );
  const id = r.rows[0]!.id;
  for (const m of h.members) await openMembership(ctx.client, id, m.personId, m.relationship, h.date);
  await ctx.log({ entity: 'household', entityId: id, action: 'create', after: h });
  return { id };
}
