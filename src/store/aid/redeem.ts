// Redemptions, online and synced from offline devices. The device's id for each redemption is the
// key: a replay (same id, any number of times, concurrently) returns the stored outcome and changes
// nothing. At most one redemption stands per entitlement, enforced by the partial unique index
// redemption_one_standing: each row is inserted as standing with ON CONFLICT DO NOTHING; a row that
// lost to another standing redemption is inserted as a conflict for review (synced offline
// redemptions: the goods went out) or refused as already redeemed (online: nothing went out yet).
// Refusals are kept in redemption_rejection with their reason. One change-log entry per batch.
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { type CardRefusal, refusalText, verifyCard } from '../../aid/card.ts';
import { errors } from '../../errors.ts';
import { write } from '../write.ts';
import { verifyKeys } from './cards.ts';
import { getPlace } from './catalogue.ts';

export type RedemptionInput = { id: string; entitlementId: string; card: string; redeemedAt?: string | undefined };
export type Refusal = CardRefusal | 'not_entitled' | 'unknown_entitlement' | 'wrong_household' | 'id_reused' | 'cycle_closed' | 'already_redeemed';
export type RedemptionResult = {
  id: string;
  status: 'standing' | 'conflict' | 'rejected';
  /** Why it was refused (rejected) or which redemption stood (conflict). */
  reason?: Refusal;
  detail?: string;
  standingId?: string;
  replayed: boolean;
};

const text = (r: Refusal) => (r === 'already_redeemed' ? 'This entitlement was already redeemed: hand nothing out.' : refusalText[r]);

export async function redeem(pool: pg.Pool, actor: Actor, a: { pointId: string; batchId?: string | undefined; deviceId?: string | undefined; mode: 'offline' | 'online'; items: RedemptionInput[] }): Promise<RedemptionResult[]> {
  await getPlace(pool, actor, 'distribution_point', a.pointId);
  const seen = new Set<string>();
  for (const [i, it] of a.items.entries()) {
    if (seen.has(it.id)) throw errors.validation([{ field: `redemptions[${i}].id`, reason: 'appears twice in the batch' }]);
    seen.add(it.id);
  }
  for (let attempt = 0; ; attempt++) {
    try {
      return await redeemOnce(pool, actor, a);
    } catch (e) {
      // Two batches touching the same entitlements in different orders: retry the loser.
      if (attempt < 5 && ['40P01', '40001'].includes((e as { code?: string }).code ?? '')) continue;
      throw e;
    }
  }
}

type Stored = { id: string; entitlement_id: string; status: 'standing' | 'conflict'; conflict_of: string | null };

