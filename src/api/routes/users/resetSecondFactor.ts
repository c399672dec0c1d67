import { assertManageable, assertNotSelf, assertPerson, assertSession } from '../../../access/users.ts';
import { getUserForUpdate } from '../../../store/access/findUser.ts';
import { resetSecondFactor } from '../../../store/access/resetSecondFactor.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { SecondFactorResetView } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/users/:id/second-factor/reset',
  summary:
    "Reset a person's second factor (lost or replaced phone): removes the secret and recovery codes, lifts a pause after wrong codes, ends the person's sessions and revokes any API token of the account; they enrol again at their next sign-in. Only accounts whose governorates lie within yours (404 otherwise); not your own (ask another administrator); not a machine account (409 machine_account)",
  tags: ['users'],
  params: IdParams,
  response: SecondFactorResetView,
  handler: async ({ params, actor, write }) => {
    assertSession(actor); // a machine's API token administers nothing
    return write(async (ctx) => {
      const u = await getUserForUpdate(ctx.client, actor.orgId, params.id);
      assertManageable(actor, u);
      assertNotSelf(actor, params.id);
      assertPerson(u);
      return { status: 200, body: await resetSecondFactor(ctx, params.id) };
    });
  },
});
