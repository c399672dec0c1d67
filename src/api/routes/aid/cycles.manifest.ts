import { z } from 'zod';
import { manifest } from '../../../store/aid/manifest.ts';
import { defineRoute } from '../../route.ts';
import { IdParam, ManifestView } from './schema.ts';
import { Uuid } from '../../../api/schemas.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/aid/cycles/:id/manifest',
  summary:
    'What a distribution point needs offline: its entitlements (no personal data), card keys, revoked cards, the valid card serials of its households (for typed card numbers)',
  tags: ['aid'],
  params: IdParam,
  query: z.object({ point: Uuid }),
  response: ManifestView,
  handler: async ({ params, query, actor, store }) => manifest(store.pool, actor, params.id, query.point),
});
