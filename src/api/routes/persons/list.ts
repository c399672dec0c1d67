import { listPersons } from '../../../store/registry/listPersons.ts';
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
  summary: 'List the people you may see, in pages',
  tags: ['persons'],
  query: ListQuery,
  response: Page(PersonSummary),
  handler: async ({ query, actor, store }) => {
    const after = decodeCursor(query.cursor, isAfter)?.a;
    const r = await listPersons(store.pool, actor, after, query.limit);
    const last = r.items.at(-1);
    return { items: r.items.map(personSummary), nextCursor: r.more && last ? encodeCursor({ a: last.id }) : null };
  },
});
