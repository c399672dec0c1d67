import { linkedRecords } from '../../../store/duplicates/linkedRecords.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { LinkedList } from './schema.ts';
import { personSummary } from './view.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/persons/:id/links',
  summary: 'The records identity resolution linked to this person ("also registered as"), those in your scope',
  tags: ['persons'],
  params: IdParams,
  response: LinkedList,
  handler: async ({ params, actor, store }) => ({
    items: (await linkedRecords(store.pool, actor, params.id)).map((l) => ({
      person: personSummary(l.person),
      kind: l.kind,
      linkedAt: l.linkedAt,
    })),
  }),
});
