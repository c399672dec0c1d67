import { listLifeEvents } from '../../../store/lifeEvents/listLifeEvents.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { LifeEventList } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/persons/:id/life-events',
  summary: "A person's life events, newest first, with whether each is reported, confirmed or withdrawn",
  tags: ['life events'],
  params: IdParams,
  response: LifeEventList,
  handler: async ({ params, actor, store }) => ({ items: await listLifeEvents(store.pool, actor, params.id) }),
});
