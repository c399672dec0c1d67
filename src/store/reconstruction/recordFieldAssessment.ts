// Records an engineer's field assessment of a building (and one of its units) with its bill of
// quantities, exactly once: the id is the device's, so a resend (a lost answer, a retry, two tabs)
// finds the assessment already there and changes nothing; another assessment under a taken id is
// refused (409). Never updates a remote assessment or an earlier field assessment: both are kept.
import { errors } from '../../errors.ts';
import type { FieldAssessment, PreparedFieldAssessment } from '../../reconstruction/fieldAssessment.ts';
import type { WriteContext } from '../write.ts';
import { getBuilding } from './buildingRow.ts';
import { loadFieldAssessments } from './fieldAssessmentRow.ts';

export type Recorded = { assessment: FieldAssessment; created: boolean };

export async function recordFieldAssessment(ctx: WriteContext, a: PreparedFieldAssessment): Promise<Recorded> {
  const building = await getBuilding(ctx.client, ctx.actor, a.buildingId);
  if (a.unitId) {
    const u = await ctx.client.query('SELECT 1 FROM housing_unit WHERE id = $1 AND building_id = $2', [a.unitId, building.id]);
    if (!u.rowCount) throw errors.invalidField('unitId', 'no_such_record');
  }
  const ins = await ctx.client.query(
    `INSERT INTO field_assessment (id, org_id, building_id, unit_id, damage_class, habitable, notes, assessed_on, assessor_id, total_usd, request_sha256)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) ON CONFLICT (id) DO NOTHING`,
    [
      a.id,
      ctx.actor.orgId,
      building.id,
      a.unitId,
      a.damageClass,
      a.habitable,
      a.notes,
      a.assessedOn,
      ctx.actor.userId,
      a.totalUsd,
      a.requestSha256,
    ],
  );
  if (!ins.rowCount) {
    const prior = await ctx.client.query<{ org_id: string; assessor_id: string; request_sha256: Buffer }>(
      'SELECT org_id, assessor_id, request_sha256 FROM field_assessment WHERE id = $1',
      [a.id],
    );
    const p = prior.rows[0];
    if (!p || p.org_id !== ctx.actor.orgId || p.assessor_id !== ctx.actor.userId || !p.request_sha256.equals(a.requestSha256))
      throw errors.fieldAssessmentIdTaken();
    return { assessment: (await loadFieldAssessments(ctx.client, { ids: [a.id] }))[0]!, created: false };
  }
  for (const l of a.lines)
    await ctx.client.query(
      `INSERT INTO field_assessment_line (assessment_id, line_no, item_code, quantity, unit_cost_usd, line_total_usd) VALUES ($1,$2,$3,$4,$5,$6)`,
      [a.id, l.lineNo, l.itemCode, l.quantity, l.unitCostUsd, l.lineTotalUsd],
    );
  await ctx.log({
    entity: 'field_assessment',
    entityId: a.id,
    action: 'create',
    after: {
      buildingId: building.id,
      unitId: a.unitId,
      damageClass: a.damageClass,
      habitable: a.habitable,
      assessedOn: a.assessedOn,
      totalUsd: a.totalUsd,
      lines: a.lines.map((l) => [l.itemCode, l.quantity, l.unitCostUsd]),
    },
  });
  return { assessment: (await loadFieldAssessments(ctx.client, { ids: [a.id] }))[0]!, created: true };
}
