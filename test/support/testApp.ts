// One setup for every API test file: a fresh database cloned from the migrated template, the app
// built on it in-process (answers checked against their response schemas), users made on demand,
// and typed requests. Replaces the freshDb/buildApp/makeUser block each file used to repeat.
//
//   const t = useTestApp();
//   test('...', async () => {
//     const officer = await t.user({ role: 'registration_officer' });
//     const res = await t.post(officer, '/api/v1/persons', personInput());
//   });
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Role } from '../../src/access/roles.ts';
import { buildApp, type AppOptions } from '../../src/api/app.ts';
import type { Store } from '../../src/store/open.ts';
import { clearLimits } from '../../src/store/requestLimit.ts';
import { freshDb, type TestDb } from './db.ts';
import { makeUser, storeOf, type TestUser } from './factories.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
type Caller = TestUser | undefined;
export type RequestOptions = { idempotencyKey?: string; headers?: Record<string, string> };

export type TestApp = {
  readonly db: TestDb;
  readonly app: FastifyInstance;
  readonly store: Store;
  /** A signed-in user (a session token, second factor done) of a new organisation unless `orgId` is given. */
  user: (opts?: { role?: Role; orgId?: string; governorates?: string[] }) => Promise<TestUser>;
  request: (caller: Caller, method: Method, url: string, payload?: unknown, opts?: RequestOptions) => Promise<LightMyRequestResponse>;
  get: (caller: Caller, url: string, opts?: RequestOptions) => Promise<LightMyRequestResponse>;
  post: (caller: Caller, url: string, payload?: unknown, opts?: RequestOptions) => Promise<LightMyRequestResponse>;
  put: (caller: Caller, url: string, payload?: unknown, opts?: RequestOptions) => Promise<LightMyRequestResponse>;
  /** Requests as one user: `const as = t.as(admin); await as.post(url, body)`. */
  as: (caller: TestUser) => BoundClient;
};

export type BoundClient = {
  get: (url: string, opts?: RequestOptions) => Promise<LightMyRequestResponse>;
  post: (url: string, payload?: unknown, opts?: RequestOptions) => Promise<LightMyRequestResponse>;
  put: (url: string, payload?: unknown, opts?: RequestOptions) => Promise<LightMyRequestResponse>;
};

/** Extra app options for a file (an application log collector, trusted proxies). */
export type TestAppOptions = Omit<AppOptions, 'store'>;

/** Registers beforeAll/afterAll for a fresh database only (files that build apps or run the CLI themselves). */
export function useTestDb(): { readonly db: TestDb; readonly store: Store } {
  let db: TestDb | undefined;
  beforeAll(async () => {
    db = await freshDb();
  });
  afterAll(async () => {
    await db?.drop();
  });
  const ready = () => {
    if (!db) throw new Error('useTestDb(): use it inside tests, after beforeAll');
    return db;
  };
  return {
    get db() {
      return ready();
    },
    get store() {
      return storeOf(ready());
    },
  };
}

/** Registers beforeAll/afterAll for this file and returns the app they set up. */
export function useTestApp(options: TestAppOptions = {}): TestApp {
  const file = useTestDb();
  let app: FastifyInstance | undefined;
  beforeAll(async () => {
    app = await buildApp({ ...options, store: file.store });
  });
  afterAll(async () => {
    await app?.close(); // before the database is dropped (after-hooks run in reverse)
  });
  const ready = () => {
    if (!app) throw new Error('useTestApp(): use it inside tests, after beforeAll');
    return { db: file.db, app };
  };
  const request: TestApp['request'] = (caller, method, url, payload, opts = {}) =>
    ready().app.inject({
      method,
      url,
      headers: {
        ...(caller ? caller.auth : {}),
        ...(opts.idempotencyKey ? { 'idempotency-key': opts.idempotencyKey } : {}),
        ...opts.headers,
      },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const get: TestApp['get'] = (caller, url, opts) => request(caller, 'GET', url, undefined, opts);
  const post: TestApp['post'] = (caller, url, payload, opts) => request(caller, 'POST', url, payload ?? {}, opts);
  const put: TestApp['put'] = (caller, url, payload, opts) => request(caller, 'PUT', url, payload ?? {}, opts);
  return {
    get db() {
      return ready().db;
    },
    get app() {
      return ready().app;
    },
    get store() {
      return file.store;
    },
    user: (opts) => makeUser(ready().db, opts),
    request,
    get,
    post,
    put,
    as: (caller) => ({
      get: (url, opts) => get(caller, url, opts),
      post: (url, payload, opts) => post(caller, url, payload, opts),
      put: (url, payload, opts) => put(caller, url, payload, opts),
    }),
  };
}

/**
 * An app of its own for each test that calls the returned function, starting from no counted
 * requests (the sign-in routes' limits are counted in the database, for every app on it, so the
 * counts are cleared first); the last one a test made is closed after it.
 */
export function useAppPerTest(file: { readonly store: Store }, options: TestAppOptions = {}): () => Promise<FastifyInstance> {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });
  return async () => {
    await clearLimits(file.store.pool);
    app = await buildApp({ ...options, store: file.store });
    return app;
  };
}
