// The field outbox: assessments saved on the engineer's phone wait in IndexedDB and go to the
// server by themselves: at once after saving, when the browser comes back online, and again after
// a failure (3 s, then longer, up to a minute). Exactly once: the assessment's id and each photo's
// id were made on the device, so a resend (an answer lost on the way back, two tabs, a retry after
// a crash between the assessment and its photos) records nothing new on the server. The assessment
// goes first, then its photos one by one. One sync at a time (across tabs too, with Web Locks):
// the loop is the outboxes' shared one (web/src/offline/sender.ts).
import { ApiError, NetworkError, type Api } from '../api/client.ts';
import type { Me } from '../api/types.ts';
import { problemIdOf } from '../../../src/shared/problems.ts';
import { sender } from '../offline/sender.ts';
import { allItems, deleteItem, putItem, type QueuedAssessment, type QueuedPhoto } from './db.ts';

export type FieldOutboxState = { items: QueuedAssessment[]; syncing: boolean; problem: 'network' | 'server' | null };

let state: FieldOutboxState = { items: [], syncing: false, problem: null };
const listeners = new Set<(s: FieldOutboxState) => void>();
const loop = sender({
  lock: 'sanad-field-outbox',
  delays: [3_000, 10_000, 30_000, 60_000],
  run: async (api) => {
    set({ syncing: true });
    try {
      await sendWaiting(api);
    } finally {
      set({ syncing: false });
      await refresh();
    }
  },
});

function set(patch: Partial<FieldOutboxState>) {
  state = { ...state, ...patch };
  for (const l of listeners) l(state);
}

const byQueued = (a: QueuedAssessment, b: QueuedAssessment) => (a.queuedAt < b.queuedAt ? 1 : -1);
async function refresh(): Promise<void> {
  set({ items: (await allItems()).sort(byQueued) });
}

export function subscribe(l: (s: FieldOutboxState) => void): () => void {
  listeners.add(l);
  l(state);
  void refresh();
  return () => {
    listeners.delete(l);
  };
}

/** Keeps an assessment (with its photos) on the device, durably, then tries to send it. */
export async function enqueue(q: Omit<QueuedAssessment, 'state' | 'queuedAt' | 'recorded'>): Promise<void> {
  await putItem({ ...q, recorded: false, state: 'waiting', queuedAt: new Date().toISOString() });
  await refresh();
  loop.soon(0);
}

/** Forgets one that was sent or refused (the engineer has seen it). */
export async function dismiss(id: string): Promise<void> {
  const item = state.items.find((i) => i.id === id);
  if (item && item.state !== 'waiting') await deleteItem(id);
  await refresh();
}

export const start = (a: Api): void => loop.start(a);
export const sendNow = (): Promise<void> => loop.now();

async function sendWaiting(api: Api | null): Promise<void> {
  const waiting = (await allItems()).filter((q) => q.state === 'waiting').sort((a, b) => (a.queuedAt < b.queuedAt ? -1 : 1));
  if (!waiting.length || !api) return;
  try {
    const me = await api.get<Me>('/api/v1/me');
    for (const q of waiting.filter((w) => w.orgId === me.orgId)) {
      await sendOne(api, q);
      await refresh();
    }
    loop.reset();
    set({ problem: null });
  } catch (e) {
    const network = e instanceof NetworkError;
    if (network || (e instanceof ApiError && e.status >= 500)) {
      set({ problem: network ? 'network' : 'server' });
      loop.failed();
    }
  }
}

/** A refusal that sending again cannot mend (not a session or rate problem). */
const final = (e: unknown): e is ApiError =>
  e instanceof ApiError && e.status >= 400 && e.status < 500 && ![401, 403, 408, 429].includes(e.status);

/** Sends one photo: sent, or refused for a reason of its own (the assessment stands without it). */
async function sendPhoto(a: Api, assessmentId: string, p: QueuedPhoto): Promise<Partial<QueuedPhoto>> {
  const where = p.lon !== null && p.lat !== null ? `&lon=${p.lon.toFixed(6)}&lat=${p.lat.toFixed(6)}` : '';
  try {
    await a.upload(
      `/api/v1/reconstruction/field-assessments/${assessmentId}/photos?photoId=${p.photoId}&takenAt=${encodeURIComponent(p.takenAt)}${where}`,
      p.blob as Blob,
      p.type,
    );
    return { sent: true };
  } catch (e) {
    if (!final(e)) throw e;
    return { sent: false, problem: problemIdOf(e.problem?.type) ?? null };
  }
}

async function sendOne(a: Api, q: QueuedAssessment): Promise<void> {
  let item = q;
  try {
    if (!item.recorded) {
      await a.post('/api/v1/reconstruction/field-assessments', item.body);
      item = { ...item, recorded: true };
      await putItem(item);
    }
    for (const p of item.photos) {
      if (p.sent || !p.blob) continue;
      const patch = await sendPhoto(a, item.id, p);
      item = { ...item, photos: item.photos.map((x) => (x.photoId === p.photoId ? { ...x, ...patch, blob: null } : x)) };
      await putItem(item);
    }
    await putItem({ ...item, state: 'sent', sentAt: new Date().toISOString() });
  } catch (e) {
    if (!final(e)) throw e;
    await putItem({ ...item, state: 'refused', problem: problemIdOf(e.problem?.type) ?? null });
  }
}
