import { z } from 'zod';
import { defineRoute } from '../../route.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/me',
  summary: 'Who I am: role, organisation and governorates',
  tags: ['auth'],
  response: z.object({ userId: z.string().nullable(), orgId: z.string(), role: z.string(), governorates: z.array(z.string()) }),
  handler: async ({ actor }) => ({ userId: actor.userId, orgId: actor.orgId, role: actor.role, governorates: [...actor.governorates] }),
});
