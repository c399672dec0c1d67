import { needKey } from '../../../store/access/secondFactor.ts';
import { verifyAuditChain } from '../../../store/auditVerify.ts';
import { defineRoute } from '../../route.ts';
import { AuditVerification } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/audit/verify',
  summary:
    'Verify the keyed hash chain of the change log against its stored anchors; names the first bad row, or a rollback behind an anchor',
  tags: ['audit'],
  response: AuditVerification,
  handler: async ({ store }) => verifyAuditChain(store.pool, needKey(store.secretKey)),
});
