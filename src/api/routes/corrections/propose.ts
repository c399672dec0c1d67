import { proposeCorrection } from '../../../store/tickets/changeRequests/proposeCorrection.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { CorrectionInput, CorrectionView } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/tickets/:id/corrections',
  summary:
    "Propose a correction of a data-correction ticket's person (new values of registered fields); another person who may edit the record approves it",
  tags: ['tickets'],
  params: IdParams,
  body: CorrectionInput,
  response: CorrectionView,
  status: 201,
  idempotent: true,
  handler: async ({ params, body, write }) =>
    write(async (ctx) => ({
      status: 201,
      body: await proposeCorrection(ctx, params.id, { changes: body.changes, reason: body.reason, version: body.version }),
    })),
});
