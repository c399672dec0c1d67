// Registrations saved while offline wait here (localStorage, per organisation) with their operation
// id until the server has them. Sent by themselves: when the app starts with a session, when the
// browser comes back online, and again after a network failure (5 s, then longer, up to a minute).
// The operation id makes a second send of the same registration (an answer lost on the way back,
// two tabs) a replay that creates nothing: the household exists once. One send at a time (across
// tabs too, with the Web Locks API where there is one): the outboxes' shared loop
// (web/src/offline/sender.ts).
import { ApiError, NetworkError, type Api } from '../api/client.ts';
import { sender } from '../offline/sender.ts';
import { type FieldError, type ProblemId, problemIdOf } from '../../../src/shared/problems.ts';
import type { Me, RegistrationInputT, RegistrationViewT } from '../api/types.ts';
import type { Draft } from './draft.ts';

export type Queued = {
  operationId: string;
  orgId: string;
  /** What is sent, and the draft it was made from (a refused one goes back into the draft to be
   * corrected); both dropped once the server has the registration, so no personal data stays behind. */
  body: RegistrationInputT | null;
  draft: Draft | null;
  /** For the list: the head's name and how many members. */
  head: { fullName: string; fullNameEn: string | null } | null;
  count: number;
  queuedAt: string;
  state: 'waiting' | 'sent' | 'refused';
  /** The household the server made (sent). */
  householdId?: string;
  /** Why the server refused it (refused): the problem id and the field errors. */
  problem?: ProblemId | null;
  errors?: FieldError[];
};

const KEY = 'sanad.registration.outbox';
const listeners = new Set<(q: Queued[]) => void>();
const loop = sender({ lock: 'sanad-registration-outbox', delays: [5_000, 10_000, 30_000, 60_000], run: (api) => sendWaiting(api) });

export function queued(): Queued[] {
  try {
    const q = JSON.parse(localStorage.getItem(KEY) ?? '[]') as Queued[];
    return Array.isArray(q) ? q : [];
  } catch {
    return [];
  }
}

function store(q: Queued[]): void {
  localStorage.setItem(KEY, JSON.stringify(q));
  for (const l of listeners) l(q);
}

function update(operationId: string, patch: Partial<Queued>): void {
  store(queued().map((q) => (q.operationId === operationId ? { ...q, ...patch } : q)));
}

export function subscribe(l: (q: Queued[]) => void): () => void {
  listeners.add(l);
  l(queued());
  return () => {
    listeners.delete(l);
  };
}

/** Keeps a registration to send later; throws when the device cannot keep it (the draft then stays). */
export function enqueue(item: Omit<Queued, 'state' | 'queuedAt'>): void {
  store([...queued().filter((q) => q.operationId !== item.operationId), { ...item, state: 'waiting', queuedAt: new Date().toISOString() }]);
  loop.soon(0);
}

/** Forgets one that was sent or refused (the officer has seen it). */
export function dismiss(operationId: string): void {
  store(queued().filter((q) => q.operationId !== operationId || q.state === 'waiting'));
}

export const start = (a: Api): void => loop.start(a);
export const sendNow = (): Promise<void> => loop.now();

async function sendWaiting(api: Api | null): Promise<void> {
  const waiting = queued().filter((q) => q.state === 'waiting');
  if (!waiting.length || !api) return;
  try {
    const me = await api.get<Me>('/api/v1/me');
    for (const q of waiting.filter((w) => w.orgId === me.orgId && w.body)) await sendOne(api, q);
    loop.reset();
  } catch (e) {
    if (e instanceof NetworkError || (e instanceof ApiError && e.status >= 500)) loop.failed();
  }
}

async function sendOne(a: Api, q: Queued): Promise<void> {
  try {
    const h = await a.post<RegistrationViewT>('/api/v1/registrations', q.body, { idempotencyKey: q.operationId });
    update(q.operationId, { state: 'sent', householdId: h.id, body: null, draft: null });
  } catch (e) {
    // A refusal that sending again cannot mend: shown to the officer, who takes it back into the draft.
    if (e instanceof ApiError && e.status >= 400 && e.status < 500 && ![401, 403, 408, 429].includes(e.status)) {
      update(q.operationId, { state: 'refused', problem: problemIdOf(e.problem?.type) ?? null, errors: e.fieldErrors });
      return;
    }
    throw e;
  }
}
