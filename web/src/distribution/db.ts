// The distribution point's data on the device, in IndexedDB: the downloaded list of the current
// cycle and point (one only: preparing another removes the others) and every recorded hand-over
// (the outbox: those still waiting for the server). The outbox holds no personal data (household
// ids, card tokens, item names and quantities) and survives reloads, power cuts and sign-outs, so
// that nothing handed out is ever lost before the server has it. The list also holds, for the
// identity check, each of its households' head's name and size: removed at sign-out, when the cycle
// closes, or when the list is older than a few days (docs/decisions/0023-offline-identity-check.md).
import { done, indexedDb } from '../offline/idb.ts';
import { type Prepared, type Recorded, withoutIdentities } from './model.ts';

const NAME = 'sanad-distribution';
const KEEP_FINISHED = 1000; // answered records kept for the "recent" list and the local checks

const { tx } = indexedDb(NAME, 1, (db) => {
  db.createObjectStore('prepared', { keyPath: 'key' });
  db.createObjectStore('records', { keyPath: 'id' }).createIndex('state', 'state');
});

export const savePrepared = (p: Prepared) =>
  tx(['prepared'], 'readwrite', (t) => done(t.objectStore('prepared').put(p)).then(() => undefined));
/** Keeps only the list `key` on the device: the other cycles' and points' lists (and their names) go. */
export const keepOnlyPrepared = (key: string) =>
  tx(['prepared'], 'readwrite', async (t) => {
    const s = t.objectStore('prepared');
    for (const k of (await done(s.getAllKeys())) as string[]) if (k !== key) s.delete(k);
  });

/** Removes every name from the lists on this device (signing out); the lists still serve cards. */
export const forgetIdentities = () =>
  tx(['prepared'], 'readwrite', async (t) => {
    const s = t.objectStore('prepared');
    for (const p of (await done(s.getAll())) as Prepared[]) if (p.manifest.households) s.put(withoutIdentities(p));
  });

export const loadPrepared = (key: string) =>
  tx(['prepared'], 'readonly', (t) => done(t.objectStore('prepared').get(key) as IDBRequest<Prepared | undefined>));

/** Adds the records of one hand-over, all or none. */
export const addRecords = (rs: Recorded[]) =>
  tx(['records'], 'readwrite', async (t) => {
    const s = t.objectStore('records');
    for (const r of rs) s.add(r);
  });

export const allRecords = () => tx(['records'], 'readonly', (t) => done(t.objectStore('records').getAll() as IDBRequest<Recorded[]>));
export const waitingRecords = () =>
  tx(['records'], 'readonly', (t) => done(t.objectStore('records').index('state').getAll('waiting') as IDBRequest<Recorded[]>));

/** Stores the server's answers, then keeps only the newest answered records. */
export const putRecords = (rs: Recorded[]) =>
  tx(['records'], 'readwrite', async (t) => {
    const s = t.objectStore('records');
    for (const r of rs) s.put(r);
    const all = (await done(s.getAll() as IDBRequest<Recorded[]>)).filter((r) => r.state !== 'waiting');
    if (all.length > KEEP_FINISHED) {
      all.sort((a, b) => (a.redeemedAt < b.redeemedAt ? -1 : 1));
      for (const r of all.slice(0, all.length - KEEP_FINISHED)) s.delete(r.id);
    }
  });
