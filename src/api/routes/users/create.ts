import { assertGrantable, assertNewAccountPassword, assertSession } from '../../../access/users.ts';
import { addUser } from '../../../store/access/addUser.ts';
import { defineRoute } from '../../route.ts';
import { UserInput, UserView } from './schema.ts';
import { userView } from './view.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/users',
  summary:
    'Create an account in your organisation with governorates you work in: a person with a TEMPORARY password (they choose their own at the first sign-in, after setting up the second factor), or a machine account (kind machine, no password: it acts through API tokens). 409 username_taken if your organisation has the name',
  tags: ['users'],
  body: UserInput,
  response: UserView,
  status: 201,
  idempotent: true,
  handler: async ({ body, actor, write }) => {
    assertSession(actor); // a machine's API token administers nothing
    assertGrantable(actor, body.governorates);
    assertNewAccountPassword(body);
    return write(async (ctx) => ({ status: 201, body: userView(await addUser(ctx, body)) }));
  },
});
