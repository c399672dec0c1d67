// Changing an account's role and governorates. They apply to the next request at once (every
// request reads the account's role and governorates afresh: authenticate.ts). Logged before/after.
import type { Role } from '../../access/roles.ts';
import type { User } from '../../access/users.ts';
import type { WriteContext } from '../write.ts';
import { getUserForUpdate } from './findUser.ts';

export async function updateUserAccess(
  ctx: Pick<WriteContext, 'client' | 'log' | 'actor'>,
  target: User,
  change: { role: Role; governorates: readonly string[] },
): Promise<User> {
  await ctx.client.query('UPDATE app_user SET role = $2, governorates = $3 WHERE id = $1', [
    target.id,
    change.role,
    [...change.governorates],
  ]);
  const user = await getUserForUpdate(ctx.client, ctx.actor.orgId, target.id);
  await ctx.log({
    entity: 'user',
    entityId: target.id,
    action: 'access_change',
    before: { role: target.role, governorates: target.governorates },
    after: { role: user.role, governorates: user.governorates },
  });
  return user;
}
