// Redemptions, online and synced from offline devices. The device's id for each redemption is the
// key: a replay (same id, any number of times, concurrently) returns the stored outcome and changes
// nothing. At most one redemption stands per entitlement, enforced by the partial unique index
// redemption_one_standing: each row is inserted as standing with ON CONFLICT DO NOTHING; a row that
// lost to another standing redemption is inserted as a conflict for review (synced offline
// redemptions: the goods went out) or refused as already redeemed (online: nothing went out yet).
// Refusals are kept in redemption_rejection with their reason. One change-log entry per batch.
//
// A card is presented as its signed code ('qr': scanned, or typed in full) or as its printed number
// ('typed': serial and check digit, src/aid/cardNumber.ts). A number proves nothing by itself: the
// server checks that it is a card of this organisation, of the entitlement's household, signed with
// a key not retired and not revoked; the redemption keeps `presented` for auditors. Both paths share
// the same replay, conflict and refusal handling.
//
// Online redemptions are committed in groups: requests that arrive while a commit is under way are
// written together in the next transaction (one WAL flush, one change-log entry per device), so
// the serialised, hash-chained change log does not cap throughput at one fsync per request.
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { type CardRefusal, refusalText, verifyCard } from '../../aid/card.ts';
import { parseCardNumber } from '../../aid/cardNumber.ts';
import { type Held, heldText, timeVerdict } from '../../aid/redemptionTime.ts';
import { errors } from '../../errors.ts';
import type { FieldError } from '../../shared/problems.ts';
import type { WriteContext } from '../write.ts';
import { verifyKeys } from './cards.ts';
import { getPlace } from './catalogue.ts';
import { appendChanges } from '../changeLog.ts';
import { isRetryable } from '../retry.ts';

export type Presented = 'qr' | 'typed';
export type RedemptionInput = {
  id: string;
  entitlementId: string;
  /** The signed token (presented 'qr'). */
  card?: string | undefined;
  /** The printed card number (presented 'typed'). */
  cardNumber?: string | undefined;
  presented?: Presented | undefined;
  redeemedAt?: string | undefined;
};
export type Refusal =
  | CardRefusal
  | 'not_entitled'
  | 'unknown_entitlement'
  | 'wrong_household'
  | 'id_reused'
  | 'cycle_closed'
  | 'already_redeemed'
  | 'bad_number'
  | 'unknown_card';
export type RedemptionResult = {
  id: string;
  status: 'standing' | 'conflict' | 'rejected';
  /** Why it was refused. */
  reason?: Refusal;
  detail?: string;
  /** For a conflict: the redemption that stands. */
  standingId?: string;
  /** For one held for review because of its time (src/aid/redemptionTime.ts). */
  held?: Held;
  replayed: boolean;
};

type Entry = { actor: Actor; pointId: string; deviceId: string | null; batchId: string | null; item: RedemptionInput };
type Mode = 'offline' | 'online';
/**
 * The route's write (one transaction with its change log; the route key is the app's). Online
 * redemptions committed together run in the write of the first request of the group.
 */
export type Writer = (
  step: (ctx: WriteContext) => Promise<{ status: number; body: RedemptionResult[] }>,
) => Promise<{ body: RedemptionResult[] }>;

const text = (r: Refusal) => refusalText[r];

/** A redemption names its card one way: the token when presented 'qr' (the default), the number when 'typed'. */
export function checkPresented(items: RedemptionInput[], field: (i: number) => string): void {
  const bad: FieldError[] = [];
  items.forEach((it, i) => {
    if ((it.presented ?? 'qr') === 'qr') {
      if (!it.card) bad.push({ field: `${field(i)}card`, reason: 'required_for_presented' });
      if (it.cardNumber !== undefined) bad.push({ field: `${field(i)}cardNumber`, reason: 'not_for_presented' });
    } else {
      if (!it.cardNumber) bad.push({ field: `${field(i)}cardNumber`, reason: 'required_for_presented' });
      if (it.card !== undefined) bad.push({ field: `${field(i)}card`, reason: 'not_for_presented' });
    }
  });
  if (bad.length) throw errors.validation(bad);
}

