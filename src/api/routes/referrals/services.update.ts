import { assertKnownGovernorate } from '../../../access/scope.ts';
import { updateService } from '../../../store/referrals/updateService.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { ServiceUpdate, ServiceView } from './schema.ts';

export default defineRoute({
  method: 'PUT',
  url: '/api/v1/services/:id',
  summary: 'Change a service of your organisation (or mark it inactive); send the version you read',
  tags: ['referrals'],
  params: IdParams,
  body: ServiceUpdate,
  response: ServiceView,
  idempotent: true,
  handler: async ({ params, body, write }) => {
    body.governorates.forEach((g, i) => assertKnownGovernorate(g, `governorates.${i}`));
    const { version, ...input } = body;
    return write(async (ctx) => ({
      status: 200,
      body: await updateService(ctx, params.id, version, { ...input, governorates: [...new Set(input.governorates)] }),
    }));
  },
});
