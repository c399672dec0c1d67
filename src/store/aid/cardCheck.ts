// Before a hand-over, online: is this card good, are the entitlements the device's list gives its
// household still open, and whose is it (the head's name and household size today, for the
// identity check)? It changes nothing. A printed number found by its serial is a lookup from a
// short number to a household, so that read is logged; so is every answer that names the head
// (identityInScope): one entry per check. A card (signed code or
// printed number) that is not one of the actor's organisation answers 404, as if it did not exist;
// so does an entitlement of another organisation (reported as 'other').
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { verifyCard } from '../../aid/card.ts';
import { cardNumber, parseCardNumber } from '../../aid/cardNumber.ts';
import { errors } from '../../errors.ts';
import { appendReadLog } from '../write.ts';
import { verifyKeys } from './cards.ts';
import { type HouseholdIdentity, householdIdentities } from './householdIdentity.ts';

export type CardCheckResult = {
  valid: boolean;
  reason?: string;
  serial?: number;
  number?: string;
  householdId?: string;
  identity?: HouseholdIdentity;
  entitlements: { id: string; state: 'open' | 'redeemed' | 'other' }[];
};

export async function checkCard(
  pool: pg.Pool,
  actor: Actor,
  a: { card?: string | undefined; cardNumber?: string | undefined; entitlementIds: string[] },
): Promise<CardCheckResult> {
  if ((a.card === undefined) === (a.cardNumber === undefined))
    throw errors.validation([
      {
        field: a.card === undefined ? 'card' : 'cardNumber',
        reason: 'card_or_number',
      },
    ]);
  let serial: number;
  let claimed: string | undefined;
  if (a.card !== undefined) {
    const c = verifyCard(a.card, await verifyKeys(pool, actor.orgId), () => false);
    if (!c.ok) return { valid: false, reason: c.reason, entitlements: [] };
    serial = c.card.serial;
    claimed = c.card.householdId;
  } else {
    const n = parseCardNumber(a.cardNumber!);
    if (!n.ok) return { valid: false, reason: 'bad_number', entitlements: [] };
    serial = n.serial;
  }
  const card = (
    await pool.query<{ household_id: string; retired: boolean; revoked: boolean }>(
      `SELECT c.household_id, k.retired_at IS NOT NULL AS retired, EXISTS (SELECT 1 FROM card_revocation r WHERE r.serial = c.serial) AS revoked
       FROM household_card c JOIN card_key k ON k.id = c.key_id WHERE c.serial = $1 AND c.org_id = $2`,
      [serial, actor.orgId],
    )
  ).rows[0];
  if (!card || (claimed !== undefined && claimed !== card.household_id)) throw errors.notFound('card');
  const typed = a.cardNumber !== undefined;
  const logRead = (identityCheck: boolean) =>
    appendReadLog(pool, actor, {
      entity: 'household',
      entityId: card.household_id,
      action: 'read',
      after: { cardSerial: serial, ...(identityCheck ? { identityCheck } : {}) },
    });
  const base = { serial, number: cardNumber(serial), householdId: card.household_id };
  if (card.retired || card.revoked) {
    if (typed) await logRead(false);
    return { valid: false, reason: card.retired ? 'retired_key' : 'revoked', ...base, entitlements: [] };
  }
  const ids = [...new Set(a.entitlementIds.map((x) => x.toLowerCase()))];
  const rows = new Map(
    (
      await pool.query<{ id: string; household_id: string; redeemed: boolean }>(
        `SELECT e.id, e.household_id, EXISTS (SELECT 1 FROM redemption r WHERE r.entitlement_id = e.id AND r.status = 'standing') AS redeemed
         FROM entitlement e JOIN aid_cycle c ON c.id = e.cycle_id JOIN programme p ON p.id = c.programme_id AND p.org_id = $2
         WHERE e.id = ANY($1::uuid[])`,
        [ids, actor.orgId],
      )
    ).rows.map((r) => [r.id, r]),
  );
  const identity = await identityInScope(pool, actor, card.household_id, ids);
  if (typed || identity) await logRead(identity !== undefined);
  return {
    valid: true,
    ...base,
    ...(identity ? { identity } : {}),
    entitlements: ids.map((id) => {
      const e = rows.get(id);
      return { id, state: !e || e.household_id !== card.household_id ? 'other' : e.redeemed ? 'redeemed' : 'open' };
    }),
  };
}

/**
 * The head's name and size of a card's household, when the reader may see them: the household is
 * registered in one of the reader's governorates, or one of the entitlements the device names is
 * the household's at a point in them (a displaced family served where it lives now). The caller
 * logs the read.
 */
async function identityInScope(
  pool: pg.Pool,
  actor: Actor,
  householdId: string,
  entitlementIds: string[],
): Promise<HouseholdIdentity | undefined> {
  const ok = (
    await pool.query<{ ok: boolean }>(
      `SELECT (h.governorate = ANY($3::text[]) OR EXISTS (
         SELECT 1 FROM entitlement e JOIN distribution_point d ON d.id = e.point_id AND d.org_id = $2 AND d.governorate = ANY($3::text[])
         WHERE e.id = ANY($4::uuid[]) AND e.household_id = h.id)) AS ok
       FROM household h WHERE h.id = $1 AND h.org_id = $2`,
      [householdId, actor.orgId, actor.governorates, entitlementIds],
    )
  ).rows[0]?.ok;
  if (!ok) return undefined;
  return (await householdIdentities(pool, actor.orgId, [householdId])).get(householdId);
}
