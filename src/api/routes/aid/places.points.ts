import { z } from 'zod';
import { listPoints } from '../../../store/aid/catalogue.ts';
import { defineRoute } from '../../route.ts';
import { PlaceView } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/aid/points',
  summary: "Your organisation's distribution points",
  tags: ['aid'],
  response: z.object({ points: z.array(PlaceView) }),
  handler: async ({ actor, store }) => ({ points: await listPoints(store.pool, actor) }),
});
