import { readAuditEntry } from '../../../store/auditEntry.ts';
import { defineRoute } from '../../route.ts';
import { AuditEntryParams, AuditEntryWithContents } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/audit/log/:seq',
  summary: "One entry of your organisation's change log with its contents (before/after); the read is logged",
  tags: ['audit'],
  params: AuditEntryParams,
  response: AuditEntryWithContents,
  handler: async ({ params, actor, store }) => readAuditEntry(store.pool, actor, params.seq),
});
