import { planView } from '../../../../store/reconstruction/tranches/planRow.ts';
import { recordInspection } from '../../../../store/reconstruction/tranches/recordInspection.ts';
import { defineRoute } from '../../../route.ts';
import { IdParams } from '../../../schemas.ts';
import { InspectionInput, PlanView } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/reconstruction/cases/:id/inspections',
  summary:
    "An engineer's inspection of a case at a stage (signing, plinth, walls, roof, completion): the day, one to three photos (JPEG or PNG, metadata stripped) and the materials seen installed",
  tags: ['reconstruction'],
  params: IdParams,
  body: InspectionInput,
  response: PlanView,
  status: 201,
  idempotent: true,
  handler: async ({ params, body, created }) =>
    created(async (ctx) => {
      await recordInspection(ctx, params.id, {
        stage: body.stage,
        inspectedOn: body.inspectedOn,
        note: body.note,
        photos: body.photos.map((p) => Buffer.from(p, 'base64')),
        installed: body.installed,
      });
      return planView(ctx.client, ctx.actor, params.id, new Date().toISOString().slice(0, 10));
    }),
});
