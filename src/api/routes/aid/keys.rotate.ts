import { createKey } from '../../../store/aid/cards.ts';
import { defineRoute } from '../../route.ts';
import { NewKey } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/aid/keys',
  summary: 'Rotate: a new signing key for new cards; cards signed with older keys verify until those are retired',
  tags: ['aid'],
  response: NewKey,
  status: 201,
  idempotent: true,
  handler: async ({ created, store }) => created((ctx) => createKey(ctx, store.secretKey)),
});
