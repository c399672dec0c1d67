import { readAuditLog } from '../../../store/auditLog.ts';
import { defineRoute } from '../../route.ts';
import { AuditLogPage, AuditLogQuery } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/audit/log',
  summary:
    "Your organisation's change log, newest first (who did what to which record, when; contents via the record's history), filtered by record kind, record, user or action",
  tags: ['audit'],
  query: AuditLogQuery,
  response: AuditLogPage,
  handler: async ({ query, actor, store }) => {
    const items = await readAuditLog(store.pool, actor.orgId, query);
    return { items, nextBefore: items.length === query.limit ? items.at(-1)!.seq : null };
  },
});
