// A fresh, migrated database for a test file (or a test): cloned from the template in milliseconds.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { chainKeyOf, chainKeyOption } from '../../src/access/chainKey.ts';
import { secretKeyOf } from '../../src/access/secretBox.ts';
import { withDatabase } from '../../src/store/embedded.ts';
import { closeLeakedTransactions, leakedTransactions } from '../../src/store/leakedTransactions.ts';
import '../../src/store/open.ts'; // type parsers (dates as strings, bigint as number)

/**
 * `pool` and `url` connect as the application's role (owns nothing, INSERT and SELECT only on the
 * change log), as the server does; `owner` is the owner's pool, for what only the owner may do (a
 * test that tampers with the change log). Both carry the run's chain key.
 */
export type TestDb = { pool: pg.Pool; owner: pg.Pool; url: string; ownerUrl: string; name: string; drop: () => Promise<void> };

/** The run's secret key (globalSetup), also given to the `sanad` commands tests start. */
export const testSecretKey = () => secretKeyOf(Buffer.from(inject('secretKey'), 'base64'));
process.env.SANAD_SECRET_KEY = inject('secretKey');

export async function freshDb(): Promise<TestDb> {
  const adminUrl = inject('pgAdminUrl');
  const template = inject('pgTemplate');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  // CREATE DATABASE ... TEMPLATE needs the template to have no other sessions; retry briefly if another file is cloning.
  for (let i = 0; ; i++) {
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      break;
    } catch (e) {
      if (i > 50) throw e;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
    }
  }
  await admin.end();
  const url = withDatabase(inject('pgAppUrl'), name);
  const ownerUrl = withDatabase(adminUrl, name);
  const options = chainKeyOption(chainKeyOf(testSecretKey()));
  const pool = new pg.Pool({ connectionString: url, max: 10, options });
  const owner = new pg.Pool({ connectionString: ownerUrl, max: 2, options });
  // DROP DATABASE ... WITH (FORCE) ends connections that are still closing; that is expected here.
  pool.on('error', () => undefined);
  owner.on('error', () => undefined);
  closeLeakedTransactions(pool);
  return {
    pool,
    owner,
    url,
    ownerUrl,
    name,
    drop: async () => {
      // every test file checks that none of its connections came back inside a transaction
      const leaked = leakedTransactions(pool);
      await pool.end();
      await owner.end();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
      if (leaked > 0)
        throw new Error(`${leaked} pooled connection(s) came back inside a transaction (see the SANAD_LEAKED_TRANSACTION warnings)`);
    },
  };
}
