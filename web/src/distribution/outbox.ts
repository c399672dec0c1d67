// The outbox: hand-overs recorded on the device wait in IndexedDB until the server has answered.
// It sends them to POST /api/v1/aid/sync by itself: at once after a hand-over, when the browser
// comes back online, and again after a failure (2 s, then longer, up to a minute). Each redemption
// keeps the id it was given on the device, so a batch sent twice (an answer lost on the way back,
// two tabs) is a replay that changes nothing on the server. One sync at a time (across tabs too,
// with the Web Locks API where there is one): the outboxes' shared loop (web/src/offline/sender.ts).
import { ApiError, NetworkError, type Api } from '../api/client.ts';
import type { Me } from '../api/types.ts';
import { sender } from '../offline/sender.ts';
import { addRecords, allRecords, putRecords, waitingRecords } from './db.ts';
import { applyResults, syncItem, type Recorded, type SyncResult } from './model.ts';

export type OutboxState = {
  records: Recorded[];
  syncing: boolean;
  /** When the server last answered a sync. */
  lastSync: string | null;
  /** Why the last attempt did not reach the server: offline, a server error, or no session. */
  problem: 'network' | 'server' | 'session' | null;
  /** The next automatic attempt, if one is planned. */
  nextTry: number | null;
};

const BATCH = 500;

let state: OutboxState = { records: [], syncing: false, lastSync: null, problem: null, nextTry: null };
const listeners = new Set<(s: OutboxState) => void>();
const syncedListeners = new Set<() => void>();
const loop = sender({
  lock: 'sanad-distribution-sync',
  delays: [2_000, 5_000, 10_000, 30_000, 60_000],
  run: (api) => runOnce(api),
  whenVisible: true,
  planned: (at) => set({ nextTry: at }),
});

function set(patch: Partial<OutboxState>) {
  state = { ...state, ...patch };
  for (const l of listeners) l(state);
}

export function subscribe(l: (s: OutboxState) => void): () => void {
  listeners.add(l);
  l(state);
  return () => {
    listeners.delete(l);
  };
}

/** Called after each sync the server answered (the screen then refreshes its manifest). */
export function onSynced(l: () => void): () => void {
  syncedListeners.add(l);
  return () => {
    syncedListeners.delete(l);
  };
}

export const currentState = () => state;

/** Reads the records again; a failed read keeps what was shown (the data stays where it was). */
async function reload() {
  try {
    set({ records: await allRecords() });
  } catch {
    /* IndexedDB unavailable for a moment */
  }
}

/** Starts the outbox for the signed-in session's API client (again after a new sign-in). */
export function start(a: Api): void {
  void reload();
  loop.start(a);
}

/** Keeps a hand-over (all its redemptions or none), then tries to send it. Rejects only when nothing was kept. */
export async function record(rs: Recorded[]): Promise<void> {
  await addRecords(rs);
  await reload();
  loop.soon(0);
}

/** Puts refused-by-HTTP records back in the queue (the officer's "try again"). */
export async function retryFailed(): Promise<void> {
  await putRecords(state.records.filter((r) => r.state === 'failed').map((r) => ({ ...r, state: 'waiting' as const })));
  await reload();
  loop.reset();
  loop.soon(0);
}

export const syncSoon = (ms: number): void => loop.soon(ms);
/** One sync run; a call while one runs makes it run once more afterwards. */
export const syncNow = (): Promise<void> => loop.now();

async function runOnce(api: Api | null): Promise<void> {
  let waiting: Recorded[];
  try {
    waiting = await waitingRecords();
  } catch {
    loop.failed();
    return;
  }
  if (!waiting.length || !api) {
    set({ nextTry: null, problem: waiting.length ? 'session' : null });
    return;
  }
  set({ syncing: true, nextTry: null });
  try {
    const me = await api.get<Me>('/api/v1/me');
    // Only this organisation's records: another organisation's wait for one of its officers.
    const mine = waiting.filter((r) => r.orgId === me.orgId).sort((a, b) => (a.redeemedAt < b.redeemedAt ? -1 : 1));
    const byPoint = new Map<string, Recorded[]>();
    for (const r of mine) byPoint.set(r.pointId, [...(byPoint.get(r.pointId) ?? []), r]);
    for (const [pointId, rs] of byPoint) {
      for (let i = 0; i < rs.length; i += BATCH) {
        const chunk = rs.slice(i, i + BATCH);
        const body = { batchId: crypto.randomUUID(), pointId, redemptions: chunk.map(syncItem) };
        let results: SyncResult[];
        try {
          results = (await api.post<{ results: SyncResult[] }>('/api/v1/aid/sync', body)).results;
        } catch (e) {
          // A refusal of the whole batch that a retry cannot mend (the point is gone, a bad
          // request): shown to the officer as failed, sent again only when asked.
          if (e instanceof ApiError && e.status >= 400 && e.status < 500 && ![401, 403, 408, 429].includes(e.status)) {
            await putRecords(chunk.map((r) => ({ ...r, state: 'failed' as const, reason: `http_${e.status}` })));
            continue;
          }
          throw e;
        }
        await putRecords(applyResults(chunk, results, new Date()));
      }
    }
    loop.reset();
    set({ lastSync: new Date().toISOString(), problem: null });
    await reload();
    for (const l of syncedListeners) l();
  } catch (e) {
    await reload();
    const problem =
      e instanceof NetworkError ? 'network' : e instanceof ApiError && (e.status === 401 || e.status === 403) ? 'session' : 'server';
    set({ problem });
    if (problem !== 'session') loop.failed();
    return;
  } finally {
    set({ syncing: false });
  }
}
