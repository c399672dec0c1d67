import { preparePersonForActor } from '../../../registry/person.ts';
import { updatePerson } from '../../../store/registry/updatePerson.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { PersonUpdate, PersonView } from './schema.ts';
import { personView } from './view.ts';

export default defineRoute({
  method: 'PUT',
  url: '/api/v1/persons/:id',
  summary: "Replace a person's registered fields",
  tags: ['persons'],
  params: IdParams,
  body: PersonUpdate,
  response: PersonView,
  idempotent: true,
  handler: async ({ params, body, actor, write }) => {
    const { version, reason, ...input } = body;
    const record = preparePersonForActor(input, actor);
    return write(async (ctx) => ({ status: 200, body: personView(await updatePerson(ctx, params.id, record, version, reason)) }));
  },
});
