import { readCase } from '../../../store/cases/readCases.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { CaseFileView } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/cases/:id',
  summary:
    'A case file with its timeline, for the assigned caseworker, the supervisors of its governorate and those it was shared with (the read is logged)',
  tags: ['cases'],
  params: IdParams,
  response: CaseFileView,
  handler: async ({ params, actor, store }) => readCase(store.pool, actor, params.id),
});
