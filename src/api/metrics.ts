// GET /metrics in Prometheus's text format (version 0.0.4): requests by route pattern and status,
// their latency as histograms, the database pools in use, offline sync batches, and the rows of
// imports. No label ever holds personal data: routes are patterns (/api/v1/persons/:id, never an
// id), an unmatched address is "(unmatched)", statuses and methods are what HTTP allows.
//
// Who may read it: with SANAD_METRICS_TOKEN set, whoever sends it as a bearer token; without it,
// only a connection from this machine itself (the loopback address) that no proxy forwarded (no
// X-Forwarded-For or Forwarded header), so that a reverse proxy on the same machine never hands
// the metrics to the network. Anyone else: 403 metrics_forbidden.
import { timingSafeEqual, createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { errors } from '../errors.ts';
import { importTotals } from '../store/importTotals.ts';
import type { Store } from '../store/open.ts';

/** Latency buckets in seconds: from an index probe to a large export. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

type Histogram = { counts: number[]; sum: number; count: number };

const escapeLabel = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const labels = (l: Record<string, string>) =>
  `{${Object.entries(l)
    .map(([k, v]) => `${k}="${escapeLabel(v)}"`)
    .join(',')}}`;

export class Metrics {
  private readonly requests = new Map<string, number>();
  private readonly latency = new Map<string, Histogram>();
  private syncBatches = 0;
  private syncRedemptions = 0;

  /** One answered request: its method, route pattern (never the address itself) and status. */
  observe(method: string, route: string | undefined, status: number, seconds: number): void {
    const r = route ?? '(unmatched)';
    const key = JSON.stringify([method, r, String(status)]);
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    const hKey = JSON.stringify([method, r]);
    let h = this.latency.get(hKey);
    if (!h) this.latency.set(hKey, (h = { counts: BUCKETS.map(() => 0), sum: 0, count: 0 }));
    for (let i = 0; i < BUCKETS.length; i++) if (seconds <= BUCKETS[i]!) h.counts[i]!++;
    h.sum += seconds;
    h.count++;
  }

  /** One offline sync batch with its redemptions. */
  syncBatch(redemptions: number): void {
    this.syncBatches++;
    this.syncRedemptions += redemptions;
  }

  /** The text exposition. */
  async render(store: Store): Promise<string> {
    const out: string[] = [];
    const family = (name: string, type: string, help: string) => out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    family('sanad_http_requests_total', 'counter', 'Answered requests by method, route pattern and status.');
    for (const [k, n] of this.requests) {
      const [method, route, status] = JSON.parse(k) as [string, string, string];
      out.push(`sanad_http_requests_total${labels({ method, route, status })} ${n}`);
    }
    family('sanad_http_request_duration_seconds', 'histogram', 'Time to answer, by method and route pattern.');
    for (const [k, h] of this.latency) {
      const [method, route] = JSON.parse(k) as [string, string];
      BUCKETS.forEach((b, i) =>
        out.push(`sanad_http_request_duration_seconds_bucket${labels({ method, route, le: String(b) })} ${h.counts[i]}`),
      );
      out.push(`sanad_http_request_duration_seconds_bucket${labels({ method, route, le: '+Inf' })} ${h.count}`);
      out.push(`sanad_http_request_duration_seconds_sum${labels({ method, route })} ${h.sum}`);
      out.push(`sanad_http_request_duration_seconds_count${labels({ method, route })} ${h.count}`);
    }
    this.renderPools(store, family, out);
    family('sanad_sync_batches_total', 'counter', 'Offline sync batches answered by this server.');
    out.push(`sanad_sync_batches_total ${this.syncBatches}`);
    family('sanad_sync_redemptions_total', 'counter', 'Redemptions in the offline sync batches answered by this server.');
    out.push(`sanad_sync_redemptions_total ${this.syncRedemptions}`);
    const imports = await importTotals(store.pool);
    family('sanad_import_rows', 'gauge', 'Rows of all imports recorded in the database (the same on every server), by outcome.');
    for (const outcome of ['loaded', 'rejected', 'unchanged'] as const)
      out.push(`sanad_import_rows${labels({ outcome })} ${imports[outcome]}`);
    family('sanad_imports_running', 'gauge', 'Imports recorded as running.');
    out.push(`sanad_imports_running ${imports.running}`);
    family('process_resident_memory_bytes', 'gauge', 'Resident memory of this server process.');
    out.push(`process_resident_memory_bytes ${process.memoryUsage.rss()}`);
    return `${out.join('\n')}\n`;
  }

  private renderPools(store: Store, family: (n: string, t: string, h: string) => void, out: string[]): void {
    const pools = [['primary', store.pool] as const, ...(store.readPool ? [['read', store.readPool] as const] : [])];
    family('sanad_db_pool_connections', 'gauge', 'Database connections of this server, by pool and state.');
    for (const [pool, p] of pools) {
      out.push(`sanad_db_pool_connections${labels({ pool, state: 'idle' })} ${p.idleCount}`);
      out.push(`sanad_db_pool_connections${labels({ pool, state: 'in_use' })} ${p.totalCount - p.idleCount}`);
    }
    family('sanad_db_pool_max', 'gauge', 'The most connections a pool opens.');
    for (const [pool, p] of pools) out.push(`sanad_db_pool_max${labels({ pool })} ${p.options.max ?? 10}`);
    family('sanad_db_pool_waiting', 'gauge', 'Requests waiting for a database connection.');
    for (const [pool, p] of pools) out.push(`sanad_db_pool_waiting${labels({ pool })} ${p.waitingCount}`);
  }
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** The metrics token, or a direct local connection when there is none (see the top of this file). */
export function assertMayReadMetrics(req: FastifyRequest, token: string | undefined): void {
  if (token) {
    const h = req.headers.authorization;
    const sent = h?.startsWith('Bearer ') ? h.slice(7).trim() : '';
    if (timingSafeEqual(digest(sent), digest(token))) return;
    throw errors.metricsForbidden();
  }
  const remote = req.socket.remoteAddress ?? '';
  const local = remote === '::1' || remote.startsWith('127.') || remote.startsWith('::ffff:127.');
  const forwarded = req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined;
  if (!local || forwarded) throw errors.metricsForbidden();
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Metrics;
  }
}
