// IndexedDB for the outboxes on the device (hand-overs, field assessments): one database opened
// once per page (again after another tab upgrades it), and transactions that resolve only once
// they have committed, durably, so nothing is reported kept before it is.
export type Db = {
  /** Runs `fn` in one transaction over `stores` and resolves when it has committed. */
  tx<T>(stores: string[], mode: IDBTransactionMode, fn: (t: IDBTransaction) => Promise<T> | T): Promise<T>;
  /** The same over one object store. */
  store<T>(name: string, mode: IDBTransactionMode, fn: (s: IDBObjectStore) => Promise<T> | T): Promise<T>;
};

/** A request's result, or its error. */
export function done<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('indexedDB'));
  });
}

/** The database `name` at `version`; `upgrade` makes its stores when it is new or older. */
export function indexedDb(name: string, version: number, upgrade: (db: IDBDatabase) => void): Db {
  let opened: Promise<IDBDatabase> | undefined;
  const open = () => {
    opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name, version);
      req.onupgradeneeded = () => upgrade(req.result);
      req.onsuccess = () => {
        const db = req.result;
        db.onversionchange = () => {
          db.close();
          opened = undefined;
        };
        resolve(db);
      };
      req.onerror = () => {
        opened = undefined;
        reject(req.error ?? new Error('indexedDB'));
      };
      req.onblocked = () => {
        opened = undefined;
        reject(new Error('indexedDB blocked'));
      };
    });
    return opened;
  };
  async function tx<T>(stores: string[], mode: IDBTransactionMode, fn: (t: IDBTransaction) => Promise<T> | T): Promise<T> {
    const t = (await open()).transaction(stores, mode, { durability: 'strict' });
    const committed = new Promise<void>((resolve, reject) => {
      t.oncomplete = () => resolve();
      t.onerror = () => reject(t.error ?? new Error('indexedDB'));
      t.onabort = () => reject(t.error ?? new Error('indexedDB aborted'));
    });
    const out = await fn(t);
    await committed;
    return out;
  }
  return { tx, store: (s, mode, fn) => tx([s], mode, (t) => fn(t.objectStore(s))) };
}
