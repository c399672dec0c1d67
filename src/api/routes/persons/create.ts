import { PersonInput } from '../../../registry/person.ts';
import { createPerson } from '../../../store/registry/createPerson.ts';
import { write } from '../../../store/write.ts';
import { defineRoute } from '../../route.ts';
import { prepareForActor } from './prepare.ts';
import { PersonView } from './schema.ts';
import { personView } from './view.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/persons',
  summary: 'Register a person',
  tags: ['persons'],
  body: PersonInput,
  response: PersonView,
  status: 201,
  idempotent: true,
  handler: async ({ body, actor, store, operationId }) => {
    const record = prepareForActor(body, actor);
    return write(store.pool, actor, { operationId, route: 'POST /api/v1/persons', request: body }, async (ctx) => ({
      status: 201,
      body: personView(await createPerson(ctx, record)),
    }));
  },
});
