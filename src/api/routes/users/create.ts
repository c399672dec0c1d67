import { assertGrantable } from '../../../access/users.ts';
import { addUser } from '../../../store/access/addUser.ts';
import { defineRoute } from '../../route.ts';
import { UserInput, UserView } from './schema.ts';
import { userView } from './view.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/users',
  summary: 'Create a user in your organisation, with governorates you work in (409 username_taken if the name is used)',
  tags: ['users'],
  body: UserInput,
  response: UserView,
  status: 201,
  idempotent: true,
  handler: async ({ body, actor, write }) => {
    assertGrantable(actor, body.governorates);
    return write(async (ctx) => ({ status: 201, body: userView(await addUser(ctx, body)) }));
  },
});
