// The store of @fastify/rate-limit's counts: the database (src/store/requestLimit.ts), not process
// memory, so that every server sharing the database counts the same requests. Each route with a
// limit gets its own counts (the limit's name is the route's method and pattern).
import type { Store } from '../store/open.ts';
import { hitLimit, type LimitCount, readLimit } from '../store/requestLimit.ts';

type Callback = (err: Error | null, res?: LimitCount) => void;
type RouteOptions = { routeInfo?: { method?: string | string[]; url?: string } };

/** A store class for @fastify/rate-limit's `store` option, counting in `pool`'s database. */
export function databaseLimitStore(pool: Store['pool']) {
  return class DatabaseLimitStore {
    constructor(
      _params?: unknown,
      private readonly limit = '(global)',
    ) {}

    incr(key: string, cb: Callback, timeWindow: number): void {
      hitLimit(pool, this.limit, key, timeWindow).then(
        (r) => cb(null, r),
        (e: Error) => cb(e),
      );
    }

    read(key: string, cb: Callback): void {
      readLimit(pool, this.limit, key).then(
        (r) => cb(null, r),
        (e: Error) => cb(e),
      );
    }

    /** The plugin passes the route's merged limit options, with the route itself in routeInfo. */
    child(routeOptions: object): DatabaseLimitStore {
      const info = (routeOptions as RouteOptions).routeInfo;
      const method = Array.isArray(info?.method) ? info.method.join(',') : (info?.method ?? '');
      return new DatabaseLimitStore(undefined, `${method} ${info?.url ?? ''}`);
    }
  };
}
