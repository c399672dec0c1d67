import { listQueue, type QueueCursor } from '../../../store/duplicates/queue.ts';
import { decodeCursor, encodeCursor } from '../../cursor.ts';
import { defineRoute } from '../../route.ts';
import { Page } from '../persons/schema.ts';
import { personSummary } from '../persons/view.ts';
import { QueueItem, QueueQuery } from './schema.ts';
import { isUuid } from '../../../shared/ids.ts';
import { FAMILY_TIES } from '../../../shared/relations.ts';

const isCursor = (v: unknown): v is QueueCursor =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as QueueCursor).w === 'number' &&
  Number.isFinite((v as QueueCursor).w) &&
  typeof (v as QueueCursor).i === 'string' &&
  isUuid((v as QueueCursor).i);

export default defineRoute({
  method: 'GET',
  url: '/api/v1/duplicates',
  summary: 'The review queue: pairs that may be the same person, strongest first (both records in your scope)',
  tags: ['duplicates'],
  query: QueueQuery,
  response: Page(QueueItem),
  handler: async ({ query, actor, store }) => {
    const after = decodeCursor(query.cursor, isCursor);
    const r = await listQueue(store.pool, actor, { after, limit: query.limit, status: query.status });
    const last = r.items.at(-1);
    return {
      items: r.items.map((c) => ({
        id: c.id,
        status: c.status,
        weight: c.weight,
        probability: c.probability,
        conflict: c.conflict,
        relation: c.relation,
        relative: FAMILY_TIES.has(c.relation),
        a: personSummary(c.a),
        b: personSummary(c.b),
        evidence: c.explanation,
      })),
      nextCursor: r.more && last ? encodeCursor({ w: last.weight, i: last.id }) : null,
    };
  },
});
