import { errors } from '../../../../errors.ts';
import { addDocument } from '../../../../store/reconstruction/claims/addDocument.ts';
import { defineRoute } from '../../../route.ts';
import { IdParams } from '../../../schemas.ts';
import { DocumentInput, DocumentView } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/reconstruction/claims/:id/documents',
  summary:
    'Attach a document to a claim (title, rental contract, inheritance papers): PDF, JPEG or PNG recognised by its bytes, size-limited; stored under a random id without a file name',
  tags: ['reconstruction'],
  params: IdParams,
  body: DocumentInput,
  response: DocumentView,
  status: 201,
  idempotent: true,
  handler: async ({ params, body, created }) => {
    const bytes = Buffer.from(body.content, 'base64');
    if (bytes.toString('base64') !== body.content) throw errors.documentTypeRefused();
    return created((ctx) => addDocument(ctx, params.id, body.kind, bytes));
  },
});
