// POST /api/v1/users/:id/second-factor/reset: an administrator removes a user's second factor (lost
// phone) and ends their sessions; never their own, never another organisation's user.
import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { makeMachine, PASSWORD } from '../support/factories.ts';
import { enrol } from '../support/signIn.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
const url = (id: string) => `/api/v1/users/${id}/second-factor/reset`;

test('resets an enrolled user: the secret goes, the sessions end, logged under the administrator', async () => {
  const admin = await t.user({ role: 'administrator' });
  const officer = await t.user({ role: 'caseworker', orgId: admin.orgId });
  await enrol(t.app, officer.username, PASSWORD);
  const res = await t.post(admin, url(officer.id));
  expect(res.statusCode).toBe(200);
  expect(res.json()).toEqual({ wasEnrolled: true, sessionsEnded: 2, tokensRevoked: 0 });
  expect((await t.get(officer, '/api/v1/me')).statusCode).toBe(401);
  expect((await t.db.pool.query('SELECT 1 FROM user_totp WHERE user_id = $1', [officer.id])).rowCount).toBe(0);
  const log = await t.db.pool.query(
    "SELECT actor_id, action, after FROM change_log WHERE entity = 'user' AND entity_id = $1 ORDER BY seq",
    [officer.id],
  );
  expect(log.rows.at(-1)).toEqual({
    actor_id: admin.id,
    action: 'second_factor_reset',
    after: { wasEnrolled: true, sessionsEnded: 2, tokensRevoked: 0 },
  });
  const again = await t.post(admin, url(officer.id));
  expect(again.json()).toEqual({ wasEnrolled: false, sessionsEnded: 0, tokensRevoked: 0 });
});

test('your own second factor is 409 own_second_factor, and nothing changes', async () => {
  const admin = await t.user({ role: 'administrator' });
  const res = await t.post(admin, url(admin.id));
  expect(res.statusCode).toBe(409);
  expect(res.json().type).toBe('/problems/own_second_factor');
  expect((await t.get(admin, '/api/v1/me')).statusCode).toBe(200);
});

test('another organisation’s user, or no user, is 404; a malformed id 422; other roles 403', async () => {
  const admin = await t.user({ role: 'administrator' });
  const stranger = await t.user({ role: 'caseworker' });
  for (const id of [stranger.id, randomUUID()]) {
    const res = await t.post(admin, url(id));
    expect(res.statusCode).toBe(404);
    expect(res.json().type).toBe('/problems/not_found');
  }
  expect((await t.get(stranger, '/api/v1/me')).statusCode).toBe(200); // the stranger's session lives on
  expect((await t.post(admin, url('123'))).statusCode).toBe(422);
  const colleague = await t.user({ role: 'registration_officer', orgId: admin.orgId });
  expect((await t.post(colleague, url(admin.id))).statusCode).toBe(403);
});

test('only accounts within one’s governorates (today’s hole: any account of the organisation); a machine has none (409)', async () => {
  const all = await t.user({ role: 'administrator' });
  const gaza = await t.user({ role: 'administrator', orgId: all.orgId, governorates: ['PS0260'] });
  const wide = await t.user({ role: 'caseworker', orgId: all.orgId, governorates: ['PS0260', 'PS0110'] });
  for (const target of [all, wide]) {
    const res = await t.post(gaza, url(target.id));
    expect(res.statusCode).toBe(404);
    expect(res.json().type).toBe('/problems/not_found');
    expect((await t.get(target, '/api/v1/me')).statusCode).toBe(200); // their session lives on
  }
  const bot = await makeMachine(t.db, { orgId: all.orgId, governorates: ['PS0260'] });
  const machine = await t.post(gaza, url(bot.id));
  expect(machine.statusCode).toBe(409);
  expect(machine.json().type).toBe('/problems/machine_account');
});
