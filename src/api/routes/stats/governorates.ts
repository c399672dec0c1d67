import { countByGovernorate } from '../../../store/stats/governorates.ts';
import { readerOf } from '../../../store/open.ts';
import { defineRoute } from '../../route.ts';
import { GovernorateStats } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/stats/governorates',
  summary:
    'Aggregates per governorate for your organisation: people by sex, households, and their totals (no personal data; small counts withheld from aggregate-only roles)',
  tags: ['stats'],
  response: GovernorateStats,
  handler: async ({ actor, store }) => countByGovernorate(readerOf(store), actor),
});
