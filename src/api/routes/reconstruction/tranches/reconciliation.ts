import { materialsReconciliation } from '../../../../store/reconstruction/tranches/reconciliation.ts';
import { defineRoute } from '../../../route.ts';
import { Reconciliation } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/reconstruction/materials/reconciliation',
  summary:
    'Materials per governorate and item: quota of the approved cases, sold by vendors, installed (from inspections), and what left the vendors there',
  tags: ['reconstruction'],
  response: Reconciliation,
  handler: async ({ actor, store }) => ({ items: await materialsReconciliation(store.pool, actor) }),
});
