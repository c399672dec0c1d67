import { listPoints } from '../../../store/aid/catalogue.ts';
import { defineRoute } from '../../route.ts';
import { PointList } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/aid/points',
  summary: "Your organisation's distribution points",
  tags: ['aid'],
  response: PointList,
  handler: async ({ actor, store }) => ({ points: await listPoints(store.pool, actor) }),
});
