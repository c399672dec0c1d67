// A new account in the actor's organisation, in a write: logged without the password. A person's
// password set by an administrator is temporary (they choose their own at the first sign-in); the
// first administrator's, typed at the server with `sanad user add`, is their own.
import { type NewUser, type User, userSnapshot } from '../../access/users.ts';
import type { WriteContext } from '../write.ts';
import { createUser } from './createUser.ts';
import { getUser } from './findUser.ts';

export async function addUser(
  ctx: Pick<WriteContext, 'client' | 'log' | 'actor'>,
  u: NewUser,
  opts: { temporary?: boolean; orgId?: string } = {},
): Promise<User> {
  const orgId = opts.orgId ?? ctx.actor.orgId;
  const id = await createUser(ctx.client, { orgId, ...u, temporary: opts.temporary ?? true });
  const user = await getUser(ctx.client, orgId, id); // as stored
  await ctx.log({
    entity: 'user',
    entityId: id,
    action: 'create',
    after: { ...userSnapshot(user), passwordTemporary: user.passwordTemporary },
  });
  return user;
}
