// A test client that plays a distribution device: downloads its manifest for a cycle, verifies
// household cards offline (Ed25519 public keys and revoked serials from the manifest), records
// redemptions with its own ids while offline, and syncs them later in batches. The transport is
// app.inject in tests and HTTP (fetch) in the benchmark.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { publicKeyObject, verifyCard, type VerifyKey } from '../../src/aid/card.ts';

export type Transport = (req: { method: 'GET' | 'POST'; url: string; body?: unknown }) => Promise<{ status: number; body: any }>;

export function injectTransport(app: FastifyInstance, headers: Record<string, string>): Transport {
  return async (req) => {
    const res = await app.inject({
      method: req.method,
      url: req.url,
      headers,
      ...(req.body === undefined ? {} : { payload: req.body as object }),
    });
    return { status: res.statusCode, body: String(res.headers['content-type'] ?? '').includes('json') ? res.json() : res.body };
  };
}

export function fetchTransport(base: string, headers: Record<string, string>): Transport {
  return async (req) => {
    const res = await fetch(base + req.url, {
      method: req.method,
      headers: { ...headers, ...(req.body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(req.body === undefined ? {} : { body: JSON.stringify(req.body) }),
    });
    const text = await res.text();
    return { status: res.status, body: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
  };
}

export type OfflineRedemption = { id: string; entitlementId: string; card: string; redeemedAt: string };
export type Manifest = {
  cycle: { id: string; number: number };
  point: { id: string };
  keys: { id: string; publicKey: string }[];
  revokedSerials: { serial: number; revokedAt: string }[];
  entitlements: { id: string; householdId: string; itemId: string; quantity: number; redeemed: boolean }[];
};

export class Device {
  manifest: Manifest | undefined;
  private keys = new Map<string, VerifyKey>();
  private revoked = new Set<number>();
  private byHousehold = new Map<string, Manifest['entitlements']>();
  private used = new Set<string>();
  outbox: OfflineRedemption[] = [];
  /** Every batch sent, as sent (to replay them). */
  sent: { batchId: string; pointId: string; deviceId: string; redemptions: OfflineRedemption[] }[] = [];

  constructor(
    readonly deviceId: string,
    readonly pointId: string,
    readonly t: Transport,
  ) {}

  async download(cycleId: string): Promise<Manifest> {
    const r = await this.t({ method: 'GET', url: `/api/v1/aid/cycles/${cycleId}/manifest?point=${this.pointId}` });
    if (r.status !== 200) throw new Error(`manifest: ${r.status} ${JSON.stringify(r.body)}`);
    const m = r.body as Manifest;
    this.manifest = m;
    this.keys = new Map(m.keys.map((k) => [k.id, { publicKey: publicKeyObject(Buffer.from(k.publicKey, 'base64url')), retired: false }]));
    this.revoked = new Set(m.revokedSerials.map((s) => s.serial));
    this.byHousehold = new Map();
    for (const e of m.entitlements) {
      const list = this.byHousehold.get(e.householdId) ?? [];
      list.push(e);
      this.byHousehold.set(e.householdId, list);
      if (e.redeemed) this.used.add(e.id);
    }
    return m;
  }

  /** Offline: checks the card and hands out every entitlement of the household not yet redeemed here. */
  redeemOffline(card: string, at = new Date()): { ok: true; redemptions: OfflineRedemption[] } | { ok: false; reason: string } {
    const c = verifyCard(card, this.keys, (s) => this.revoked.has(s));
    if (!c.ok) return { ok: false, reason: c.reason };
    const due = (this.byHousehold.get(c.card.householdId) ?? []).filter((e) => !this.used.has(e.id));
    if (!due.length) return { ok: false, reason: 'nothing_due' };
    const out = due.map((e) => ({ id: randomUUID(), entitlementId: e.id, card, redeemedAt: at.toISOString() }));
    for (const e of due) this.used.add(e.id);
    this.outbox.push(...out);
    return { ok: true, redemptions: out };
  }

  /** Sends the outbox in batches; what got an answer leaves the outbox. */
  async sync(batchSize = 2000): Promise<{ id: string; status: string; reason?: string; standingId?: string; replayed: boolean }[]> {
    const all: { id: string; status: string; reason?: string; replayed: boolean }[] = [];
    while (this.outbox.length) {
      const batch = { batchId: randomUUID(), pointId: this.pointId, deviceId: this.deviceId, redemptions: this.outbox.slice(0, batchSize) };
      const r = await this.send(batch);
      this.outbox = this.outbox.slice(batch.redemptions.length);
      all.push(...r);
    }
    return all;
  }

  async send(
    batch: Device['sent'][number],
  ): Promise<{ id: string; status: string; reason?: string; standingId?: string; replayed: boolean }[]> {
    this.sent.push(batch);
    const r = await this.t({ method: 'POST', url: '/api/v1/aid/sync', body: batch });
    if (r.status !== 200) throw new Error(`sync: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.results;
  }

  async redeemOnline(card: string, entitlementId: string, id: string = randomUUID()): Promise<{ status: number; body: any }> {
    return this.t({ method: 'POST', url: '/api/v1/aid/redemptions', body: { id, entitlementId, card, pointId: this.pointId } });
  }
}

/** HTTP over node:http with a keep-alive agent of its own (one per simulated device). */
export async function httpTransport(base: string, headers: Record<string, string>, maxSockets = 32): Promise<Transport> {
  const http = await import('node:http');
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const url = new URL(base);
  return (req) =>
    new Promise((resolve, reject) => {
      const payload = req.body === undefined ? undefined : Buffer.from(JSON.stringify(req.body));
      const r = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: req.url,
          method: req.method,
          agent,
          headers: { ...headers, ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({
              status: res.statusCode ?? 0,
              body: String(res.headers['content-type'] ?? '').includes('json') ? JSON.parse(text) : text,
            });
          });
          res.on('error', reject);
        },
      );
      r.on('error', reject);
      if (payload) r.write(payload);
      r.end();
    });
}
