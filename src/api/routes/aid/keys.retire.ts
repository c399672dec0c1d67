import { retireKey } from '../../../store/aid/cards.ts';
import { defineRoute } from '../../route.ts';
import { IdParam, RetiredKey } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/aid/keys/:id/retire',
  summary: 'Retire a key: cards signed with it are refused; its private half is deleted',
  tags: ['aid'],
  params: IdParam,
  response: RetiredKey,
  idempotent: true,
  handler: async ({ params, write }) =>
    write(async (ctx) => {
      await retireKey(ctx, params.id);
      return { status: 200, body: { id: params.id, retired: true } };
    }),
});
