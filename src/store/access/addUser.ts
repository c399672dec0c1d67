// An administrator's new account in their organisation, in a write: logged without the password.
import { type NewUser, type User, userSnapshot } from '../../access/users.ts';
import type { WriteContext } from '../write.ts';
import { createUser } from './createUser.ts';
import { getUser } from './findUser.ts';

export async function addUser(ctx: WriteContext, u: NewUser): Promise<User> {
  const id = await createUser(ctx.client, { orgId: ctx.actor.orgId, ...u });
  const user = await getUser(ctx.client, ctx.actor.orgId, id); // as stored
  await ctx.log({ entity: 'user', entityId: id, action: 'create', after: userSnapshot(user) });
  return user;
}
