import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../api/app.ts';
import { hasUsers } from '../../store/access/hasUsers.ts';
import { secretsUnderOtherKeys } from '../../store/access/secondFactor.ts';
import { firstRunSteps } from '../firstRun.ts';
import { isIP } from 'node:net';
import type { Store } from '../../store/open.ts';
import { storeFromOptions, withStoreOptions } from '../options.ts';
import { wholeNumber } from '../numberOption.ts';
import { installShutdown } from '../shutdown.ts';

/** The longest one statement of a request may run (SANAD_STATEMENT_TIMEOUT_SECONDS, default 120). */
function statementTimeoutMs(): number {
  const s = Number(process.env.SANAD_STATEMENT_TIMEOUT_SECONDS);
  return (Number.isFinite(s) && s > 0 ? s : 120) * 1000;
}

const DEFAULT_WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

export function register(program: Command): void {
  withStoreOptions(program.command('serve').description('start the Sanad server (API, and the web app when built)'))
    .option('--port <port>', 'TCP port', wholeNumber(0, 65_535), 8080)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--web <dir>', 'the built web app (npm run build)', DEFAULT_WEB)
    .option(
      '--trust-proxy <addresses>',
      'comma-separated addresses or CIDR ranges of reverse proxies in front of Sanad: sign-in limits then count the address they forward (X-Forwarded-For)',
      '',
    )
    .option(
      '--wal-archive <dir>',
      'continuous WAL archiving of the embedded PostgreSQL into DIR, for sanad restore --wal-archive (docs/OPERATIONS.md)',
    )
    .action(async (opts: ServeOptions) => {
      if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) throw new Error('--port must be a number from 0 to 65535');
      const trustProxy = opts.trustProxy
        .split(',')
        .map((a) => a.trim())
        .filter((a) => a !== '');
      for (const a of trustProxy) if (!isIP(a.split('/')[0]!)) throw new Error(`--trust-proxy: "${a}" is not an IP address or CIDR range`);
      // Until the shutdown path is in place, a signal is remembered (Node's default would kill this
      // process at once and leave the embedded PostgreSQL, in its own process group, running).
      const early = rememberSignals();
      const store = await storeFromOptions(opts, {
        role: 'serve',
        acquireTimeoutMs: 10_000,
        statementTimeoutMs: statementTimeoutMs(),
        walArchive: opts.walArchive,
      }).catch((e: unknown) => {
        early.dispose();
        throw e;
      });
      const log = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify({ t: new Date().toISOString(), ...line })}\n`);
      let app: FastifyInstance | undefined;
      try {
        app = await startServing(opts, store, trustProxy, log);
      } catch (e) {
        early.dispose();
        // stop what was started (the web server, the pool, the embedded PostgreSQL) before saying why
        await app?.close().catch(() => undefined);
        await store.close({ waitMs: 2_000 });
        throw listenProblem(e, opts);
      }
      // The shutdown's listeners are added before the early ones go: a signal the process has
      // caught but not yet handed to a listener is kept only while some listener remains (with none
      // left for a moment, Node stops watching the signal: a pending one was lost, or killed the
      // process with its PostgreSQL left running).
      const stop = installShutdown(app, store, log);
      early.dispose();
      if (early.signalled()) void stop(0);
    });
}

type ServeOptions = { port: number; host: string; dataDir: string; web: string; trustProxy: string; walArchive?: string };
type Log = (line: Record<string, unknown>) => void;

/** The secret key, the app and the listening socket, on an open store. */
async function startServing(opts: ServeOptions, store: Store, trustProxy: string[], log: Log): Promise<FastifyInstance> {
  const elsewhere = store.secretKey ? await secretsUnderOtherKeys(store.pool, store.secretKey) : 0;
  if (elsewhere > 0) {
    log({
      level: 'warn',
      msg: `${elsewhere} second-factor secrets were sealed with another secret key: those users cannot sign in until the server gets that key (SANAD_SECRET_KEY or DATA/secret.key) or an administrator resets their second factor`,
    });
  }
  const web = loadWebApp(opts.web);
  const app = await buildApp({
    store,
    trustProxy,
    log,
    metricsToken: process.env.SANAD_METRICS_TOKEN || undefined,
    ...(web ? { extend: async (a: FastifyInstance) => serveWebApp(a, web) } : {}),
  });
  const firstRun = !(await hasUsers(store.pool));
  let address: string;
  try {
    address = await app.listen({ port: opts.port, host: opts.host });
  } catch (e) {
    await app.close().catch(() => undefined);
    throw e;
  }
  if (!web) log({ msg: `no web app at ${opts.web} (run npm run build); serving the API only` });
  log({
    msg: `Sanad listening on ${address}`,
    database: process.env.DATABASE_URL ? 'external' : `embedded (${opts.dataDir})`,
    ...(opts.walArchive ? { walArchive: path.resolve(opts.walArchive) } : {}),
  });
  if (firstRun) process.stdout.write(`${firstRunSteps(address, { dataDir: opts.dataDir, external: !!process.env.DATABASE_URL })}\n`);
  return app;
}

/** A port that cannot be listened on, said plainly. */
function listenProblem(e: unknown, opts: ServeOptions): Error {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE')
    return new Error(
      `cannot listen on ${opts.host}:${opts.port}: the port is in use (another Sanad or another program). Stop it or choose another --port. Sanad stopped its database and exits.`,
    );
  if (code === 'EACCES' || code === 'EADDRNOTAVAIL')
    return new Error(
      `cannot listen on ${opts.host}:${opts.port} (${code}): choose another --port or --host. Sanad stopped its database and exits.`,
    );
  return e instanceof Error ? e : new Error(String(e));
}

/** SIGINT/SIGTERM/SIGHUP during the start: remembered, acted on once the server can stop cleanly. */
function rememberSignals(): { signalled: () => boolean; dispose: () => void } {
  let got = false;
  const note = () => {
    if (!got) process.stderr.write('sanad: stopping once the start has finished (the database is starting)\n');
    got = true;
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const s of signals) process.on(s, note);
  return {
    signalled: () => got,
    dispose: () => {
      for (const s of signals) process.off(s, note);
    },
  };
}

// The web app: the files of web/dist, read once into memory (a few hundred kilobytes), gzipped
// once, served from the same origin as the API. Any other GET that is not an API path answers
// index.html (the app's own router takes it from there).
type WebFile = { body: Buffer; gzip: Buffer | null; type: string; immutable: boolean };
type WebApp = { files: Map<string, WebFile>; index: WebFile };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

function loadWebApp(dir: string): WebApp | undefined {
  if (!fs.existsSync(path.join(dir, 'index.html'))) return undefined;
  const files = new Map<string, WebFile>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile()) {
        const rel = `/${path.relative(dir, full).split(path.sep).join('/')}`;
        const body = fs.readFileSync(full);
        const type = TYPES[path.extname(e.name)] ?? 'application/octet-stream';
        const compressible = /^(text\/|application\/json|image\/svg)/.test(type) && body.length > 512;
        files.set(rel, { body, gzip: compressible ? gzipSync(body, { level: 9 }) : null, type, immutable: rel.startsWith('/assets/') });
      }
    }
  };
  walk(dir);
  return { files, index: files.get('/index.html')! };
}

const NOT_WEB = /^\/(api|openapi\.json|healthz)(\/|$|\?)/;

function serveWebApp(app: FastifyInstance, web: WebApp): void {
  // onRequest runs before the permission check, which is for API routes only: the app's files are public.
  app.addHook('onRequest', async (req, reply) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || NOT_WEB.test(req.url)) return;
    let pathname: string;
    try {
      pathname = decodeURIComponent(req.url.split('?')[0]!);
    } catch {
      return;
    }
    const file = web.files.get(pathname) ?? (pathname.startsWith('/assets/') ? undefined : web.index);
    if (!file) return; // a missing asset: the API's 404
    const gz = file.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    reply
      .header('content-type', file.type)
      .header('cache-control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
      .header('vary', 'accept-encoding')
      .header(
        'content-security-policy',
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'",
      );
    if (gz) reply.header('content-encoding', 'gzip');
    await reply.send(gz ? file.gzip : file.body);
    return reply;
  });
}
