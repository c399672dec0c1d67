import { errors } from '../../../errors.ts';
import { checkMemberList } from '../../../registry/household.ts';
import { closeMembership, openMembership } from '../../../store/registry/households/membership.ts';
import { defineRoute } from '../../route.ts';
import { changeHousehold } from './respond.ts';
import { HouseholdId, HouseholdView, Split } from './schema.ts';
import { assertInGovernorates } from '../../../access/scope.ts';
import { checkDay } from '../../../registry/day.ts';
import { assertKnownGovernorate } from '../../../access/scope.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/households/:id/split',
  summary:
    'Split: some current members form a new household from a date (the answer is the original household; the new id is in its history)',
  tags: ['households'],
  params: HouseholdId,
  body: Split,
  response: HouseholdView,
  idempotent: true,
  handler: async ({ params, body, actor, store, operationId }) => {
    const date = checkDay(body.date);
    if (body.governorate !== undefined) assertKnownGovernorate(body.governorate);
    const bad = checkMemberList(body.members);
    if (bad.length) throw errors.validation(bad);
    return changeHousehold(
      {
        store,
        actor,
        operationId,
        route: `POST /api/v1/households/${params.id}/split`,
        request: body,
        householdId: params.id,
        date,
        action: 'split',
      },
      async (ctx) => {
        const cur = await ctx.client.query<{ person_id: string; relationship: string; governorate: string }>(
          'SELECT m.person_id, m.relationship, h.governorate FROM household_member m JOIN household h ON h.id = m.household_id WHERE m.household_id = $1 AND m.valid_to IS NULL',
          [params.id],
        );
        const current = new Map(cur.rows.map((m) => [m.person_id, m.relationship]));
        for (const m of body.members) {
          if (!current.has(m.personId))
            throw errors.validation([{ field: 'members', reason: 'must all be current members of this household' }]);
          if (current.get(m.personId) === 'head') throw errors.headCannotLeave();
        }
        if (body.members.length >= current.size)
          throw errors.validation([{ field: 'members', reason: 'must leave at least the head behind' }]);
        const governorate = body.governorate ?? cur.rows[0]!.governorate;
        assertInGovernorates(actor, governorate);
        const r = await ctx.client.query<{ id: string }>('INSERT INTO household (org_id, governorate) VALUES ($1,$2) RETURNING id', [
          actor.orgId,
          governorate,
        ]);
        const newId = r.rows[0]!.id;
        for (const m of body.members) {
          await closeMembership(ctx.client, m.personId, date);
          await openMembership(ctx.client, newId, m.personId, m.relationship, date);
        }
        await ctx.client.query("INSERT INTO household_event (kind, household_id, other_id, event_date) VALUES ('split', $1, $2, $3)", [
          params.id,
          newId,
          date,
        ]);
        await ctx.log({
          entity: 'household',
          entityId: newId,
          action: 'create_by_split',
          after: { from: params.id, date, governorate, members: body.members },
        });
        return { newHouseholdId: newId, members: body.members };
      },
    );
  },
});
