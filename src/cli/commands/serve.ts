import type { Command } from 'commander';
import { buildApp } from '../../api/app.ts';
import { storeFromOptions, withStoreOptions } from '../options.ts';

export function register(program: Command): void {
  withStoreOptions(program.command('serve').description('start the Sanad server (API, and the web app when built)'))
    .option('--port <port>', 'TCP port', (v) => Number(v), 8080)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .action(async (opts: { port: number; host: string; dataDir: string }) => {
      if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) throw new Error('--port must be a number from 0 to 65535');
      const store = await storeFromOptions(opts);
      const app = await buildApp({ store, log: (line) => process.stdout.write(JSON.stringify({ t: new Date().toISOString(), ...line }) + '\n') });
      const address = await app.listen({ port: opts.port, host: opts.host });
      process.stdout.write(JSON.stringify({ t: new Date().toISOString(), msg: `Sanad listening on ${address}`, database: process.env.DATABASE_URL ? 'external' : `embedded (${opts.dataDir})` }) + '\n');
      let stopping = false;
      const stop = async () => {
        if (stopping) return;
        stopping = true;
        await app.close();
        await store.close();
        process.exit(0);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
}