/** A batch synced from an offline device. */
export async function syncBatch(
  pool: pg.Pool,
  actor: Actor,
  a: { pointId: string; batchId: string; deviceId?: string | undefined; items: RedemptionInput[]; write: Writer },
): Promise<RedemptionResult[]> {
  await getPlace(pool, actor, 'distribution_point', a.pointId);
  checkPresented(a.items, (i) => `redemptions[${i}].`);
  const seen = new Set<string>();
  for (const [i, it] of a.items.entries()) {
    if (seen.has(it.id.toLowerCase())) throw errors.invalidField(`redemptions[${i}].id`, 'twice_in_batch');
    seen.add(it.id.toLowerCase());
  }
  const entries = a.items.map((item) => ({
    actor,
    pointId: a.pointId,
    deviceId: a.deviceId ?? actor.deviceId ?? null,
    batchId: a.batchId,
    item,
  }));
  for (let attempt = 0; ; attempt++) {
    try {
      return await redeemEntries(pool, 'offline', a.write, entries);
    } catch (e) {
      if (attempt < 5 && isRetryable(e)) continue; // two batches locking the same entitlements: retry the loser
      throw e;
    }
  }
}

// Online group commit ---------------------------------------------------------------------------
type Waiting = Entry & { write: Writer; resolve: (r: RedemptionResult) => void; reject: (e: unknown) => void };
type Queue = { waiting: Waiting[]; running: number };
const queues = new WeakMap<pg.Pool, Map<string, Queue>>();
const MAX_IN_FLIGHT = 2;
const MAX_GROUP = 500;

/** One online redemption (a card shown at a point now). */
// `${org}|${governorates}|${point}`: points are never deleted nor moved to another organisation or governorate
const knownPoints = new Set<string>();

export async function redeemOnline(
  pool: pg.Pool,
  actor: Actor,
  a: { pointId: string; item: RedemptionInput; write: Writer },
): Promise<RedemptionResult> {
  checkPresented([a.item], () => '');
  const pk = `${actor.orgId}|${actor.governorates.join(',')}|${a.pointId}`;
  if (!knownPoints.has(pk)) {
    await getPlace(pool, actor, 'distribution_point', a.pointId);
    if (knownPoints.size > 100_000) knownPoints.clear();
    knownPoints.add(pk);
  }
  let byOrg = queues.get(pool);
  if (!byOrg) queues.set(pool, (byOrg = new Map()));
  let q = byOrg.get(actor.orgId);
  if (!q) byOrg.set(actor.orgId, (q = { waiting: [], running: 0 }));
  const queue = q;
  return new Promise<RedemptionResult>((resolve, reject) => {
    queue.waiting.push({
      actor,
      pointId: a.pointId,
      deviceId: actor.deviceId ?? null,
      batchId: null,
      item: a.item,
      write: a.write,
      resolve,
      reject,
    });
    pump(pool, queue);
  });
}

function pump(pool: pg.Pool, q: Queue): void {
  while (q.running < MAX_IN_FLIGHT && q.waiting.length) {
    // A group holds each redemption id once; a concurrent replay of the same id waits for the next group.
    const group: Waiting[] = [];
    const ids = new Set<string>();
    const rest: Waiting[] = [];
    for (const w of q.waiting) {
      const id = w.item.id.toLowerCase();
      if (group.length < MAX_GROUP && !ids.has(id)) {
        group.push(w);
        ids.add(id);
      } else rest.push(w);
    }
    q.waiting = rest;
    q.running++;
    void runGroup(pool, group).finally(() => {
      q.running--;
      pump(pool, q);
    });
  }
}

