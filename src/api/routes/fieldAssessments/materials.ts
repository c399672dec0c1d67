import { listMaterials } from '../../../store/reconstruction/materials.ts';
import { defineRoute } from '../../route.ts';
import { MaterialsView } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/reconstruction/materials',
  summary: 'The materials catalogue a bill of quantities lists from: code, Arabic and English name, unit, default unit cost in US dollars',
  tags: ['reconstruction'],
  response: MaterialsView,
  handler: async ({ store }) => ({ items: await listMaterials(store.pool), currency: 'USD' as const }),
});
