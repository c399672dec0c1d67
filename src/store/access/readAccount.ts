// The signed-in account as GET /me shows it: its username and organisation, and the state of its second factor.
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { secondFactorState } from './secondFactor.ts';

export type Account = {
  username: string | null;
  organisation: string | null;
  secondFactor: boolean;
  recoveryCodesLeft: number;
  passwordTemporary: boolean;
};

export async function readAccount(db: pg.Pool | pg.PoolClient, actor: Pick<Actor, 'userId' | 'orgId'>): Promise<Account> {
  if (!actor.userId) return { username: null, organisation: null, secondFactor: false, recoveryCodesLeft: 0, passwordTemporary: false };
  const r = await db.query<{ username: string; organisation: string; password_temporary: boolean }>(
    'SELECT u.username, u.password_temporary, o.name AS organisation FROM app_user u JOIN organisation o ON o.id = u.org_id WHERE u.id = $1',
    [actor.userId],
  );
  const state = await secondFactorState(db, actor.userId);
  return {
    username: r.rows[0]?.username ?? null,
    organisation: r.rows[0]?.organisation ?? null,
    secondFactor: state.enrolled,
    recoveryCodesLeft: state.recoveryCodesLeft,
    passwordTemporary: r.rows[0]?.password_temporary ?? false,
  };
}
