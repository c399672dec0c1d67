import { secondFactorState } from '../../../store/access/secondFactor.ts';
import { defineRoute } from '../../route.ts';
import { MeView } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/me',
  summary:
    'Who I am: username, role, organisation and governorates; whether a second factor is set up and how many recovery codes are left',
  tags: ['auth'],
  response: MeView,
  handler: async ({ actor, store }) => {
    const r = await store.pool.query<{ username: string; organisation: string }>(
      'SELECT u.username, o.name AS organisation FROM app_user u JOIN organisation o ON o.id = u.org_id WHERE u.id = $1',
      [actor.userId],
    );
    const state = actor.userId ? await secondFactorState(store.pool, actor.userId) : { enrolled: false, recoveryCodesLeft: 0 };
    return {
      userId: actor.userId,
      username: r.rows[0]?.username ?? null,
      orgId: actor.orgId,
      organisation: r.rows[0]?.organisation ?? null,
      role: actor.role,
      governorates: [...actor.governorates],
      secondFactor: state.enrolled,
      recoveryCodesLeft: state.recoveryCodesLeft,
    };
  },
});
