import { caseFile } from '../../../../store/reconstruction/claims/caseFile.ts';
import { defineRoute } from '../../../route.ts';
import { IdParams } from '../../../schemas.ts';
import { CaseFileView } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/reconstruction/cases/:id',
  summary:
    'A joint case: its unit, every claim with its evidence side by side, priority explained, documents and approval steps (the read is logged)',
  tags: ['reconstruction'],
  params: IdParams,
  response: CaseFileView,
  handler: async ({ params, actor, store }) => caseFile(store.pool, actor, params.id),
});
