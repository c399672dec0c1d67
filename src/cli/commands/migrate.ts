import type { Command } from 'commander';
import { storeFromOptions, withStoreOptions } from '../options.ts';

/**
 * `sanad migrate`: the migrations and the application role's grants, as the owner, then exit. For an
 * external database whose server should never hold the owner's password: run it with
 * DATABASE_OWNER_URL (the owner) and DATABASE_URL (the server's role) at each upgrade, then start
 * `sanad serve` with DATABASE_URL alone (docs/decisions/0024-database-roles.md). Embedded: the same
 * as the start of `sanad serve`. Acts for no one (the operator of the machine).
 */
export function register(program: Command): void {
  withStoreOptions(
    program
      .command('migrate')
      .description("apply the migrations and grant the server's role what it needs, as the database owner (DATABASE_OWNER_URL), then exit"),
  ).action(async (o: { dataDir?: string }) => {
    const store = await storeFromOptions(o);
    try {
      const n = (await store.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migration')).rows[0]?.n ?? 0;
      const role = (await store.pool.query<{ u: string }>('SELECT current_user AS u')).rows[0]?.u;
      process.stdout.write(`database up to date (${n} migrations); the server connects as ${role}\n`);
    } finally {
      await store.close();
    }
  });
}
