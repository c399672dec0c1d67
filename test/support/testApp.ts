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
import { afterAll, beforeAll } from 'vitest';
import type { Role } from '../../src/access/roles.ts';
import type { Store } from '../../src/store/open.ts';
import { freshDb, type TestDb } from './db.ts';
import { makeUser, storeOf, testApp, type TestUser } from './factories.ts';

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
};

/** Registers beforeAll/afterAll for this file and returns the app they set up. */
export function useTestApp(): TestApp {
  let db: TestDb | undefined;
  let app: FastifyInstance | undefined;
  beforeAll(async () => {
    db = await freshDb();
    app = await testApp(db);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });
  const ready = () => {
    if (!db || !app) throw new Error('useTestApp(): use it inside tests, after beforeAll');
    return { db, app };
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
  return {
    get db() {
      return ready().db;
    },
    get app() {
      return ready().app;
    },
    get store() {
      return storeOf(ready().db);
    },
    user: (opts) => makeUser(ready().db, opts),
    request,
    get: (caller, url, opts) => request(caller, 'GET', url, undefined, opts),
    post: (caller, url, payload, opts) => request(caller, 'POST', url, payload ?? {}, opts),
    put: (caller, url, payload, opts) => request(caller, 'PUT', url, payload ?? {}, opts),
  };
}
