import { assertManageable, assertNotOwnAccount, assertSession } from '../../../access/users.ts';
import { getUserForUpdate } from '../../../store/access/findUser.ts';
import { setUserDisabled } from '../../../store/access/setUserDisabled.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { DisableView } from './schema.ts';
import { userView } from './view.ts';

/** Disabling and enabling an account are one operation with the flag in the path. */
function setDisabledRoute(disabled: boolean, summary: string) {
  return defineRoute({
    method: 'POST',
    url: `/api/v1/users/:id/${disabled ? 'disable' : 'enable'}`,
    summary,
    tags: ['users'],
    params: IdParams,
    response: DisableView,
    handler: async ({ params, actor, write }) => {
      assertSession(actor); // a machine's API token administers nothing
      return write(async (ctx) => {
        const u = await getUserForUpdate(ctx.client, actor.orgId, params.id);
        assertManageable(actor, u);
        assertNotOwnAccount(actor, u.id);
        const out = await setUserDisabled(ctx, u, disabled);
        return { status: 200, body: { ...out, user: userView(out.user) } };
      });
    },
  });
}

export const disableUser = setDisabledRoute(
  true,
  'Disable an account: its sessions end and its API tokens are revoked in the same moment; it can no longer sign in. Not your own (409 own_account)',
);
export const enableUser = setDisabledRoute(
  false,
  'Enable a disabled account again: the person signs in again, a machine needs new tokens (none come back)',
);
