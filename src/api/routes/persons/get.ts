import { readPerson } from '../../../store/registry/readPerson.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { PersonView } from './schema.ts';
import { personView } from './view.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/persons/:id',
  summary: "A person's full record (the read is logged)",
  tags: ['persons'],
  params: IdParams,
  response: PersonView,
  handler: async ({ params, actor, store }) => {
    const r = await readPerson(store.pool, actor, params.id);
    return { ...personView(r.person), household: r.household };
  },
});
