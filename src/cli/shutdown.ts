// How `sanad serve` stops: on SIGINT/SIGTERM within a bound even when requests are stuck, and by
// itself when the embedded PostgreSQL server it started dies (docs/decisions/0001-database-lost.md).
import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/open.ts';

type Log = (line: Record<string, unknown>) => void;

/** Seconds running requests get to finish after SIGTERM (SANAD_SHUTDOWN_SECONDS, default 10). */
export function drainMs(env: NodeJS.ProcessEnv = process.env): number {
  const s = Number(env.SANAD_SHUTDOWN_SECONDS);
  return (Number.isFinite(s) && s >= 0 ? s : 10) * 1000;
}

/** How long /healthz answers 503 after the database died, before the process exits (health checkers see it). */
export const LOST_GRACE_MS = 2_000;

function within(p: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(false), ms);
    t.unref();
    p.then(
      () => resolve(true),
      () => resolve(true),
    ).finally(() => clearTimeout(t));
  });
}

/**
 * Stops taking requests, lets running ones finish for drainMs, then cuts their connections, ends the
 * pool (at most 2 s more) and stops the embedded server (which ends stuck statements). A last timer
 * exits in any case.
 */
export function installShutdown(app: FastifyInstance, store: Store, log: Log): (code: number) => Promise<void> {
  let stopping = false;
  const drain = drainMs();
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    // Once the last bound has fired, the exit says so (status 1) whichever path reaches exit first:
    // the halt below and the orderly stop both wait for the same PostgreSQL to end.
    let forced = false;
    const exitCode = () => (forced && code === 0 ? 1 : code);
    // The last bound: never exit with the embedded PostgreSQL still running (it would outlive Sanad
    // and hold the directory): stop it at once (immediate shutdown; the next start recovers), then exit.
    setTimeout(() => {
      forced = true;
      log({ level: 'error', msg: 'shutdown did not finish in time: stopping the database at once and exiting' });
      void (store.halt?.() ?? Promise.resolve()).finally(() => process.exit(exitCode()));
    }, drain + 30_000).unref();
    const closing = app.close();
    if (!(await within(closing, drain))) {
      log({ level: 'warn', msg: `requests still running after ${drain / 1000} s: their connections are closed` });
      app.server.closeAllConnections();
      await within(closing, 2_000);
    }
    await store.close({ waitMs: 2_000 });
    log({ msg: 'Sanad stopped' });
    process.exit(exitCode());
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  process.on('SIGHUP', () => void stop(0)); // the terminal closed: its database is in another process group
  store.onLost?.((why) => {
    if (stopping) return;
    log({
      level: 'error',
      msg: `the embedded PostgreSQL server stopped (${why}): Sanad stops too. See postgres.log in the data directory, then start Sanad again (a supervisor such as systemd restarts it)`,
    });
    setTimeout(() => void stop(1), LOST_GRACE_MS);
  });
  return stop;
}
