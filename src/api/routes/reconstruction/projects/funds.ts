import { fundsByGovernorate } from '../../../../store/reconstruction/projects/fundsByGovernorate.ts';
import { defineRoute } from '../../../route.ts';
import { FundsView } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/reconstruction/funds',
  summary:
    'Funds committed and disbursed per governorate and currency over your projects (a project in several governorates shares its amounts equally between them)',
  tags: ['reconstruction'],
  response: FundsView,
  handler: async ({ actor, store }) => ({ rows: await fundsByGovernorate(store.pool, actor) }),
});
