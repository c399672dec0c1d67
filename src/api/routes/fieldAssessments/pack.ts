import { fieldPack } from '../../../store/reconstruction/fieldPack.ts';
import { listMaterials } from '../../../store/reconstruction/materials.ts';
import { defineRoute } from '../../route.ts';
import { FieldPackView, PackQuery } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/reconstruction/field-pack',
  summary:
    "What an engineer's phone keeps for field work without a connection: the materials catalogue and the buildings of one of their governorates (nearest a point first, when given) with their units. No personal data.",
  tags: ['reconstruction'],
  query: PackQuery,
  response: FieldPackView,
  handler: async ({ query, actor, store }) => {
    const near = query.lon !== undefined && query.lat !== undefined ? { lon: query.lon, lat: query.lat } : null;
    return {
      governorate: query.governorate,
      preparedAt: new Date().toISOString(),
      materials: await listMaterials(store.pool),
      buildings: await fieldPack(store.pool, actor, query.governorate, near),
    };
  },
});
