import { planHeadChange } from '../../../registry/household.ts';
import type { Relationship } from '../../../registry/vocabulary.ts';
import type { WriteContext } from '../../write.ts';
import { changeHousehold } from './changeHousehold.ts';
import { closeMembership, currentMembers, openMembership, recordHouseholdEvent } from './membership.ts';

export type HeadChange = {
  personId: string;
  date: string;
  previousHead: 'stays' | 'leaves';
  previousHeadRelationship: Relationship;
  reason?: string | undefined;
};

/** A current member becomes the head; the previous head stays with a new relationship, or leaves. */
export async function changeHead(ctx: WriteContext, householdId: string, c: HeadChange): Promise<{ id: string }> {
  return changeHousehold(ctx, { householdId, date: c.date, action: 'head_change', reason: c.reason }, async () => {
    const plan = planHeadChange(await currentMembers(ctx.client, householdId), c);
    for (const personId of plan.close) await closeMembership(ctx.client, personId, c.date);
    for (const m of plan.open) await openMembership(ctx.client, householdId, m.personId, m.relationship, c.date);
    await recordHouseholdEvent(ctx.client, { kind: 'head_change', householdId, date: c.date });
    return { newHead: plan.newHead, previousHead: plan.previousHead, previousHeadStays: plan.previousHeadStays };
  });
}
