import type { MemberRef } from '../../../registry/household.ts';
import { existingMemberMoves, type PlannedMember, type RegistrationPlan } from '../../../registry/registration.ts';
import type { WriteContext } from '../../write.ts';
import { createPerson } from '../createPerson.ts';
import { getPerson } from '../findPerson.ts';
import { changeHousehold } from './changeHousehold.ts';
import { createHousehold } from './createHousehold.ts';
import { closeMembership, currentMembers, currentMembership } from './membership.ts';

export type Registered = { id: string; persons: { personId: string; created: boolean }[] };

/** An existing member: in the actor's scope (404 otherwise), moved out of their household when the plan says so. */
async function joinExisting(ctx: WriteContext, m: Extract<PlannedMember, { kind: 'existing' }>, date: string): Promise<void> {
  await getPerson(ctx.client, ctx.actor, m.personId, { forUpdate: true });
  const current = await currentMembership(ctx.client, m.personId);
  const others = current ? (await currentMembers(ctx.client, current.householdId)).length - 1 : 0;
  if (!existingMemberMoves(m.field, current && { relationship: current.relationship, others }, m.move) || !current) return;
  await changeHousehold(ctx, { householdId: current.householdId, date, action: 'member_leave' }, async () => {
    await closeMembership(ctx.client, m.personId, date);
    return { personId: m.personId, reason: 'registered in another household' };
  });
}

/**
 * A household and all its members in the caller's one write: the new persons created (each in the
 * change log), existing persons moved when asked, then the household with its memberships. Any
 * failure (a member in another household, a record id taken) rolls back all of it.
 */
export async function registerHousehold(ctx: WriteContext, plan: RegistrationPlan): Promise<Registered> {
  const members: MemberRef[] = [];
  const persons: Registered['persons'] = [];
  for (const m of plan.members) {
    if (m.kind === 'new') {
      const p = await createPerson(ctx, m.record);
      members.push({ personId: p.id, relationship: m.relationship });
      persons.push({ personId: p.id, created: true });
    } else {
      await joinExisting(ctx, m, plan.date);
      members.push({ personId: m.personId, relationship: m.relationship });
      persons.push({ personId: m.personId, created: false });
    }
  }
  const { id } = await createHousehold(ctx, { governorate: plan.governorate, recordId: plan.recordId, date: plan.date, members });
  return { id, persons };
}