async function redeemOnce(pool: pg.Pool, actor: Actor, a: { pointId: string; batchId?: string | undefined; deviceId?: string | undefined; mode: 'offline' | 'online'; items: RedemptionInput[] }): Promise<RedemptionResult[]> {
  const ids = a.items.map((i) => i.id.toLowerCase());
  const keys = await verifyKeys(pool);
  const now = Date.now();
  const w = await write(pool, actor, { route: a.mode === 'online' ? 'POST /api/v1/aid/redemptions' : 'POST /api/v1/aid/sync', request: null }, async ({ client, log }) => {
    const results = new Map<string, RedemptionResult>();
    // Replays: ids already stored keep their outcome.
    const prior = await client.query<Stored>('SELECT id, entitlement_id, status, conflict_of FROM redemption WHERE id = ANY($1::uuid[])', [ids]);
    const priorById = new Map(prior.rows.map((r) => [r.id, r]));
    const priorRej = new Map((await client.query<{ id: string; reason: Refusal }>('SELECT id, reason FROM redemption_rejection WHERE id = ANY($1::uuid[])', [ids])).rows.map((r) => [r.id, r.reason]));
    const fresh: (RedemptionInput & { at: Date })[] = [];
    for (const it of a.items) {
      const id = it.id.toLowerCase();
      const p = priorById.get(id);
      if (p) results.set(id, p.entitlement_id === it.entitlementId.toLowerCase() ? storedResult(p, true) : { id, status: 'rejected', reason: 'id_reused', detail: text('id_reused'), replayed: true });
      else if (priorRej.has(id)) results.set(id, { id, status: 'rejected', reason: priorRej.get(id)!, detail: text(priorRej.get(id)!), replayed: true });
      else {
        const t = it.redeemedAt ? Date.parse(it.redeemedAt) : now;
        fresh.push({ ...it, id, entitlementId: it.entitlementId.toLowerCase(), at: new Date(a.mode === 'online' || Number.isNaN(t) ? now : Math.min(t, now)) });
      }
    }
    const rejected: { id: string; reason: Refusal }[] = [];
    const reject = (id: string, reason: Refusal) => {
      rejected.push({ id, reason });
      results.set(id, { id, status: 'rejected', reason, detail: text(reason), replayed: false });
    };
    type Ent = { id: string; household_id: string; item_id: string; quantity: string; cycle_id: string; status: string };
    const ents = new Map(
      (
        await client.query<Ent>(
          'SELECT e.id, e.household_id, e.item_id, e.quantity, e.cycle_id, c.status FROM entitlement e JOIN aid_cycle c ON c.id = e.cycle_id JOIN programme p ON p.id = c.programme_id AND p.org_id = $2 WHERE e.id = ANY($1::uuid[])',
          [fresh.map((f) => f.entitlementId), actor.orgId],
        )
      ).rows.map((e) => [e.id, e]),
    );
    const checked = new Map<string, ReturnType<typeof verifyCard>>();
    const candidates: { f: (typeof fresh)[number]; e: Ent; serial: number }[] = [];
    for (const f of fresh) {
      let c = checked.get(f.card);
      if (!c) checked.set(f.card, (c = verifyCard(f.card, keys, () => false)));
      if (!c.ok) { reject(f.id, c.reason); continue; }
      const e = ents.get(f.entitlementId);
      if (!e) { reject(f.id, 'unknown_entitlement'); continue; }
      if (e.household_id !== c.card.householdId) { reject(f.id, 'wrong_household'); continue; }
      if (a.mode === 'online' && e.status === 'closed') { reject(f.id, 'cycle_closed'); continue; }
      candidates.push({ f, e, serial: c.card.serial });
    }
    // Revoked cards: refused when redeemed at or after the revocation (offline clocks: as recorded).
    const revoked = new Map(
      (await client.query<{ serial: number; revoked_at: Date }>('SELECT serial, revoked_at FROM card_revocation WHERE serial = ANY($1::bigint[])', [[...new Set(candidates.map((c) => c.serial))]])).rows.map((r) => [r.serial, r.revoked_at.getTime()]),
    );
    const ok = candidates.filter((c) => {
      const at = revoked.get(c.serial);
      if (at !== undefined && (a.mode === 'online' || c.f.at.getTime() >= at)) {
        reject(c.f.id, 'revoked');
        return false;
      }
      return true;
    });
    // Lock order: by entitlement, so concurrent batches do not deadlock.
    ok.sort((x, y) => (x.e.id < y.e.id ? -1 : x.e.id > y.e.id ? 1 : x.f.id < y.f.id ? -1 : 1));
    const cols = (rows: typeof ok) => [
      rows.map((c) => c.f.id), rows.map((c) => c.e.id), rows.map((c) => c.e.cycle_id), rows.map((c) => c.e.household_id), rows.map((c) => c.e.item_id),
      rows.map((c) => c.e.quantity), rows.map((c) => c.serial), rows.map((c) => c.f.at.toISOString()),
    ];
    const UNNEST = 'unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::numeric[], $7::bigint[], $8::timestamptz[]) WITH ORDINALITY AS u(id, eid, cid, hid, iid, q, serial, at, ord)';
    const COLS = 'id, entitlement_id, cycle_id, household_id, item_id, quantity, card_serial, redeemed_at, point_id, device_id, batch_id, status';
    const scalars = [a.pointId, a.deviceId ?? actor.deviceId ?? null, a.batchId ?? null];
    const standing = new Set<string>();
    if (ok.length) {
      const ins = await client.query<{ id: string }>(`INSERT INTO redemption (${COLS}) SELECT u.id, u.eid, u.cid, u.hid, u.iid, u.q, u.serial, u.at, $9, $10, $11, 'standing' FROM ${UNNEST} ORDER BY u.ord ON CONFLICT DO NOTHING RETURNING id`, [...cols(ok), ...scalars]);
      for (const r of ins.rows) standing.add(r.id);
    }
    const lost = ok.filter((c) => !standing.has(c.f.id));
    const conflicts = new Set<string>();
    if (lost.length && a.mode === 'offline') {
      const ins = await client.query<{ id: string }>(
        `INSERT INTO redemption (${COLS}, conflict_of, review) SELECT u.id, u.eid, u.cid, u.hid, u.iid, u.q, u.serial, u.at, $9, $10, $11, 'conflict',
           (SELECT r.id FROM redemption r WHERE r.entitlement_id = u.eid AND r.status = 'standing'), 'open'
         FROM ${UNNEST} ORDER BY u.ord ON CONFLICT (id) DO NOTHING RETURNING id`,
        [...cols(lost), ...scalars],
      );
      for (const r of ins.rows) conflicts.add(r.id);
    }
    // Final state of every accepted id (a concurrent replay may have stored some first).
    const finalRows = new Map((await client.query<Stored>('SELECT id, entitlement_id, status, conflict_of FROM redemption WHERE id = ANY($1::uuid[])', [ok.map((c) => c.f.id)])).rows.map((r) => [r.id, r]));
    for (const c of ok) {
      const r = finalRows.get(c.f.id);
      if (r) results.set(c.f.id, r.entitlement_id === c.e.id ? storedResult(r, !standing.has(r.id) && !conflicts.has(r.id)) : { id: r.id, status: 'rejected', reason: 'id_reused', detail: text('id_reused'), replayed: true });
      else reject(c.f.id, 'already_redeemed'); // online: another redemption stands
    }
    if (rejected.length) {
      await client.query(
        'INSERT INTO redemption_rejection (id, reason, cycle_id, point_id, device_id, batch_id) SELECT u.id, u.reason, $3, $4, $5, $6 FROM unnest($1::uuid[], $2::text[]) AS u(id, reason) ON CONFLICT (id) DO NOTHING',
        [rejected.map((r) => r.id), rejected.map((r) => r.reason), null, a.pointId, scalars[1], a.batchId ?? null],
      );
    }
    if (standing.size || conflicts.size || rejected.length) {
      await log({
        entity: 'redemption_batch', entityId: a.batchId ?? (a.items.length === 1 ? ids[0]! : null), action: a.mode === 'online' ? 'redeem' : 'sync',
        after: { pointId: a.pointId, standing: [...standing], conflict: [...conflicts], rejected },
      });
    }
    return { status: 200, body: ids.map((id) => results.get(id)!) };
  });
  return w.body;
}

function storedResult(r: Stored, replayed: boolean): RedemptionResult {
  return r.status === 'standing' ? { id: r.id, status: 'standing', replayed } : { id: r.id, status: 'conflict', standingId: r.conflict_of ?? undefined, detail: 'Another redemption of this entitlement stands: flagged for review.', replayed } as RedemptionResult;
}
