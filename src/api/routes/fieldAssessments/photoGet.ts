import { readFieldPhoto } from '../../../store/reconstruction/readFieldPhoto.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/reconstruction/photos/:id',
  summary:
    "A photo from the one photo store (its metadata removed when it was stored): a field assessment's, to those who read assessments of its building; a tranche inspection's, to those who read the case's plan. The read is logged",
  tags: ['reconstruction'],
  params: IdParams,
  produces: 'image/jpeg',
  handler: async ({ params, actor, store, reply }) => {
    const p = await readFieldPhoto(store.pool, actor, params.id);
    return reply
      .type(p.mediaType)
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', 'inline')
      .send(p.bytes);
  },
});
