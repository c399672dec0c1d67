// Files a household's claim for a housing unit (as owner, tenant or heir). The unit and the household
// must be in the actor's scope; the claimant is a member of the household (its current head unless
// named). A household claims a unit once. The claim joins the unit's open joint case (or opens it);
// a case that had been checked goes back to be checked again, with its new claimant. The case is
// then checked at once (checkCases.ts): the evidence and any reasons for inspection are stored.
import { errors } from '../../../errors.ts';
import type { Claim } from '../../../reconstruction/claims.ts';
import type { ClaimBasis, FieldClass } from '../../../shared/claims.ts';
import { isUuid } from '../../../shared/ids.ts';
import { findHousehold } from '../../registry/households/findHousehold.ts';
import type { WriteContext } from '../../write.ts';
import { getUnit } from '../buildingRow.ts';
import { checkCases } from './checkCases.ts';
import { CLAIM_COLUMNS, type ClaimRow, parseClaim } from './claimRow.ts';

export type NewClaim = {
  unitId: string;
  householdId: string;
  claimantId: string | null;
  basis: ClaimBasis;
  claimedClass: FieldClass;
  damageDate: string;
};

async function claimantOf(ctx: WriteContext, householdId: string, named: string | null): Promise<string> {
  if (named !== null && !isUuid(named)) throw errors.invalidField('claimantId', 'no_such_record');
  const r = await ctx.client.query<{ person_id: string }>(
    named === null
      ? "SELECT person_id FROM household_member WHERE household_id = $1 AND valid_to IS NULL AND relationship = 'head'"
      : 'SELECT person_id FROM household_member WHERE household_id = $1 AND person_id = $2 AND valid_to IS NULL',
    named === null ? [householdId] : [householdId, named],
  );
  if (!r.rows[0]) throw errors.invalidField(named === null ? 'householdId' : 'claimantId', 'no_such_record');
  return r.rows[0].person_id;
}

/** The unit's open case, locked, or a new one. */
async function openCase(ctx: WriteContext, unitId: string, governorate: string): Promise<string> {
  // one writer at a time per unit: two first claims cannot open two cases
  await ctx.client.query('SELECT 1 FROM housing_unit WHERE id = $1 FOR UPDATE', [unitId]);
  const open = await ctx.client.query<{ id: string }>(
    `UPDATE claim_case SET state = 'filed', checked_by = NULL, officer_checked_at = NULL, version = version + 1
      WHERE unit_id = $1 AND state IN ('filed','verified','inspection') RETURNING id`,
    [unitId],
  );
  if (open.rows[0]) return open.rows[0].id;
  const r = await ctx.client.query<{ id: string }>('INSERT INTO claim_case (org_id, governorate, unit_id) VALUES ($1,$2,$3) RETURNING id', [
    ctx.actor.orgId,
    governorate,
    unitId,
  ]);
  await ctx.log({ entity: 'claim_case', entityId: r.rows[0]!.id, action: 'create', after: { unitId } });
  return r.rows[0]!.id;
}

export async function fileClaim(ctx: WriteContext, n: NewClaim): Promise<Claim> {
  const { unit, building } = await getUnit(ctx.client, ctx.actor, n.unitId);
  const h = await findHousehold(ctx.client, ctx.actor, n.householdId);
  if (!h) throw errors.invalidField('householdId', 'no_such_record');
  const claimant = await claimantOf(ctx, h.id, n.claimantId);
  const caseId = await openCase(ctx, unit.id, building.governorate);
  const r = await ctx.client.query<{ id: string }>(
    `INSERT INTO claim (org_id, case_id, unit_id, household_id, claimant_id, basis, claimed_class, damage_date, filed_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT (unit_id, household_id) WHERE state NOT IN ('rejected','withdrawn') DO NOTHING RETURNING id`,
    [ctx.actor.orgId, caseId, unit.id, h.id, claimant, n.basis, n.claimedClass, n.damageDate, ctx.actor.userId],
  );
  if (!r.rows[0]) throw errors.invalidField('householdId', 'taken');
  await ctx.log({
    entity: 'claim',
    entityId: r.rows[0].id,
    action: 'create',
    after: { caseId, unitId: unit.id, householdId: h.id, basis: n.basis, claimedClass: n.claimedClass },
  });
  await checkCases(ctx.client, ctx.actor.orgId, [caseId]);
  const c = await ctx.client.query<ClaimRow>(`SELECT ${CLAIM_COLUMNS} FROM claim cl WHERE cl.id = $1`, [r.rows[0].id]);
  return parseClaim(c.rows[0]!);
}
