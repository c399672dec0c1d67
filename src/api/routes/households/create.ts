import { errors } from '../../../errors.ts';
import { checkMemberList } from '../../../registry/household.ts';
import { readHousehold } from '../../../store/registry/households/readHousehold.ts';
import { openMembership } from '../../../store/registry/households/membership.ts';
import { write } from '../../../store/write.ts';
import { defineRoute } from '../../route.ts';
import { checkPersons } from './common.ts';
import { HouseholdInput, HouseholdView } from './schema.ts';
import { assertInGovernorates } from '../../../access/scope.ts';
import { checkDay } from '../../../registry/day.ts';
import { assertKnownGovernorate } from '../../../access/scope.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/households',
  summary: 'Register a household with its members and their relationship to the head',
  tags: ['households'],
  body: HouseholdInput,
  response: HouseholdView,
  status: 201,
  idempotent: true,
  handler: async ({ body, actor, store, operationId }) => {
    if (body.governorate !== undefined) assertKnownGovernorate(body.governorate);
    assertInGovernorates(actor, body.governorate);
    const date = checkDay(body.date);
    const bad = checkMemberList(body.members);
    if (bad.length) throw errors.validation(bad);
    const w = await write(store.pool, actor, { operationId, route: 'POST /api/v1/households', request: body }, async (ctx) => {
      await checkPersons(
        ctx.client,
        actor,
        body.members.map((m) => m.personId),
      );
      const r = await ctx.client.query<{ id: string }>(
        'INSERT INTO household (org_id, governorate, record_id) VALUES ($1,$2,$3) RETURNING id',
        [actor.orgId, body.governorate, body.recordId ?? null],
      );
      const id = r.rows[0]!.id;
      for (const m of body.members) await openMembership(ctx.client, id, m.personId, m.relationship, date);
      await ctx.log({
        entity: 'household',
        entityId: id,
        action: 'create',
        after: { governorate: body.governorate, recordId: body.recordId ?? null, date, members: body.members },
      });
      return { status: 201, body: { id } };
    });
    return { ...w, body: await readHousehold(store.pool, actor, w.body.id, date) };
  },
});
