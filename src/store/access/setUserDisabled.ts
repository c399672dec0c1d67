// Disabling an account ends its sessions and revokes its API tokens in the same transaction, so
// nothing it holds works a moment longer; enabling it again gives back neither (the person signs
// in again; a machine gets new tokens). Logged with the counts, under the administrator.
import type { User } from '../../access/users.ts';
import type { WriteContext } from '../write.ts';
import { getUserForUpdate } from './findUser.ts';
import { endSessions, revokeTokens } from './revokeCredentials.ts';

export type DisableOutcome = { user: User; sessionsEnded: number; tokensRevoked: number };

export async function setUserDisabled(
  ctx: Pick<WriteContext, 'client' | 'log' | 'actor'>,
  target: User,
  disabled: boolean,
): Promise<DisableOutcome> {
  const c = ctx.client;
  await c.query('UPDATE app_user SET disabled = $2 WHERE id = $1', [target.id, disabled]);
  const sessionsEnded = disabled ? await endSessions(c, target.id) : 0;
  const tokensRevoked = disabled ? await revokeTokens(c, target.id) : 0;
  const user = await getUserForUpdate(c, ctx.actor.orgId, target.id);
  await ctx.log({
    entity: 'user',
    entityId: target.id,
    action: disabled ? 'disable' : 'enable',
    before: { disabled: target.disabled },
    after: disabled ? { disabled, sessionsEnded, tokensRevoked } : { disabled },
  });
  return { user, sessionsEnded, tokensRevoked };
}