async function runGroup(pool: pg.Pool, group: Waiting[]): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      const results = await redeemEntries(pool, 'online', group[0]!.write, group);
      group.forEach((w, i) => w.resolve(results[i]!));
      return;
    } catch (e) {
      if (attempt < 5 && isRetryable(e)) continue;
      if (group.length > 1) {
        // One bad request must not fail the others: retry each alone.
        await Promise.all(group.map((w) => runGroup(pool, [w])));
        return;
      }
      group[0]!.reject(e);
      return;
    }
  }
}

// The transaction ------------------------------------------------------------------------------
type Stored = { id: string; entitlement_id: string; status: 'standing' | 'conflict'; conflict_of: string | null; held: Held | null };
type Fresh = Entry & { id: string; entitlementId: string; at: Date; presented: Presented };
type Ent = {
  id: string;
  household_id: string;
  item_id: string;
  quantity: string;
  cycle_id: string;
  status: string;
  generated_at: Date | null;
  closed_at: Date | null;
};
type Carded = { f: Fresh; serial: number; householdId: string };
type Valid = { f: Fresh; e: Ent; serial: number; held?: Held };
type Rejected = Fresh & { reason: Refusal };
/** The outcomes of one transaction as they are settled. */
type Outcomes = { mode: Mode; orgId: string; results: Map<string, RedemptionResult>; rejected: Rejected[] };

function reject(o: Outcomes, f: Fresh, reason: Refusal): void {
  o.rejected.push({ ...f, reason });
  o.results.set(f.id, refused(f.id, reason, false));
}

async function redeemEntries(pool: pg.Pool, mode: Mode, write: Writer, entries: Entry[]): Promise<RedemptionResult[]> {
  const ids = entries.map((e) => e.item.id.toLowerCase());
  const keys = await verifyKeys(pool, entries[0]!.actor.orgId);
  const now = Date.now();
  const w = await write(async ({ client }) => {
    const o: Outcomes = { mode, orgId: entries[0]!.actor.orgId, results: new Map(), rejected: [] };
    const fresh = await replays(client, o, entries, ids, now);
    const carded = await checkCards(client, o, fresh, keys);
    const ok = await checkEntitlements(client, o, carded);
    const { standing, conflicts } = await insertRedemptions(client, o, ok);
    await insertRejections(client, o.rejected);
    await logBatches(client, mode, groupsOf(ok, standing, conflicts, o.rejected));
    return { status: 200, body: ids.map((id) => o.results.get(id)!) };
  });
  return w.body;
}

/** Replays: ids already stored (redeemed or refused) keep their outcome; the others are fresh. */
async function replays(client: pg.PoolClient, o: Outcomes, entries: Entry[], ids: string[], now: number): Promise<Fresh[]> {
  type Prior = Stored & { reason: Refusal | null };
  const priorRows = (
    await client.query<Prior>({
      name: 'aid_redeem_prior_v2', // prepared once per connection: the hot path is not re-planned
      text: 'SELECT id, entitlement_id, status, conflict_of, held, NULL AS reason FROM redemption WHERE id = ANY($1::uuid[]) UNION ALL SELECT id, NULL, NULL, NULL, NULL, reason FROM redemption_rejection WHERE id = ANY($1::uuid[])',
      values: [ids],
    })
  ).rows;
  const prior = new Map(priorRows.filter((r) => r.reason === null).map((r) => [r.id, r]));
  const priorRej = new Map(priorRows.filter((r) => r.reason !== null).map((r) => [r.id, r.reason!]));
  const fresh: Fresh[] = [];
  for (const en of entries) {
    const id = en.item.id.toLowerCase();
    const p = prior.get(id);
    if (p)
      o.results.set(id, p.entitlement_id === en.item.entitlementId.toLowerCase() ? storedResult(p, true) : refused(id, 'id_reused', true));
    else if (priorRej.has(id)) o.results.set(id, refused(id, priorRej.get(id)!, true));
    else {
      const t = en.item.redeemedAt ? Date.parse(en.item.redeemedAt) : now;
      fresh.push({
        ...en,
        id,
        entitlementId: en.item.entitlementId.toLowerCase(),
        at: new Date(o.mode === 'online' || Number.isNaN(t) ? now : Math.min(t, now)),
        presented: en.item.presented ?? 'qr',
      });
    }
  }
  return fresh;
}

