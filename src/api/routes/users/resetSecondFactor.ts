import { assertNotSelf } from '../../../access/users.ts';
import { getUser } from '../../../store/access/findUser.ts';
import { resetSecondFactor } from '../../../store/access/resetSecondFactor.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { SecondFactorResetView } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/users/:id/second-factor/reset',
  summary:
    "Reset a user's second factor (lost or replaced phone): removes the secret and recovery codes, lifts a pause after wrong codes and ends the user's sessions; they enrol again at their next sign-in. Not your own: ask another administrator",
  tags: ['users'],
  params: IdParams,
  response: SecondFactorResetView,
  handler: async ({ params, actor, write }) =>
    write(async (ctx) => {
      await getUser(ctx.client, actor.orgId, params.id);
      assertNotSelf(actor, params.id);
      return { status: 200, body: await resetSecondFactor(ctx, params.id) };
    }),
});
