// Releases a tranche: only once an engineer's inspection with photos records its stage, by someone
// other than that engineer, after the earlier tranches, and once (the payment is unique per tranche;
// the plan row is locked so that two releases of one plan queue). The payment is the ledger entry
// (docs/decisions: tranches-). Releasing the plan's last tranche ends the transitional shelter cash.
import { errors } from '../../../errors.ts';
import { type ReleaseRefusal, releaseCheck } from '../../../reconstruction/tranches.ts';
import type { WriteContext } from '../../write.ts';
import { getPlan, inspectionsOf, tranchesOf } from './planRow.ts';

export async function releaseTranche(ctx: WriteContext, caseId: string, trancheId: string): Promise<void> {
  const plan = await getPlan(ctx.client, ctx.actor, caseId, true);
  const rows = await tranchesOf(ctx.client, plan.case_id);
  const all = rows.map((t) => ({ id: t.id, seq: t.seq, stage: t.stage, paid: t.released_by !== null }));
  const tranche = all.find((t) => t.id === trancheId);
  if (!tranche) throw errors.notFound('tranche');
  const facts = (await inspectionsOf(ctx.client, plan.case_id)).map((i) => ({
    id: i.id,
    stage: i.stage,
    engineerId: i.engineerId,
    photos: i.photos,
  }));
  const check = releaseCheck(tranche, all, facts, ctx.actor.userId ?? '');
  if (!check.ok) throw refusal(check.refusal, tranche.stage);
  const amount = rows.find((t) => t.id === trancheId)!.amount;
  await ctx.client.query(
    `INSERT INTO tranche_payment (tranche_id, case_id, unit_id, inspection_id, amount, released_by) VALUES ($1,$2,$3,$4,$5,$6)`,
    [trancheId, plan.case_id, plan.unit_id, check.inspectionId, amount, ctx.actor.userId],
  );
  const last = tranche.seq === Math.max(...all.map((t) => t.seq));
  // the end already recorded (the household moved into a habitable unit earlier) stands
  if (last)
    await ctx.client.query(
      `UPDATE reconstruction_plan SET shelter_until = current_date, shelter_end_reason = 'last_tranche', version = version + 1
        WHERE case_id = $1 AND (shelter_until IS NULL OR shelter_until > current_date)`,
      [plan.case_id],
    );
  await ctx.log({
    entity: 'tranche',
    entityId: trancheId,
    action: 'release',
    after: {
      caseId: plan.case_id,
      seq: tranche.seq,
      stage: tranche.stage,
      amount: Number(amount),
      inspectionId: check.inspectionId,
      shelterEnded: last,
    },
  });
}

function refusal(r: ReleaseRefusal, stage: string) {
  if (r === 'paid') return errors.tranchePaid();
  if (r === 'out_of_order') return errors.trancheOutOfOrder();
  if (r === 'own_inspection') return errors.trancheOwnInspection();
  return errors.trancheNoInspection(stage);
}