/** Cards: signed codes are verified without I/O; typed numbers are looked up in one query. */
async function checkCards(
  client: pg.PoolClient,
  o: Outcomes,
  fresh: Fresh[],
  keys: Awaited<ReturnType<typeof verifyKeys>>,
): Promise<Carded[]> {
  const checked = new Map<string, ReturnType<typeof verifyCard>>();
  const carded: Carded[] = [];
  const typed: { f: Fresh; serial: number }[] = [];
  for (const f of fresh) {
    if (f.presented === 'typed') {
      const n = parseCardNumber(f.item.cardNumber ?? '');
      if (n.ok) typed.push({ f, serial: n.serial });
      else reject(o, f, 'bad_number');
      continue;
    }
    const token = f.item.card ?? '';
    let c = checked.get(token);
    if (!c) checked.set(token, (c = verifyCard(token, keys, () => false)));
    if (!c.ok) reject(o, f, c.reason);
    else carded.push({ f, serial: c.card.serial, householdId: c.card.householdId });
  }
  if (typed.length) {
    const found = new Map(
      (
        await client.query<{ serial: number; household_id: string; retired: boolean }>(
          'SELECT c.serial, c.household_id, k.retired_at IS NOT NULL AS retired FROM household_card c JOIN card_key k ON k.id = c.key_id WHERE c.serial = ANY($1::bigint[]) AND c.org_id = $2',
          [[...new Set(typed.map((t) => t.serial))], o.orgId],
        )
      ).rows.map((r) => [r.serial, r]),
    );
    for (const t of typed) {
      const c = found.get(t.serial);
      if (!c) reject(o, t.f, 'unknown_card');
      else if (c.retired) reject(o, t.f, 'retired_key');
      else carded.push({ f: t.f, serial: t.serial, householdId: c.household_id });
    }
  }
  return carded;
}

/** The entitlements, cards, revocations and cycle times in one query; the valid ones in lock order. */
async function checkEntitlements(client: pg.PoolClient, o: Outcomes, carded: Carded[]): Promise<Valid[]> {
  if (!carded.length) return [];
  type Looked = Ent & { id: string | null; revoked_at: Date | null; revoked_for: string | null; issued_at: Date | null };
  const looked = (
    await client.query<Looked>({
      name: 'aid_redeem_entitlements_v2',
      text: `SELECT e.id, e.household_id, e.item_id, e.quantity, e.cycle_id, e.status, e.generated_at, e.closed_at, r.revoked_at, r.reason AS revoked_for, hc.issued_at
             FROM unnest($1::uuid[], $2::bigint[]) WITH ORDINALITY AS u(eid, serial, ord)
             LEFT JOIN (SELECT e.*, c.status, c.generated_at, c.closed_at FROM entitlement e JOIN aid_cycle c ON c.id = e.cycle_id JOIN programme p ON p.id = c.programme_id AND p.org_id = $3) e ON e.id = u.eid
             LEFT JOIN card_revocation r ON r.serial = u.serial
             LEFT JOIN household_card hc ON hc.serial = u.serial
             ORDER BY u.ord`,
      values: [carded.map((c) => c.f.entitlementId), carded.map((c) => c.serial), o.orgId],
    })
  ).rows;
  const ok: Valid[] = [];
  carded.forEach((c, i) => {
    const row = looked[i]!;
    const verdict = timeVerdict({
      mode: o.mode,
      at: c.f.at,
      cardIssuedAt: row.issued_at,
      cycleGeneratedAt: row.generated_at,
      cycleClosedAt: row.closed_at,
      cardRevokedAt: row.revoked_at,
      cardRevokedFor: row.revoked_for,
    });
    if (verdict.kind === 'refused' && verdict.reason === 'revoked') reject(o, c.f, 'revoked');
    else if (!row.id) reject(o, c.f, 'unknown_entitlement');
    else if (row.household_id !== c.householdId) reject(o, c.f, 'wrong_household');
    else if (verdict.kind === 'refused') reject(o, c.f, verdict.reason);
    else ok.push({ f: c.f, e: row as Ent, serial: c.serial, ...(verdict.kind === 'held' ? { held: verdict.held } : {}) });
  });
  // Lock order: by entitlement, so concurrent batches do not deadlock.
  ok.sort((x, y) => (x.e.id < y.e.id ? -1 : x.e.id > y.e.id ? 1 : x.f.id < y.f.id ? -1 : 1));
  return ok;
}

