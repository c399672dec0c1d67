// The API server for the aid benchmark, in its own process (so the load generator does not share
// its event loop): DATABASE_URL names the benchmark's database. Prints {"address": ...} when ready.
import { buildApp } from '../src/api/app.ts';
import { openStore } from '../src/store/open.ts';

const store = await openStore({ databaseUrl: process.env.DATABASE_URL!, max: 20 });
const app = await buildApp({ store });
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(JSON.stringify({ address }) + '\n');
const stop = async () => {
  await app.close();
  await store.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
