import { PersonInput, preparePersonForActor } from '../../../registry/person.ts';
import { createPerson } from '../../../store/registry/createPerson.ts';
import { defineRoute } from '../../route.ts';
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
  handler: async ({ body, actor, write }) => {
    const record = preparePersonForActor(body, actor);
    return write(async (ctx) => ({
      status: 201,
      body: personView(await createPerson(ctx, record)),
    }));
  },
});
