import { MAX_PHOTO_BYTES } from '../../../../shared/tranches.ts';
import { planView } from '../../../../store/reconstruction/tranches/planRow.ts';
import { recordInspection } from '../../../../store/reconstruction/tranches/recordInspection.ts';
import { acceptedPhoto } from '../../../photoBody.ts';
import { defineRoute } from '../../../route.ts';
import { IdParams } from '../../../schemas.ts';
import { InspectionInput, PlanView } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/reconstruction/cases/:id/inspections',
  summary:
    "An engineer's inspection of a case at a stage (signing, plinth, walls, roof, completion): the day, one to three photos (JPEG, PNG or WebP, base64, at most 200 KiB each, checked and stripped of their metadata as field assessment photos are; read at GET /api/v1/reconstruction/photos/:id) and the materials seen installed",
  tags: ['reconstruction'],
  params: IdParams,
  body: InspectionInput,
  response: PlanView,
  status: 201,
  idempotent: true,
  handler: async ({ params, body, created }) => {
    const photos = body.photos.map((p) => acceptedPhoto(Buffer.from(p, 'base64'), MAX_PHOTO_BYTES));
    return created(async (ctx) => {
      await recordInspection(ctx, params.id, {
        stage: body.stage,
        inspectedOn: body.inspectedOn,
        note: body.note,
        photos,
        installed: body.installed,
      });
      return planView(ctx.client, ctx.actor, params.id, new Date().toISOString().slice(0, 10));
    });
  },
});
