// A household's aid: its cards (with any revocation) and its entitlements in every cycle of the
// actor's organisation, with whether each was received. No personal data.
// Entitlements have no index by household (it would slow generation): each cycle's snapshot row is
// found by its primary key (cycle, household), then its entitlements through the BRIN index on
// (cycle, point).
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { cardNumber } from '../../aid/cardNumber.ts';
import { getHousehold } from '../registry/households/findHousehold.ts';

export type HouseholdAid = {
  cards: { serial: number; number: string; issuedAt: string; revokedAt: string | null; revokedReason: string | null }[];
  entitlements: {
    cycleId: string;
    cycleNumber: number;
    cycleStatus: string;
    cutoffDate: string;
    programme: string;
    item: string;
    unit: string;
    quantity: number;
    receivedAt: string | null;
  }[];
};

type EntitlementRow = {
  cycle_id: string;
  number: number;
  status: string;
  cutoff_date: string;
  programme: string;
  item: string;
  unit: string;
  quantity: string;
  received_at: Date | null;
};

/** The cards and entitlements of a household in the actor's scope (404 otherwise), newest first. */
export async function householdAid(db: pg.Pool, actor: Actor, householdId: string): Promise<HouseholdAid> {
  const h = await getHousehold(db, actor, householdId);
  const cards = await db.query<{ serial: number; issued_at: Date; revoked_at: Date | null; reason: string | null }>(
    `SELECT c.serial, c.issued_at, r.revoked_at, r.reason FROM household_card c LEFT JOIN card_revocation r ON r.serial = c.serial
      WHERE c.household_id = $1 AND c.org_id = $2 ORDER BY c.serial DESC`,
    [h.id, actor.orgId],
  );
  const ents = await db.query<EntitlementRow>(
    `SELECT c.id AS cycle_id, c.number, c.status, c.cutoff_date, p.name AS programme, i.name AS item, i.unit, e.quantity,
            (SELECT min(x.redeemed_at) FROM redemption x WHERE x.entitlement_id = e.id AND x.status = 'standing') AS received_at
       FROM programme p
       JOIN aid_cycle c ON c.programme_id = p.id
       JOIN cycle_household ch ON ch.cycle_id = c.id AND ch.household_id = $1
       JOIN entitlement e ON e.cycle_id = c.id AND e.household_id = $1
            AND (e.point_id = ch.point_id OR (ch.point_id IS NULL AND e.point_id IS NULL))
       JOIN aid_item i ON i.id = e.item_id
      WHERE p.org_id = $2
      ORDER BY c.cutoff_date DESC, c.number DESC, i.name`,
    [h.id, actor.orgId],
  );
  return {
    cards: cards.rows.map((c) => ({
      serial: c.serial,
      number: cardNumber(c.serial),
      issuedAt: c.issued_at.toISOString(),
      revokedAt: c.revoked_at?.toISOString() ?? null,
      revokedReason: c.reason,
    })),
    entitlements: ents.rows.map((e) => ({
      cycleId: e.cycle_id,
      cycleNumber: e.number,
      cycleStatus: e.status,
      cutoffDate: e.cutoff_date,
      programme: e.programme,
      item: e.item,
      unit: e.unit,
      quantity: Number(e.quantity),
      receivedAt: e.received_at?.toISOString() ?? null,
    })),
  };
}
