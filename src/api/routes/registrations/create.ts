import { prepareRegistration } from '../../../registry/registration.ts';
import { registerHousehold } from '../../../store/registry/households/registerHousehold.ts';
import { defineRoute } from '../../route.ts';
import { householdAnswer } from '../households/view.ts';
import { RegistrationInput, RegistrationView } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/registrations',
  summary: 'Register a household and all its members (new persons and/or existing ones) in one write, all or nothing',
  tags: ['households'],
  body: RegistrationInput,
  response: RegistrationView,
  status: 201,
  idempotent: true,
  handler: async ({ body, actor, store, write }) => {
    const plan = prepareRegistration(body, actor);
    const w = await write(async (ctx) => ({ status: 201, body: await registerHousehold(ctx, plan) }));
    const answer = await householdAnswer(store, actor, w, plan.date);
    return { ...answer, body: { ...answer.body, persons: w.body.persons } };
  },
});
