import { listProgrammes } from '../../../store/aid/catalogue.ts';
import { defineRoute } from '../../route.ts';
import { ProgrammeList } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/aid/programmes',
  summary: "Your organisation's programmes and their rules",
  tags: ['aid'],
  response: ProgrammeList,
  handler: async ({ actor, store }) => ({ programmes: await listProgrammes(store.pool, actor) }),
});
