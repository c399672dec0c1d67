import { errors } from '../../../errors.ts';
import { dayInPalestine, prepareFieldAssessment } from '../../../reconstruction/fieldAssessment.ts';
import { listMaterials } from '../../../store/reconstruction/materials.ts';
import { recordFieldAssessment } from '../../../store/reconstruction/recordFieldAssessment.ts';
import { defineRoute } from '../../route.ts';
import { FieldAssessmentInput, FieldAssessmentView } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/reconstruction/field-assessments',
  summary:
    "Record an engineer's field assessment of a building (and optionally one unit): shelter-cluster class, habitability, bill of quantities priced from the catalogue. The id is the device's: a resend answers 200 with the assessment and records nothing; another assessment under that id is 409. Remote assessments are kept beside it.",
  tags: ['reconstruction'],
  body: FieldAssessmentInput,
  response: FieldAssessmentView,
  status: 201,
  handler: async ({ body, store, write }) => {
    const prepared = prepareFieldAssessment(body, await listMaterials(store.pool), dayInPalestine(new Date()));
    if (Array.isArray(prepared)) throw errors.validation(prepared);
    return write(async (ctx) => {
      const r = await recordFieldAssessment(ctx, prepared);
      return { status: r.created ? 201 : 200, body: r.assessment };
    });
  },
});
