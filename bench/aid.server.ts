// The API server for the aid benchmark, in processes of its own (so the load generator does not
// share their event loops): DATABASE_URL names the benchmark's database; AID_WORKERS processes (default 1)
// share one port, as behind a load balancer.
// Prints {"address": ...} when every worker listens.
import cluster from 'node:cluster';
import { buildApp } from '../src/api/app.ts';
import { openStore } from '../src/store/open.ts';

const WORKERS = Number(process.env.AID_WORKERS ?? 1);

if (cluster.isPrimary && WORKERS > 1) {
  let ready = 0;
  // Workers run this file through bin/run.js (TypeScript, no build step).
  cluster.setupPrimary({ exec: new URL('../bin/run.js', import.meta.url).pathname, args: [new URL(import.meta.url).pathname] });
  for (let i = 0; i < WORKERS; i++) cluster.fork();
  cluster.on('message', (_w, msg: { address?: string }) => {
    if (msg.address && ++ready === WORKERS) process.stdout.write(`${JSON.stringify({ address: msg.address })}\n`);
  });
  const stop = () => {
    for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  cluster.on('exit', () => {
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
  });
} else {
  const store = await openStore({ databaseUrl: process.env.DATABASE_URL!, max: 10 });
  const app = await buildApp({ store });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  if (process.send) process.send({ address });
  else process.stdout.write(`${JSON.stringify({ address })}\n`);
  const stop = async () => {
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
