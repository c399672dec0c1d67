import { listPersons } from '../../../store/registry/listPersons.ts';
import { logPersonsShown } from '../../../store/registry/logPersonsShown.ts';
import { decodeCursor, encodeCursor } from '../../cursor.ts';
import { defineRoute } from '../../route.ts';
import { ListQuery, Page, PersonSummary } from './schema.ts';
import { personSummary } from './view.ts';
import { isUuid } from '../../../shared/ids.ts';

const isAfter = (v: unknown): v is { a: string } =>
  typeof v === 'object' && v !== null && typeof (v as { a: unknown }).a === 'string' && isUuid((v as { a: string }).a);

export default defineRoute({
  method: 'GET',
  url: '/api/v1/persons',
  summary:
    'List the people you may see, in pages (administrators and machine accounts feeding other systems; each page is logged with the ids it showed, and pages are limited per credential)',
  tags: ['persons'],
  query: ListQuery,
  response: Page(PersonSummary),
  rateLimit: { max: 30, timeWindow: '1 minute', per: 'credential' },
  handler: async ({ query, actor, store }) => {
    const after = decodeCursor(query.cursor, isAfter)?.a;
    const r = await listPersons(store.pool, actor, after, query.limit);
    await logPersonsShown(
      store.pool,
      actor,
      'list',
      r.items.map((p) => p.id),
    );
    const last = r.items.at(-1);
    return { items: r.items.map(personSummary), nextCursor: r.more && last ? encodeCursor({ a: last.id }) : null };
  },
});
