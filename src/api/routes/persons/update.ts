import { updatePerson } from '../../../store/registry/updatePerson.ts';
import { write } from '../../../store/write.ts';
import { defineRoute } from '../../route.ts';
import { prepareForActor } from './prepare.ts';
import { PersonId, PersonUpdate, PersonView } from './schema.ts';
import { personView } from './view.ts';

export default defineRoute({
  method: 'PUT',
  url: '/api/v1/persons/:id',
  summary: "Replace a person's registered fields",
  tags: ['persons'],
  params: PersonId,
  body: PersonUpdate,
  response: PersonView,
  idempotent: true,
  handler: async ({ params, body, actor, store, operationId }) => {
    const { version, ...input } = body;
    const record = prepareForActor(input, actor);
    return write(store.pool, actor, { operationId, route: `PUT /api/v1/persons/${params.id}`, request: body }, async (ctx) => ({
      status: 200,
      body: personView(await updatePerson(ctx, params.id, record, version)),
    }));
  },
});
