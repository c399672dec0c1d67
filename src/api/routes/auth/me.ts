import { readAccount } from '../../../store/access/readAccount.ts';
import { defineRoute } from '../../route.ts';
import { MeView } from './schema.ts';
import { meView } from './view.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/me',
  summary:
    'Who I am: username, role, organisation and governorates; whether a second factor is set up and how many recovery codes are left',
  tags: ['auth'],
  response: MeView,
  handler: async ({ actor, store }) => meView(actor, await readAccount(store.pool, actor)),
});
