import { previewRules } from '../../../store/aid/previewRules.ts';
import { defineRoute } from '../../route.ts';
import { RulesPreviewInput, RulesPreviewView } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/aid/programmes/preview',
  summary: 'Preview rules before saving them: how many households of the registry as it stands today they select, per item (counts only)',
  tags: ['aid'],
  body: RulesPreviewInput,
  response: RulesPreviewView,
  handler: async ({ body, actor, store }) => previewRules(store.pool, actor, body.rules),
});
