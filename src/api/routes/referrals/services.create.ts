import { assertKnownGovernorate } from '../../../access/scope.ts';
import { createService } from '../../../store/referrals/createService.ts';
import { defineRoute } from '../../route.ts';
import { ServiceInput, ServiceView } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/services',
  summary: 'Add a service your organisation provides to the directory (type, governorates covered, capacity, contact office)',
  tags: ['referrals'],
  body: ServiceInput,
  response: ServiceView,
  status: 201,
  idempotent: true,
  handler: async ({ body, write }) => {
    body.governorates.forEach((g, i) => assertKnownGovernorate(g, `governorates.${i}`));
    return write(async (ctx) => ({
      status: 201,
      body: await createService(ctx, { ...body, governorates: [...new Set(body.governorates)] }),
    }));
  },
});
