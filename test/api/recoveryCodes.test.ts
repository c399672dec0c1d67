// A signed-in person makes new recovery codes (POST /api/v1/auth/recovery-codes), on a real
// database: a current code of the authenticator is needed (a session alone is not enough); the new
// codes work once at sign-in and the old ones no longer do; a code is accepted once (the same
// last-step rule as sign-in); wrong codes count towards the same pause as sign-in; API tokens are
// refused; the change log gets counts, never a code; GET /me says how many codes are left.
import type { FastifyInstance } from 'fastify';
import { expect, test } from 'vitest';
import { timeStep, totp } from '../../src/access/totp.ts';
import { MAX_CODE_FAILURES } from '../../src/store/access/secondFactor.ts';
import { makeMachine, makeUser, PASSWORD } from '../support/factories.ts';
import { enrol, nextCode, wrongCode as wrongCodeFor, type Authenticator } from '../support/signIn.ts';
import { useAppPerTest, useTestDb } from '../support/testApp.ts';

const t = useTestDb();
// The auth routes allow 10 requests a minute per address: each test gets an app (and a limiter) of its own.
let app: FastifyInstance;
const logLines: string[] = [];
const newApp = useAppPerTest(t, { log: (l) => logLines.push(JSON.stringify(l)) });
const freshApp = async () => (app = await newApp());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const renew = (token: string, payload: Record<string, unknown>) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/recovery-codes', headers: bearer(token), payload });
const me = (token: string) => app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });
const login = (username: string) => app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD } });
const second = (payload: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/v1/auth/second-factor', payload });
const recoveryHashes = async (userId: string) =>
  (
    await t.db.pool.query<{ h: string }>("SELECT encode(code_hash, 'hex') AS h FROM recovery_code WHERE user_id = $1 ORDER BY 1", [userId])
  ).rows.map((r) => r.h);
const actionsOf = async (userId: string) =>
  (
    await t.db.pool.query<{ action: string }>("SELECT action FROM change_log WHERE entity = 'user' AND entity_id = $1 ORDER BY seq", [
      userId,
    ])
  ).rows.map((r) => r.action);
const failuresOf = async (userId: string) =>
  (await t.db.pool.query<{ n: number }>('SELECT second_factor_failures AS n FROM app_user WHERE id = $1', [userId])).rows[0]!.n;

/** Signs in with a recovery code; returns the HTTP answer of the second step. */
async function signInWithRecoveryCode(username: string, recoveryCode: string) {
  const step = await login(username);
  expect(step.statusCode, step.body).toBe(200);
  return second({ challenge: step.json().challenge, recoveryCode });
}

/** A code that is not valid now (so it is surely wrong). */
const wrongCode = (a: Authenticator) => wrongCodeFor(a.secret, 654321);

test('a current code replaces every recovery code: the new ones work once, the old ones no longer; counts in /me and the change log, never a code', async () => {
  await freshApp();
  const u = await makeUser(t.db, { role: 'site_manager' });
  const { token, auth, recoveryCodes: old } = await enrol(app, u.username, PASSWORD);
  // one old code used before the renewal: 9 unused ones are replaced
  const used = await signInWithRecoveryCode(u.username, old[0]!);
  expect(used.statusCode).toBe(200);
  expect((await me(token)).json()).toMatchObject({
    userId: u.id,
    username: u.username,
    role: 'site_manager',
    secondFactor: true,
    recoveryCodesLeft: 9,
  });
  const before = await recoveryHashes(u.id);

  const r = await renew(token, { code: await nextCode(auth) });
  expect(r.statusCode, r.body).toBe(200);
  const fresh = r.json().recoveryCodes as string[];
  expect(fresh).toHaveLength(10);
  expect(new Set(fresh).size).toBe(10);
  for (const c of fresh) expect(c).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
  for (const c of old) expect(fresh).not.toContain(c);

  // stored as 10 new sha256 hashes, none of the old ones left, none in clear
  const after = await recoveryHashes(u.id);
  expect(after).toHaveLength(10);
  for (const h of after) expect(before).not.toContain(h);
  const stored = (await t.db.pool.query<{ t: string }>("SELECT coalesce(string_agg(recovery_code::text, ' '), '') AS t FROM recovery_code"))
    .rows[0]!.t;
  for (const c of fresh) expect(stored).not.toContain(c.replace(/-/g, ''));
  expect((await me(token)).json()).toMatchObject({ secondFactor: true, recoveryCodesLeft: 10 });

  // an old unused code no longer signs in (and counts as a wrong code)
  const oldOne = await signInWithRecoveryCode(u.username, old[5]!);
  expect(oldOne.statusCode).toBe(401);
  expect(oldOne.json().type).toBe('/problems/bad_code');
  // a new one does, once, typed in lower case without dashes as people do
  const ok = await signInWithRecoveryCode(u.username, fresh[3]!.replace(/-/g, '').toLowerCase());
  expect(ok.statusCode, ok.body).toBe(200);
  expect(ok.json().recoveryCodesLeft).toBe(9);
  expect((await me(ok.json().token)).json().recoveryCodesLeft).toBe(9);
  const again = await signInWithRecoveryCode(u.username, fresh[3]!);
  expect(again.statusCode).toBe(401);

  // the change log: who renewed, with counts only
  const log = (
    await t.db.pool.query<{ action: string; after: unknown; actor_id: string }>(
      "SELECT action, after, actor_id FROM change_log WHERE entity = 'user' AND entity_id = $1 AND action = 'second_factor_recovery_codes_renewed'",
      [u.id],
    )
  ).rows;
  expect(log).toEqual([
    { action: 'second_factor_recovery_codes_renewed', after: { recoveryCodes: 10, unusedReplaced: 9 }, actor_id: u.id },
  ]);
  const text = (await t.db.pool.query<{ t: string }>("SELECT coalesce(string_agg(change_log::text, ' '), '') AS t FROM change_log"))
    .rows[0]!.t;
  for (const c of [...fresh, ...old]) {
    expect(text).not.toContain(c);
    expect(text).not.toContain(c.replace(/-/g, ''));
  }
  for (const c of fresh) expect(logLines.join('\n')).not.toContain(c);
}, 120_000);

test('a code is accepted once: the code of the renewal is refused for a second renewal and for sign-in; a code used at sign-in is refused for a renewal', async () => {
  await freshApp();
  const u = await makeUser(t.db, { role: 'auditor' });
  const { token, auth } = await enrol(app, u.username, PASSWORD);

  // the enrolment's code is still inside the server's window, but was used
  const enrolCode = totp(auth.secret, auth.lastStep);
  const replayed = await renew(token, { code: enrolCode });
  expect(replayed.statusCode).toBe(403);
  expect(replayed.json()).toMatchObject({ type: '/problems/bad_code', title: 'Wrong code' });

  const code = await nextCode(auth);
  const first = await renew(token, { code });
  expect(first.statusCode, first.body).toBe(200);
  const hashes = await recoveryHashes(u.id);
  const second2 = await renew(token, { code });
  expect(second2.statusCode).toBe(403);
  expect(second2.json().type).toBe('/problems/bad_code');
  expect(await recoveryHashes(u.id)).toEqual(hashes); // the codes handed out stay the valid ones

  const step = await login(u.username);
  const signIn = await second({ challenge: step.json().challenge, code });
  expect(signIn.statusCode).toBe(401);
  expect(signIn.json().type).toBe('/problems/bad_code');
  // each refusal counted (the good renewal reset the count of the first): 1 replayed renewal and 1 replayed sign-in
  expect(await failuresOf(u.id)).toBe(2);
  expect((await actionsOf(u.id)).filter((a) => a === 'second_factor_recovery_codes_renewed')).toHaveLength(1);
}, 120_000);

test('wrong codes are refused with 403 (the session stays) and count towards the same pause as sign-in', async () => {
  await freshApp();
  const u = await makeUser(t.db, { role: 'distribution_officer' });
  const { token, auth } = await enrol(app, u.username, PASSWORD);
  const hashes = await recoveryHashes(u.id);

  // two wrong codes at sign-in ...
  const step = (await login(u.username)).json();
  for (let i = 0; i < 2; i++) expect((await second({ challenge: step.challenge, code: wrongCode(auth) })).statusCode).toBe(401);
  // ... and wrong codes here: refused, counted, and the session is still good
  for (let i = 0; i < MAX_CODE_FAILURES - 3; i++) {
    const r = await renew(token, { code: wrongCode(auth) });
    expect(r.statusCode).toBe(403);
    expect(r.json().type).toBe('/problems/bad_code');
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(await failuresOf(u.id)).toBe(3 + i);
  }
  expect((await me(token)).statusCode).toBe(200);
  // the fifth wrong code in a row pauses the account's sign-in
  const last = await renew(token, { code: wrongCode(auth) });
  expect(last.statusCode).toBe(429);
  expect(last.json().type).toBe('/problems/second_factor_locked');
  expect((await actionsOf(u.id)).at(-1)).toBe('second_factor_locked');
  // the open sign-in challenge ended, sign-in is paused, and so is the renewal, even with a good code
  expect((await second({ challenge: step.challenge, code: totp(auth.secret, timeStep(Date.now()) + 1) })).json().type).toBe(
    '/problems/challenge_expired',
  );
  const paused = await login(u.username);
  expect(paused.statusCode).toBe(429);
  expect(paused.json().type).toBe('/problems/second_factor_locked');
  const good = await renew(token, { code: totp(auth.secret, Math.max(auth.lastStep + 1, timeStep(Date.now()))) });
  expect(good.statusCode).toBe(429);
  expect(await recoveryHashes(u.id)).toEqual(hashes);
  expect(await actionsOf(u.id)).not.toContain('second_factor_recovery_codes_renewed');
}, 120_000);

test('an API token cannot make recovery codes, even with a good code (which stays unused); nor can a session without a second factor', async () => {
  await freshApp();
  const admin = await makeUser(t.db, { role: 'administrator' });
  const u = await makeUser(t.db, { role: 'distribution_officer', orgId: admin.orgId });
  const { token, auth } = await enrol(app, u.username, PASSWORD);
  const machine = await makeMachine(t.db, { orgId: admin.orgId });
  const apiToken = machine.token;
  expect(apiToken).toMatch(/^sat_/);
  expect((await me(apiToken)).statusCode).toBe(200); // the token itself works

  const hashes = await recoveryHashes(u.id);
  const code = await nextCode(auth);
  const refused = await renew(apiToken, { code });
  expect(refused.statusCode).toBe(403);
  expect(refused.json().type).toBe('/problems/session_required');
  expect(refused.json()).not.toHaveProperty('recoveryCodes');
  expect(await recoveryHashes(u.id)).toEqual(hashes);
  expect(await failuresOf(u.id)).toBe(0);
  // the code was not used up by the refused request: the person's own session can use it
  const ok = await renew(token, { code });
  expect(ok.statusCode, ok.body).toBe(200);

  // without a token: 401
  expect((await app.inject({ method: 'POST', url: '/api/v1/auth/recovery-codes', payload: { code } })).statusCode).toBe(401);
  // a session of a user with no authenticator (a test factory's): nothing to prove, 409
  const bare = await makeUser(t.db, { role: 'caseworker' });
  const none = await renew(bare.token, { code: '123456' });
  expect(none.statusCode).toBe(409);
  expect((await me(bare.token)).json()).toMatchObject({ secondFactor: false, recoveryCodesLeft: 0 });
  // the code's shape is checked first
  const shape = await renew(token, { code: '12345' });
  expect(shape.statusCode).toBe(422);
  expect(shape.json().errors).toEqual([{ field: 'code', reason: expect.any(String) }]);
}, 120_000);

test('GET /me names the account and its organisation', async () => {
  await freshApp();
  const u = await makeUser(t.db, { role: 'analyst' });
  const org = (await t.db.pool.query<{ name: string }>('SELECT name FROM organisation WHERE id = $1', [u.orgId])).rows[0]!.name;
  expect((await me(u.token)).json()).toEqual({
    userId: u.id,
    username: u.username,
    orgId: u.orgId,
    organisation: org,
    role: 'analyst',
    governorates: u.actor.governorates,
    secondFactor: false,
    recoveryCodesLeft: 0,
    passwordTemporary: false,
  });
});

test('the OpenAPI document lists the route, for every staff role, with a bearer token and the code in the body', async () => {
  await freshApp();
  const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
  const op = doc.paths['/api/v1/auth/recovery-codes'].post;
  expect(op.tags).toEqual(['auth']);
  expect(op['x-roles']).toEqual([
    'administrator',
    'registration_officer',
    'caseworker',
    'site_manager',
    'distribution_officer',
    'analyst',
    'auditor',
    'case_supervisor',
    'feedback_focal_point',
    'engineer',
    'claims_officer',
    'reconstruction_committee',
    'vendor',
  ]);
  expect(op.security).toEqual([{ bearer: [] }]);
  expect(op.requestBody.content['application/json'].schema.properties).toHaveProperty('code');
  expect(op.responses['200'].content['application/json'].schema.properties).toHaveProperty('recoveryCodes');
  const meOp = doc.paths['/api/v1/me'].get;
  expect(Object.keys(meOp.responses['200'].content['application/json'].schema.properties)).toEqual(
    expect.arrayContaining(['username', 'organisation', 'secondFactor', 'recoveryCodesLeft']),
  );
});
