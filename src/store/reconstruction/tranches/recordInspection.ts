// An engineer's inspection of a case at a stage: the day, at least one photo (already checked and
// stripped of its metadata by the route, kept in the one photo store under a random id, never a
// file name) and the materials seen installed. Inspections are kept, never replaced: a stage may be
// inspected again.
import type { StrippedPhoto } from '../../../reconstruction/photo.ts';
import type { Stage } from '../../../shared/tranches.ts';
import type { WriteContext } from '../../write.ts';
import { storePhoto } from '../photoStore.ts';
import { getPlan } from './planRow.ts';

export type InspectionInput = {
  stage: Stage;
  inspectedOn: string;
  note?: string | undefined;
  photos: StrippedPhoto[];
  installed: { item: string; quantity: number }[];
};

export async function recordInspection(ctx: WriteContext, caseId: string, input: InspectionInput): Promise<string> {
  const plan = await getPlan(ctx.client, ctx.actor, caseId, true);
  const r = await ctx.client.query<{ id: string }>(
    'INSERT INTO stage_inspection (case_id, stage, engineer_id, inspected_on, note) VALUES ($1,$2,$3,$4,$5) RETURNING id',
    [plan.case_id, input.stage, ctx.actor.userId, input.inspectedOn, input.note ?? null],
  );
  const id = r.rows[0]!.id;
  const takenAt = new Date().toISOString(); // the device gives no time: when Sanad received it
  for (const p of input.photos) await storePhoto(ctx, { inspectionId: id }, p, { lon: null, lat: null, takenAt });
  for (const x of input.installed) {
    await ctx.client.query('INSERT INTO inspection_installed (inspection_id, item, quantity) VALUES ($1,$2,$3)', [id, x.item, x.quantity]);
  }
  await ctx.log({
    entity: 'stage_inspection',
    entityId: id,
    action: 'create',
    after: {
      caseId: plan.case_id,
      stage: input.stage,
      inspectedOn: input.inspectedOn,
      photos: input.photos.length,
      installed: input.installed,
    },
  });
  return id;
}
