// The households a distribution point serves in a cycle. They were assigned when the cycle was
// generated (src/store/aid/generate.ts): a household goes to the first point that serves the site
// it lived in on the cut-off date, else to the first point of its governorate that serves no
// particular site. For each: the head's name and size today (for the identity check), what it is
// entitled to here and how much of it was handed out, and whether it holds a valid card. A page at
// a time; the caller logs the read with the ids shown.
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { getCycle, getPlace, type Place } from './catalogue.ts';
import { householdIdentities } from './householdIdentity.ts';

export const POINT_HOUSEHOLDS_PAGE = 100;

export type PointHousehold = {
  householdId: string;
  recordId: string | null;
  headName: string | null;
  size: number;
  entitlements: number;
  received: number;
  card: boolean;
};

export async function pointHouseholds(
  db: pg.Pool,
  actor: Actor,
  pointId: string,
  cycleId: string,
  offset: number,
): Promise<{ point: Place; cycleId: string; total: number; offset: number; households: PointHousehold[] }> {
  const point = await getPlace(db, actor, 'distribution_point', pointId);
  await getCycle(db, actor, cycleId);
  const total = (
    await db.query<{ n: number }>('SELECT count(*)::int AS n FROM cycle_household WHERE cycle_id = $1 AND point_id = $2', [
      cycleId,
      pointId,
    ])
  ).rows[0]!.n;
  // The page's households first, then their entitlements at this point (one pass over the point's
  // block ranges of the BRIN index entitlement_point), redemptions and cards.
  const r = await db.query<{ id: string; record_id: string | null; entitlements: number; received: number; card: boolean }>(
    `WITH page AS (
       SELECT s.household_id, h.record_id FROM cycle_household s JOIN household h ON h.id = s.household_id AND h.org_id = $3
       WHERE s.cycle_id = $1 AND s.point_id = $2
       ORDER BY h.record_id NULLS LAST, s.household_id LIMIT $4 OFFSET $5),
     ents AS (
       SELECT e.household_id, count(*)::int AS entitlements,
         count(*) FILTER (WHERE EXISTS (SELECT 1 FROM redemption r WHERE r.entitlement_id = e.id AND r.status = 'standing'))::int AS received
       FROM entitlement e WHERE e.cycle_id = $1 AND e.point_id = $2 AND e.household_id IN (SELECT household_id FROM page)
       GROUP BY e.household_id)
     SELECT p.household_id AS id, p.record_id, coalesce(x.entitlements, 0) AS entitlements, coalesce(x.received, 0) AS received,
       EXISTS (SELECT 1 FROM household_card c JOIN card_key k ON k.id = c.key_id AND k.retired_at IS NULL
         WHERE c.household_id = p.household_id AND c.org_id = $3 AND NOT EXISTS (SELECT 1 FROM card_revocation v WHERE v.serial = c.serial)) AS card
     FROM page p LEFT JOIN ents x ON x.household_id = p.household_id
     ORDER BY p.record_id NULLS LAST, p.household_id`,
    [cycleId, pointId, actor.orgId, POINT_HOUSEHOLDS_PAGE, offset],
  );
  const who = await householdIdentities(
    db,
    actor.orgId,
    r.rows.map((x) => x.id),
  );
  return {
    point,
    cycleId,
    total,
    offset,
    households: r.rows.map((x) => ({
      householdId: x.id,
      recordId: x.record_id,
      headName: who.get(x.id)?.headName ?? null,
      size: who.get(x.id)?.size ?? 0,
      entitlements: x.entitlements,
      received: x.received,
      card: x.card,
    })),
  };
}
