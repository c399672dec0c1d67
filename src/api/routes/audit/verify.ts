import { z } from 'zod';
import { verifyAuditChain } from '../../../store/auditVerify.ts';
import { defineRoute } from '../../route.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/audit/verify',
  summary: 'Verify the hash chain of the change log; names the first bad row',
  tags: ['audit'],
  response: z.object({
    ok: z.boolean(),
    rows: z.number(),
    head: z.string().optional(),
    firstBadSeq: z.number().optional(),
    problem: z.string().optional(),
  }),
  handler: async ({ store }) => verifyAuditChain(store.pool),
});
