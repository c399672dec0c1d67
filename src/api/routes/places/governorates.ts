import { governorates } from '../../../places/governorates.ts';
import { defineRoute } from '../../route.ts';
import { GovernorateList } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/places/governorates',
  summary: 'The 16 governorates with their OCHA P-codes',
  tags: ['places'],
  response: GovernorateList,
  handler: async () => ({ items: governorates.map((g) => ({ ...g })) }),
});
