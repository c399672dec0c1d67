// The first run: whether the store holds any account yet (the sign-in page and `sanad serve` explain
// how to create the first administrator when it does not).
import type pg from 'pg';

export async function hasUsers(db: pg.Pool | pg.PoolClient): Promise<boolean> {
  return (await db.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM app_user) AS any')).rows[0]!.any;
}