const UNNEST =
  'unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::numeric[], $7::bigint[], $8::timestamptz[], $9::uuid[], $10::text[], $11::uuid[], $12::text[], $13::text[], $14::uuid[]) WITH ORDINALITY AS u(id, eid, cid, hid, iid, q, serial, at, point, device, batch, presented, held, rec, ord)';
const COLS =
  'id, entitlement_id, cycle_id, household_id, item_id, quantity, card_serial, redeemed_at, point_id, device_id, batch_id, presented, recorded_by, status';
const VALS = 'u.id, u.eid, u.cid, u.hid, u.iid, u.q, u.serial, u.at, u.point, u.device, u.batch, u.presented, u.rec';
const columns = (rows: Valid[]) => [
  rows.map((c) => c.f.id),
  rows.map((c) => c.e.id),
  rows.map((c) => c.e.cycle_id),
  rows.map((c) => c.e.household_id),
  rows.map((c) => c.e.item_id),
  rows.map((c) => c.e.quantity),
  rows.map((c) => c.serial),
  rows.map((c) => c.f.at.toISOString()),
  rows.map((c) => c.f.pointId),
  rows.map((c) => c.f.deviceId),
  rows.map((c) => c.f.batchId),
  rows.map((c) => c.f.presented),
  rows.map((c) => c.held ?? null),
  rows.map((c) => c.f.actor.userId),
];

/**
 * Each valid redemption is inserted as standing unless another stands; one that lost is kept as a
 * conflict (offline: the goods went out) or refused as already redeemed (online). One held for its
 * time (src/aid/redemptionTime.ts) never stands: it is kept for review with the reason.
 */
async function insertRedemptions(
  client: pg.PoolClient,
  o: Outcomes,
  ok: Valid[],
): Promise<{ standing: Set<string>; conflicts: Set<string> }> {
  const standing = new Set<string>();
  const candidates = ok.filter((c) => !c.held);
  if (candidates.length) {
    const ins = await client.query<{ id: string }>({
      name: 'aid_redeem_standing_v4',
      text: `INSERT INTO redemption (${COLS}) SELECT ${VALS}, 'standing' FROM ${UNNEST} ORDER BY u.ord ON CONFLICT DO NOTHING RETURNING id`,
      values: columns(candidates),
    });
    for (const r of ins.rows) standing.add(r.id);
  }
  const lost = ok.filter((c) => !standing.has(c.f.id));
  const conflicts = new Set<string>();
  const kept = lost.filter((c) => o.mode === 'offline' || c.held);
  if (kept.length) {
    const ins = await client.query<{ id: string }>(
      `INSERT INTO redemption (${COLS}, conflict_of, review, held) SELECT ${VALS}, 'conflict', (SELECT r.id FROM redemption r WHERE r.entitlement_id = u.eid AND r.status = 'standing'), 'open', u.held
         FROM ${UNNEST} ORDER BY u.ord ON CONFLICT (id) DO NOTHING RETURNING id`,
      columns(kept),
    );
    for (const r of ins.rows) conflicts.add(r.id);
  }
  // The final state of each lost row (a concurrent replay may have stored it first).
  const finalRows = lost.length
    ? new Map(
        (
          await client.query<Stored>('SELECT id, entitlement_id, status, conflict_of, held FROM redemption WHERE id = ANY($1::uuid[])', [
            lost.map((c) => c.f.id),
          ])
        ).rows.map((r) => [r.id, r]),
      )
    : new Map<string, Stored>();
  for (const c of ok) {
    if (standing.has(c.f.id)) {
      o.results.set(c.f.id, { id: c.f.id, status: 'standing', replayed: false });
      continue;
    }
    const r = finalRows.get(c.f.id);
    if (r) o.results.set(c.f.id, r.entitlement_id === c.e.id ? storedResult(r, !conflicts.has(r.id)) : refused(r.id, 'id_reused', true));
    else reject(o, c.f, 'already_redeemed'); // online: another redemption stands
  }
  return { standing, conflicts };
}

