// A vendor's sales on the phone, in IndexedDB, as the distribution point keeps its hand-overs: each
// sale gets its id on the device when it is recorded, waits in the outbox (surviving reloads and
// power cuts) and is sent with that id, so a sale sent twice (a lost answer, a second tab) applies
// once. An answer is final: applied (with what remains) or refused (the problem, e.g. beyond the
// quota, with what remains); a failed connection leaves the sale waiting. No personal data: a case
// code, an item and a quantity. The database is opened as the other outboxes' (web/src/offline/idb.ts).
import { type Api, ApiError, NetworkError } from '../../api/client.ts';
import { done, indexedDb } from '../../offline/idb.ts';
import type { SaleT } from './tranchesTypes.ts';

export type LocalSale = {
  id: string;
  code: string;
  item: string;
  quantity: number;
  soldAt: string;
  state: 'waiting' | 'applied' | 'refused';
  remaining?: number;
  problem?: string;
};

const NAME = 'sanad-sales';
const { store } = indexedDb(NAME, 1, (db) => db.createObjectStore('sales', { keyPath: 'id' }));

export const allSales = async (): Promise<LocalSale[]> =>
  ((await store('sales', 'readonly', (s) => done(s.getAll()))) as LocalSale[]).sort((a, b) => b.soldAt.localeCompare(a.soldAt));
const put = (sale: LocalSale) => store('sales', 'readwrite', (s) => done(s.put(sale)));

/** Keeps a new sale in the outbox (durably) before anything is sent. */
export async function recordSale(input: { code: string; item: string; quantity: number }): Promise<LocalSale> {
  const sale: LocalSale = { id: crypto.randomUUID(), ...input, soldAt: new Date().toISOString(), state: 'waiting' };
  await put(sale);
  return sale;
}

let syncing: Promise<void> | undefined;
/** Sends every waiting sale once, in order; stops at the first connection failure. */
export function syncSales(api: Api): Promise<void> {
  syncing ??= (async () => {
    try {
      for (const sale of (await allSales()).filter((s) => s.state === 'waiting').reverse()) {
        const { state: _s, remaining: _r, problem: _p, ...body } = sale;
        try {
          const r = await api.post<SaleT>('/api/v1/reconstruction/sales', body);
          await put({ ...sale, state: 'applied', remaining: r.remaining });
        } catch (e) {
          if (e instanceof NetworkError || (e instanceof ApiError && (e.status >= 500 || e.status === 401 || e.status === 429))) return;
          const problem = e instanceof ApiError ? (e.problem?.type.replace('/problems/', '') ?? 'error') : 'error';
          const max = e instanceof ApiError ? e.fieldErrors.find((f) => f.field === 'quantity')?.params?.max : undefined;
          await put({ ...sale, state: 'refused', problem, ...(max === undefined ? {} : { remaining: max }) });
        }
      }
    } finally {
      syncing = undefined;
    }
  })();
  return syncing;
}
