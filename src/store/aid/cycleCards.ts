// Cards for a whole cycle: the households entitled in it (an entitlement in its list) that are in
// the actor's scope, how many of them hold a valid card of the organisation (not revoked, signed
// with a key not retired), and issuing a card to those that hold none, a batch at a time. Batches
// run under the cycle's row lock, so two officers issuing at once never give a household two
// cards, and a batch run again issues nothing to a household that got one: the operation is
// idempotent, and the web app shows its progress batch by batch. Each card issued is in the change
// log (a household_card 'issue', as one issued on the household page).
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import type { SecretKey } from '../../access/secretBox.ts';
import { errors } from '../../errors.ts';
import { needKey } from '../access/secondFactor.ts';
import { appendChanges } from '../changeLog.ts';
import { scopeSql } from '../registry/scope.ts';
import type { WriteContext } from '../write.ts';
import { getCycle, getProgramme } from './catalogue.ts';
import { currentSigningKey } from './cards.ts';

export type CycleCardCounts = {
  cycleId: string;
  cycleNumber: number;
  programme: string;
  status: string;
  entitled: number;
  withCard: number;
  withoutCard: number;
};

/** The entitled households of cycle $1 in the scope of $2 (organisation) and $3 (governorates). */
const ENTITLED = (scope: string) => `
  SELECT ch.household_id, ch.point_id FROM cycle_household ch JOIN household h ON h.id = ch.household_id AND ${scope}
  WHERE ch.cycle_id = $1 AND ch.household_id IN (SELECT e.household_id FROM entitlement e WHERE e.cycle_id = $1)`;
/** A valid card of organisation $2 for household x: not revoked, its key not retired. */
export const HAS_VALID_CARD = `EXISTS (
  SELECT 1 FROM household_card c JOIN card_key k ON k.id = c.key_id AND k.retired_at IS NULL
  WHERE c.household_id = x.household_id AND c.org_id = $2 AND NOT EXISTS (SELECT 1 FROM card_revocation r WHERE r.serial = c.serial))`;

type Db = pg.Pool | pg.PoolClient;

/** Cards and printing are for a generated cycle: its entitlement list exists and it is not closed. */
export async function cardCycle(db: Db, actor: Actor, cycleId: string, forUpdate = false) {
  const c = await getCycle(db, actor, cycleId, forUpdate);
  if (c.status !== 'generated') throw errors.cycleCardsNotGenerated();
  const p = await getProgramme(db, actor, c.programmeId);
  return { cycle: c, programme: p.name };
}

export async function cycleCardCounts(db: Db, actor: Actor, cycleId: string): Promise<CycleCardCounts> {
  const { cycle, programme } = await cardCycle(db, actor, cycleId);
  const scope = scopeSql('h', actor, 2);
  const r = await db.query<{ entitled: number; with_card: number }>(
    `SELECT count(*)::int AS entitled, count(*) FILTER (WHERE ${HAS_VALID_CARD})::int AS with_card FROM (${ENTITLED(scope.sql)}) x`,
    [cycle.id, ...scope.params],
  );
  const { entitled, with_card } = r.rows[0]!;
  return {
    cycleId: cycle.id,
    cycleNumber: cycle.number,
    programme,
    status: cycle.status,
    entitled,
    withCard: with_card,
    withoutCard: entitled - with_card,
  };
}

/**
 * Issues a card to at most `limit` entitled households without a valid card, in the order of their
 * distribution point (a point's cards are printed together), and answers the counts after it.
 */
export async function issueCycleCards(
  ctx: WriteContext,
  secretKey: SecretKey | undefined,
  cycleId: string,
  limit: number,
): Promise<CycleCardCounts & { issued: number }> {
  const sk = needKey(secretKey);
  const { cycle } = await cardCycle(ctx.client, ctx.actor, cycleId, true);
  const key = await currentSigningKey(ctx, sk);
  const scope = scopeSql('h', ctx.actor, 2);
  const r = await ctx.client.query<{ serial: string; household_id: string }>(
    `INSERT INTO household_card (household_id, org_id, key_id)
     SELECT x.household_id, $2, $4 FROM (${ENTITLED(scope.sql)}) x WHERE NOT ${HAS_VALID_CARD}
     ORDER BY x.point_id NULLS LAST, x.household_id LIMIT $5
     RETURNING serial, household_id`,
    [cycle.id, ...scope.params, key.id, limit],
  );
  await appendChanges(
    ctx.client,
    r.rows.map((c) => ({
      actor: ctx.actor,
      operationId: ctx.operationId,
      entity: 'household_card',
      entityId: c.household_id,
      action: 'issue',
      after: { serial: Number(c.serial), keyId: key.id, cycleId: cycle.id },
    })),
  );
  return { ...(await cycleCardCounts(ctx.client, ctx.actor, cycle.id)), issued: r.rowCount ?? 0 };
}
