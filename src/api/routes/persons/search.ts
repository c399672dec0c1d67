import { searchAdvice, searchKeys } from '../../../registry/personSearch.ts';
import { logPersonsShown } from '../../../store/registry/logPersonsShown.ts';
import { lookUpPersonsLogged } from '../../../store/registry/lookUpPersonsLogged.ts';
import { MAX_RANKED, type PersonSearchResult, searchPersons } from '../../../store/registry/searchPersons.ts';
import { decodeCursor, encodeCursor } from '../../cursor.ts';
import { readerOf } from '../../../store/open.ts';
import { defineRoute } from '../../route.ts';
import { PersonSearch, PersonSearchPage } from './schema.ts';
import { personSummary } from './view.ts';

const isOffset = (v: unknown): v is { o: number } =>
  typeof v === 'object' &&
  v !== null &&
  Number.isInteger((v as { o: unknown }).o) &&
  (v as { o: number }).o >= 0 &&
  (v as { o: number }).o < MAX_RANKED;

export default defineRoute({
  method: 'POST',
  url: '/api/v1/persons/search',
  summary:
    'Search people by name (Arabic or Latin script, ranked with the order of the name parts), national ID or phone, with the total and advice that fits the search. POST keeps the terms out of URLs and logs; each search is logged with the ids it showed, never its terms.',
  tags: ['persons'],
  body: PersonSearch,
  response: PersonSearchPage,
  handler: async ({ body, actor, store }) => {
    const keys = searchKeys(body);
    const offset = decodeCursor(body.cursor, isOffset)?.o ?? 0;
    const q = { nationalId: keys.nationalId, phone: keys.phone, limit: body.limit, offset };
    // who searched, when, and whom the page showed; never what was typed
    const lookup = [...(keys.nationalId ? ['national_id' as const] : []), ...(keys.phone ? ['phone' as const] : [])];
    const by = [...(body.query ? ['name' as const] : []), ...lookup];
    let r: PersonSearchResult;
    if (body.query === undefined && readerOf(store) === store.pool) {
      // an ID or phone lookup and its read log in one round trip
      r = await lookUpPersonsLogged(store.pool, actor, q, lookup);
    } else {
      r = await searchPersons(readerOf(store), actor, { ...q, name: body.query });
      await logPersonsShown(
        store.pool,
        actor,
        'search',
        r.items.map((p) => p.id),
        { by },
      );
    }
    return {
      items: r.items.map(personSummary),
      nextCursor: r.more && offset + body.limit < MAX_RANKED ? encodeCursor({ o: offset + body.limit }) : null,
      crowded: r.crowded,
      total: r.total,
      totalExact: r.totalExact,
      advice: searchAdvice({ ...keys, query: body.query, total: r.total, crowded: r.crowded }),
    };
  },
});