/** Refusals are kept with their reason (a replay answers the same). */
async function insertRejections(client: pg.PoolClient, rejected: Rejected[]): Promise<void> {
  if (!rejected.length) return;
  await client.query(
    'INSERT INTO redemption_rejection (id, reason, point_id, device_id, batch_id, presented) SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::uuid[], $6::text[]) ON CONFLICT (id) DO NOTHING',
    [
      rejected.map((r) => r.id),
      rejected.map((r) => r.reason),
      rejected.map((r) => r.pointId),
      rejected.map((r) => r.deviceId),
      rejected.map((r) => r.batchId),
      rejected.map((r) => r.presented),
    ],
  );
}

type Group = { en: Entry; standing: string[]; conflict: string[]; rejected: { id: string; reason: Refusal }[]; typed: string[] };

/** One change-log group per actor, device, point and batch in this transaction. */
function groupsOf(ok: Valid[], standing: Set<string>, conflicts: Set<string>, rejected: Rejected[]): Group[] {
  const groups = new Map<string, Group>();
  const groupOf = (en: Entry) => {
    const k = `${en.actor.userId}|${en.deviceId}|${en.pointId}|${en.batchId}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { en, standing: [], conflict: [], rejected: [], typed: [] }));
    return g;
  };
  for (const c of ok) {
    if (standing.has(c.f.id)) groupOf(c.f).standing.push(c.f.id);
    else if (conflicts.has(c.f.id)) groupOf(c.f).conflict.push(c.f.id);
    else continue;
    if (c.f.presented === 'typed') groupOf(c.f).typed.push(c.f.id);
  }
  for (const r of rejected) groupOf(r).rejected.push({ id: r.id, reason: r.reason });
  return [...groups.values()];
}

/** All entries in one statement (the change-log trigger chains each row in order). */
async function logBatches(client: pg.PoolClient, mode: Mode, groups: Group[]): Promise<void> {
  await appendChanges(
    client,
    groups.map((g) => ({
      actor: { ...g.en.actor, deviceId: g.en.deviceId ?? undefined },
      entity: 'redemption_batch',
      entityId: g.en.batchId,
      action: mode === 'online' ? 'redeem' : 'sync',
      // The typed ones (card number, not the signed code) are named too, when there are any.
      after: {
        pointId: g.en.pointId,
        standing: g.standing,
        conflict: g.conflict,
        rejected: g.rejected,
        ...(g.typed.length ? { typed: g.typed } : {}),
      },
    })),
  );
}

function refused(id: string, reason: Refusal, replayed: boolean): RedemptionResult {
  return { id, status: 'rejected', reason, detail: text(reason), replayed };
}

function storedResult(r: Stored, replayed: boolean): RedemptionResult {
  if (r.status === 'standing') return { id: r.id, status: 'standing', replayed };
  const out: RedemptionResult = {
    id: r.id,
    status: 'conflict',
    detail: r.held ? heldText[r.held] : 'Another redemption of this entitlement stands: flagged for review.',
    replayed,
  };
  if (r.conflict_of) out.standingId = r.conflict_of;
  if (r.held) out.held = r.held;
  return out;
}
