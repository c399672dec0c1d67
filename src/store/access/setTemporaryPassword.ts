// An administrator sets a new temporary password for a person (a forgotten password): the person's
// sessions end and they choose their own password at the next sign-in, before anything else. The
// second factor stays: the temporary password alone opens nothing. Logged without the password.
import { hashPassword } from '../../access/secrets.ts';
import type { WriteContext } from '../write.ts';
import { endSessions } from './revokeCredentials.ts';

export async function setTemporaryPassword(
  ctx: Pick<WriteContext, 'client' | 'log'>,
  userId: string,
  password: string,
): Promise<{ sessionsEnded: number }> {
  const hash = await hashPassword(password);
  await ctx.client.query('UPDATE app_user SET password_hash = $2, password_temporary = true WHERE id = $1', [userId, hash]);
  const sessionsEnded = await endSessions(ctx.client, userId);
  await ctx.log({ entity: 'user', entityId: userId, action: 'temporary_password', after: { sessionsEnded } });
  return { sessionsEnded };
}
