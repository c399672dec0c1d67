// The sender loop every outbox on the device shares (hand-overs, registrations, field
// assessments). Started with the session's API client, it sends at once, when the browser comes
// back online (and, when asked, when the page is shown again), and after a failure again later on a
// growing delay. One run at a time, across tabs too (Web Locks, where the browser has them); a call
// while a run is going makes it run once more afterwards, so what was saved meanwhile goes too.
import type { Api } from '../api/client.ts';

export type SenderOptions = {
  /** The Web Lock's name: one run of this outbox at a time across tabs. */
  lock: string;
  /** The delays after the first, second ... failure; the last repeats. */
  delays: readonly number[];
  /** One run: sends what waits with the current client (null before sign-in). */
  run: (api: Api | null) => Promise<void>;
  /** Send again when the page is shown again. */
  whenVisible?: boolean;
  /** Told each time an attempt is planned (its time). */
  planned?: (at: number) => void;
};

export type Sender = {
  /** Starts (again after a new sign-in) with this client, and sends at once. */
  start(a: Api): void;
  /** Sends after `ms`, replacing any attempt planned. */
  soon(ms: number): void;
  /** Sends now (or once more after the run that is going). */
  now(): Promise<void>;
  /** The run failed in a way a later one may mend: tries again after the next delay. */
  failed(): void;
  /** The run reached the server (or someone asked to try again): the delays start over. */
  reset(): void;
};

export function sender(o: SenderOptions): Sender {
  let api: Api | null = null;
  let started = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | null = null;
  let again = false;

  function soon(ms: number): void {
    clearTimeout(timer);
    o.planned?.(Date.now() + ms);
    timer = setTimeout(() => void now(), ms);
  }

  function now(): Promise<void> {
    clearTimeout(timer);
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          const locks = (navigator as Navigator & { locks?: LockManager }).locks;
          if (locks) await locks.request(o.lock, () => o.run(api));
          else await o.run(api);
        } while (again);
      } finally {
        running = null;
      }
    })();
    return running;
  }

  function start(a: Api): void {
    api = a;
    if (!started) {
      started = true;
      addEventListener('online', () => {
        failures = 0;
        soon(0);
      });
      if (o.whenVisible)
        document.addEventListener('visibilitychange', () => {
          if (document.visibilityState === 'visible') soon(0);
        });
    }
    failures = 0;
    soon(0);
  }

  return {
    start,
    soon,
    now,
    failed: () => soon(o.delays[Math.min(failures++, o.delays.length - 1)]!),
    reset: () => {
      failures = 0;
    },
  };
}
