// What a distribution point downloads to work offline for a cycle: the entitlements assigned to it
// (household ids and quantities, no personal data), the public keys that verify cards, the revoked
// card serials, the valid cards of the households listed (serial -> household, so that a typed card
// number finds its entitlements offline), which entitlements already have a standing redemption,
// and for the identity check the head's name and size of each household listed, nothing more
// (docs/decisions/0023-offline-identity-check.md; the route logs the read).
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { listKeys } from './cards.ts';
import { getCycle, getPlace } from './catalogue.ts';
import { type HouseholdIdentity, householdIdentities } from './householdIdentity.ts';

export type Manifest = {
  cycle: { id: string; number: number; programmeId: string; cutoffDate: string; status: string };
  point: { id: string; name: string };
  generatedAt: string;
  keys: { id: string; publicKey: string }[];
  revokedSerials: { serial: number; revokedAt: string }[];
  cards: { serial: number; householdId: string }[];
  items: { id: string; code: string; name: string; unit: string }[];
  entitlements: { id: string; householdId: string; itemId: string; quantity: number; redeemed: boolean }[];
  households: HouseholdIdentity[];
};

export async function manifest(db: pg.Pool, actor: Actor, cycleId: string, pointId: string): Promise<Manifest> {
  const c = await getCycle(db, actor, cycleId);
  const p = await getPlace(db, actor, 'distribution_point', pointId);
  const ents = await db.query<{ id: string; household_id: string; item_id: string; quantity: string; redeemed: boolean }>(
    `SELECT e.id, e.household_id, e.item_id, e.quantity, EXISTS (SELECT 1 FROM redemption r WHERE r.entitlement_id = e.id AND r.status = 'standing') AS redeemed
     FROM entitlement e WHERE e.cycle_id = $1 AND e.point_id = $2 ORDER BY e.household_id, e.item_id`,
    [cycleId, pointId],
  );
  const items = await db.query<{ id: string; code: string; name: string; unit: string }>(
    'SELECT id, code, name, unit FROM aid_item WHERE org_id = $1 ORDER BY code',
    [actor.orgId],
  );
  const revoked = await db.query<{ serial: number; revoked_at: Date }>(
    'SELECT r.serial, r.revoked_at FROM card_revocation r JOIN household_card c ON c.serial = r.serial WHERE c.org_id = $1 ORDER BY r.serial',
    [actor.orgId],
  );
  // Cards of this organisation, not revoked, signed with a key not retired, of the households listed here.
  const cards = await db.query<{ serial: number; household_id: string }>(
    `SELECT c.serial, c.household_id FROM household_card c JOIN card_key k ON k.id = c.key_id AND k.retired_at IS NULL
     WHERE c.org_id = $1 AND c.household_id IN (SELECT e.household_id FROM entitlement e WHERE e.cycle_id = $2 AND e.point_id = $3)
       AND NOT EXISTS (SELECT 1 FROM card_revocation r WHERE r.serial = c.serial)
     ORDER BY c.serial`,
    [actor.orgId, cycleId, pointId],
  );
  const listed = [...new Set(ents.rows.map((e) => e.household_id))];
  const who = await householdIdentities(db, actor.orgId, listed);
  return {
    cycle: { id: c.id, number: c.number, programmeId: c.programmeId, cutoffDate: c.cutoffDate, status: c.status },
    point: { id: p.id, name: p.name },
    generatedAt: new Date().toISOString(),
    keys: (await listKeys(db, actor)).filter((k) => !k.retiredAt).map((k) => ({ id: k.id, publicKey: k.publicKey })),
    revokedSerials: revoked.rows.map((r) => ({ serial: r.serial, revokedAt: r.revoked_at.toISOString() })),
    cards: cards.rows.map((c) => ({ serial: c.serial, householdId: c.household_id })),
    items: items.rows,
    entitlements: ents.rows.map((e) => ({
      id: e.id,
      householdId: e.household_id,
      itemId: e.item_id,
      quantity: Number(e.quantity),
      redeemed: e.redeemed,
    })),
    households: listed.flatMap((id) => who.get(id) ?? []),
  };
}
