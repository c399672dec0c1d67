import { getPerson } from '../../../store/registry/findPerson.ts';
import { appendLog } from '../../../store/write.ts';
import { defineRoute } from '../../route.ts';
import { PersonId, PersonView } from './schema.ts';
import { personView } from './view.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/persons/:id',
  summary: "A person's full record (the read is logged)",
  tags: ['persons'],
  params: PersonId,
  response: PersonView,
  handler: async ({ params, actor, store }) => {
    const p = await getPerson(store.pool, actor, params.id);
    await appendLog(store.pool, actor, { entity: 'person', entityId: p.id, action: 'read' });
    return personView(p);
  },
});
