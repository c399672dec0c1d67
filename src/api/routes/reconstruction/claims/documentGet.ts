import { readDocument } from '../../../../store/reconstruction/claims/documentRow.ts';
import { defineRoute } from '../../../route.ts';
import { DocumentParams } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/reconstruction/claims/:id/documents/:documentId',
  summary: "A claim's document as stored (the read is logged); sent as an attachment under its id, never displayed inline",
  tags: ['reconstruction'],
  params: DocumentParams,
  produces: 'application/octet-stream',
  handler: async ({ params, actor, store, reply }) => {
    const d = await readDocument(store.pool, actor, params.id, params.documentId);
    const ext = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' }[d.mediaType];
    return reply
      .header('content-type', d.mediaType)
      .header('content-disposition', `attachment; filename="${params.documentId}.${ext}"`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .send(d.content);
  },
});
