import { verifyAuditChain } from '../../../store/auditVerify.ts';
import { defineRoute } from '../../route.ts';
import { AuditVerification } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/audit/verify',
  summary: 'Verify the hash chain of the change log; names the first bad row',
  tags: ['audit'],
  response: AuditVerification,
  handler: async ({ store }) => verifyAuditChain(store.pool),
});
