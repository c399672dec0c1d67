// The second factor of sign-in on a real database: a password alone never gives a session;
// enrolment with a secret shown once; a code works once; recovery codes work once; wrong codes
// pause the account; an administrator resets it; nothing secret reaches the change log, the
// error bodies or the application log.
import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, test } from 'vitest';
import { newSecretKey } from '../../src/access/secretBox.ts';
import { base32Decode, timeStep, totp } from '../../src/access/totp.ts';
import { buildApp } from '../../src/api/app.ts';
import { LOCK_MINUTES, MAX_CODE_FAILURES, secretsUnderOtherKeys } from '../../src/store/access/secondFactor.ts';
import { makeUser, PASSWORD, storeOf, type TestUser } from '../support/factories.ts';
import { enrol, nextCode, wrongCode, type Authenticator } from '../support/signIn.ts';
import { useAppPerTest, useTestDb } from '../support/testApp.ts';

const t = useTestDb();
let admin: TestUser;
// Sign-in routes allow 10 requests a minute per address: each test gets an app (and a limiter) of its own.
let app: FastifyInstance;
const logLines: string[] = [];
beforeAll(async () => {
  admin = await makeUser(t.db, { role: 'administrator' });
});
const newApp = useAppPerTest(t, { log: (l) => logLines.push(JSON.stringify(l)) });
const freshApp = async () => (app = await newApp());

const login = (username: string, password = PASSWORD) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
const second = (payload: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/v1/auth/second-factor', payload });
const confirm = (payload: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/v1/auth/second-factor/enrol', payload });
const me = (token: string) => app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
const logOf = async (userId: string) =>
  (
    await t.db.pool.query<{ action: string; after: unknown; actor_id: string }>(
      "SELECT action, after, actor_id FROM change_log WHERE entity = 'user' AND entity_id = $1 ORDER BY seq",
      [userId],
    )
  ).rows;
const changeLogText = async () =>
  (await t.db.pool.query<{ t: string }>("SELECT coalesce(string_agg(change_log::text, ' '), '') AS t FROM change_log")).rows[0]!.t;

/** The code an authenticator would give next, without using it up (for requests that must fail). */
const unusedCode = (a: Authenticator) => totp(a.secret, Math.max(a.lastStep + 1, timeStep(Date.now())));

test('first sign-in: the password gives an enrolment, never a session; the first code enrols and signs in', async () => {
  await freshApp();
  const u = await makeUser(t.db, { role: 'caseworker' });
  const r = await login(u.username);
  expect(r.statusCode).toBe(200);
  const step = r.json();
  expect(step).not.toHaveProperty('token');
  expect(step.status).toBe('enrolment_required');
  expect(step.secret).toMatch(/^[A-Z2-7]{32}$/); // 160 bits
  expect(step.otpauthUri).toBe(`otpauth://totp/Sanad:${u.username}?secret=${step.secret}&issuer=Sanad&algorithm=SHA1&digits=6&period=30`);
  // the challenge is not a session
  expect((await me(step.challenge)).statusCode).toBe(401);
  const secret = base32Decode(step.secret);

  // a wrong code does not enrol
  const bad = await confirm({ challenge: step.challenge, code: wrongCode(secret) });
  expect(bad.statusCode).toBe(401);
  expect(bad.json().type).toBe('/problems/bad_code');
  expect((await t.db.pool.query('SELECT 1 FROM user_totp WHERE user_id = $1', [u.id])).rowCount).toBe(0);

  const ok = await confirm({ challenge: step.challenge, code: totp(secret, timeStep(Date.now())) });
  expect(ok.statusCode).toBe(200);
  const done = ok.json();
  expect(done.role).toBe('caseworker');
  expect(done.recoveryCodes).toHaveLength(10);
  expect((await me(done.token)).json()).toMatchObject({ userId: u.id, role: 'caseworker' });

  // the enrolment challenge was single use
  const again = await confirm({ challenge: step.challenge, code: totp(secret, timeStep(Date.now()) + 1) });
  expect(again.statusCode).toBe(401);
  expect(again.json().type).toBe('/problems/challenge_expired');

  // stored: the secret sealed (not in clear), recovery codes as sha256 only
  const row = (await t.db.pool.query<{ secret_box: Buffer }>('SELECT secret_box FROM user_totp WHERE user_id = $1', [u.id])).rows[0]!;
  expect(row.secret_box.includes(secret)).toBe(false);
  expect(row.secret_box.length).toBe(12 + 16 + 20);
  const hashes = (await t.db.pool.query<{ code_hash: Buffer }>('SELECT code_hash FROM recovery_code WHERE user_id = $1', [u.id])).rows;
  expect(hashes).toHaveLength(10);
  for (const h of hashes) expect(h.code_hash.length).toBe(32);
  expect((await t.db.pool.query('SELECT 1 FROM login_challenge WHERE user_id = $1', [u.id])).rowCount).toBe(0);

  // the change log says who enrolled, without the secret or the codes
  expect(await logOf(u.id)).toEqual([{ action: 'second_factor_enrol', after: { method: 'totp', recoveryCodes: 10 }, actor_id: u.id }]);
  const text = await changeLogText();
  expect(text).not.toContain(step.secret);
  for (const c of done.recoveryCodes as string[]) expect(text).not.toContain(c);
});

test('later sign-ins: a code works once, a wrong code and a used code are refused, a challenge is single use', async () => {
  await freshApp();
  const u = await makeUser(t.db, { role: 'analyst' });
  const { auth } = await enrol(app, u.username, PASSWORD);

  const step = (await login(u.username)).json();
  expect(step).toEqual({ status: 'second_factor_required', challenge: expect.stringMatching(/^chl_/), expiresAt: expect.any(String) }); // no secret again
  const minutes = (Date.parse(step.expiresAt) - Date.now()) / 60_000;
  expect(minutes).toBeGreaterThan(4);
  expect(minutes).toBeLessThanOrEqual(5);

  const wrong = await second({ challenge: step.challenge, code: wrongCode(auth.secret) });
  expect(wrong.statusCode).toBe(401);
  expect(wrong.json()).toMatchObject({ type: '/problems/bad_code', title: 'Wrong code' });

  // the code the enrolment used is refused (replay), although it is within the window
  const replay = await second({ challenge: step.challenge, code: totp(auth.secret, auth.lastStep) });
  expect(replay.statusCode).toBe(401);
  expect(replay.json().type).toBe('/problems/bad_code');

  const code = await nextCode(auth);
  const ok = await second({ challenge: step.challenge, code });
  expect(ok.statusCode).toBe(200);
  expect(ok.json()).toMatchObject({ role: 'analyst', recoveryCodesLeft: 10 });
  expect((await me(ok.json().token)).statusCode).toBe(200);

  // the same code with a new challenge: refused; the old challenge: gone
  const step2 = (await login(u.username)).json();
  expect((await second({ challenge: step2.challenge, code })).json().type).toBe('/problems/bad_code');
  expect((await second({ challenge: step.challenge, code: unusedCode(auth) })).json().type).toBe('/problems/challenge_expired');
});

test('a new sign-in replaces an open challenge; an expired challenge is refused', async () => {
  await freshApp();
  const u = await makeUser(t.db);
  const { auth } = await enrol(app, u.username, PASSWORD);
  const first = (await login(u.username)).json();
  const latest = (await login(u.username)).json();
  expect((await second({ challenge: first.challenge, code: unusedCode(auth) })).json().type).toBe('/problems/challenge_expired');
  await t.db.pool.query("UPDATE login_challenge SET expires_at = now() - interval '1 second' WHERE user_id = $1", [u.id]);
  const late = await second({ challenge: latest.challenge, code: unusedCode(auth) });
  expect(late.statusCode).toBe(401);
  expect(late.json().type).toBe('/problems/challenge_expired');
});

test('one code sent twice at once: exactly one session', async () => {
  await freshApp();
  const u = await makeUser(t.db);
  const { auth } = await enrol(app, u.username, PASSWORD);
  const step = (await login(u.username)).json();
  const code = await nextCode(auth);
  const both = await Promise.all([second({ challenge: step.challenge, code }), second({ challenge: step.challenge, code })]);
  expect(both.map((r) => r.statusCode).sort()).toEqual([200, 401]);
  expect((await t.db.pool.query('SELECT 1 FROM session WHERE user_id = $1 AND revoked_at IS NULL', [u.id])).rowCount).toBe(3); // the factory's, the enrolment's, this one
});

test('recovery codes: each works once, in any case and grouping; their use is logged', async () => {
  await freshApp();
  const u = await makeUser(t.db, { role: 'site_manager' });
  const { recoveryCodes } = await enrol(app, u.username, PASSWORD);
  const [a, b] = recoveryCodes as [string, string];
  const step = (await login(u.username)).json();
  const ok = await second({ challenge: step.challenge, recoveryCode: ` ${a.toLowerCase().replace(/-/g, ' ')} ` });
  expect(ok.statusCode).toBe(200);
  expect(ok.json()).toMatchObject({ role: 'site_manager', recoveryCodesLeft: 9 });
  const step2 = (await login(u.username)).json();
  const reused = await second({ challenge: step2.challenge, recoveryCode: a });
  expect(reused.statusCode).toBe(401);
  expect(reused.json().type).toBe('/problems/bad_code');
  expect((await second({ challenge: step2.challenge, recoveryCode: b })).json().recoveryCodesLeft).toBe(8);
  // a code and a recovery code together, or neither: refused by validation
  const step3 = (await login(u.username)).json();
  expect((await second({ challenge: step3.challenge, code: '123456', recoveryCode: b })).statusCode).toBe(422);
  expect((await second({ challenge: step3.challenge })).statusCode).toBe(422);
  const actions = (await logOf(u.id)).map((e) => [e.action, e.after]);
  expect(actions).toEqual([
    ['second_factor_enrol', { method: 'totp', recoveryCodes: 10 }],
    ['second_factor_recovery_code_use', { recoveryCodesLeft: 9 }],
    ['second_factor_recovery_code_use', { recoveryCodesLeft: 8 }],
  ]);
  expect(await changeLogText()).not.toContain(a);
});

test(`${MAX_CODE_FAILURES} wrong codes in a row pause the account; an administrator's reset lifts the pause and the second factor`, async () => {
  await freshApp();
  const u = await makeUser(t.db, { role: 'registration_officer', orgId: admin.orgId });
  const { auth, token: before } = await enrol(app, u.username, PASSWORD);
  const step = (await login(u.username)).json();
  const statuses: number[] = [];
  for (let i = 0; i < MAX_CODE_FAILURES; i++)
    statuses.push((await second({ challenge: step.challenge, code: wrongCode(auth.secret) })).statusCode);
  expect(statuses).toEqual([...Array(MAX_CODE_FAILURES - 1).fill(401), 429]);
  const paused = await second({ challenge: step.challenge, code: await nextCode(auth) });
  expect(paused.statusCode).toBe(401); // the challenge died with the pause
  // a correct password now says the account is paused; a wrong one says nothing more than before
  const again = await login(u.username);
  expect(again.statusCode).toBe(429);
  expect(again.headers['content-type']).toContain('application/problem+json');
  expect(again.json()).toMatchObject({
    type: '/problems/second_factor_locked',
    detail: expect.stringContaining(`${LOCK_MINUTES} minutes`),
  });
  expect((await login(u.username, 'not the password at all')).json().type).toBe('/problems/bad_credentials');
  expect((await logOf(u.id)).map((e) => e.action)).toEqual(['second_factor_enrol', 'second_factor_locked']);

  // the administrator resets: the pause, the secret, the recovery codes and the sessions go
  await freshApp();
  const other = await makeUser(t.db, { role: 'administrator' }); // another organisation
  const url = `/api/v1/users/${u.id}/second-factor/reset`;
  expect((await app.inject({ method: 'POST', url, headers: other.auth })).statusCode).toBe(404);
  const self = await app.inject({ method: 'POST', url: `/api/v1/users/${admin.id}/second-factor/reset`, headers: admin.auth });
  expect(self.statusCode).toBe(409);
  const listed = async () =>
    (await app.inject({ method: 'GET', url: '/api/v1/users', headers: admin.auth }))
      .json()
      .items.find((x: { id: string }) => x.id === u.id);
  expect(await listed()).toMatchObject({ username: u.username, secondFactor: true });
  const reset = await app.inject({ method: 'POST', url, headers: admin.auth });
  expect(reset.statusCode).toBe(200);
  expect(reset.json()).toEqual({ wasEnrolled: true, sessionsEnded: 2, tokensRevoked: 0 });
  expect((await me(before)).statusCode).toBe(401);
  expect((await me(u.token)).statusCode).toBe(401);
  expect((await t.db.pool.query('SELECT 1 FROM recovery_code WHERE user_id = $1', [u.id])).rowCount).toBe(0);
  expect(await listed()).toMatchObject({ secondFactor: false });
  const log = await logOf(u.id);
  expect(log.at(-1)).toEqual({
    action: 'second_factor_reset',
    after: { wasEnrolled: true, sessionsEnded: 2, tokensRevoked: 0 },
    actor_id: admin.id,
  });
  // next sign-in enrols a new secret
  const fresh = (await login(u.username)).json();
  expect(fresh.status).toBe('enrolment_required');
  expect(base32Decode(fresh.secret).equals(auth.secret)).toBe(false);
});

test(`wrong codes older than ${LOCK_MINUTES} minutes no longer count towards the pause`, async () => {
  await freshApp();
  const u = await makeUser(t.db, { role: 'caseworker', orgId: admin.orgId });
  const { auth } = await enrol(app, u.username, PASSWORD);
  const wrongTimes = async (n: number) => {
    const step = (await login(u.username)).json();
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push((await second({ challenge: step.challenge, code: wrongCode(auth.secret) })).statusCode);
    return out;
  };
  // One short of the pause, then the last of them becomes old: the next wrong code starts a new count.
  expect(await wrongTimes(MAX_CODE_FAILURES - 1)).toEqual(Array(MAX_CODE_FAILURES - 1).fill(401));
  await t.db.pool.query('UPDATE app_user SET second_factor_failed_at = now() - make_interval(mins => $2 + 1) WHERE id = $1', [
    u.id,
    LOCK_MINUTES,
  ]);
  expect(await wrongTimes(1)).toEqual([401]);
  expect((await t.db.pool.query('SELECT second_factor_failures AS n FROM app_user WHERE id = $1', [u.id])).rows[0].n).toBe(1);
  // Recent ones still add up: three more (four in all, recent) and one more pauses.
  await freshApp();
  expect(await wrongTimes(MAX_CODE_FAILURES - 1)).toEqual([...Array(MAX_CODE_FAILURES - 2).fill(401), 429]);
  expect((await logOf(u.id)).map((e) => e.action)).toEqual(['second_factor_enrol', 'second_factor_locked']);
});

test('a disabled user cannot finish a sign-in they started', async () => {
  await freshApp();
  const u = await makeUser(t.db);
  const { auth } = await enrol(app, u.username, PASSWORD);
  const step = (await login(u.username)).json();
  await t.db.pool.query('UPDATE app_user SET disabled = true WHERE id = $1', [u.id]);
  expect((await second({ challenge: step.challenge, code: unusedCode(auth) })).json().type).toBe('/problems/challenge_expired');
});

test('codes are rate-limited per address like passwords, with problem+json', async () => {
  await freshApp();
  const codes: number[] = [];
  for (let i = 0; i < 12; i++) codes.push((await second({ challenge: `chl_${'x'.repeat(43)}`, code: '000000' })).statusCode);
  expect(codes.slice(0, 10)).toEqual(Array(10).fill(401));
  expect(codes.slice(10)).toEqual([429, 429]);
  const limited = await second({ challenge: `chl_${'x'.repeat(43)}`, code: '000000' });
  expect(limited.headers['content-type']).toContain('application/problem+json');
  expect(limited.json().type).toBe('/problems/rate_limited');
});

test('a server with another secret key cannot read the secrets, and says so without revealing them', async () => {
  await freshApp();
  const u = await makeUser(t.db);
  const { auth } = await enrol(app, u.username, PASSWORD);
  const otherKey = newSecretKey();
  expect(await secretsUnderOtherKeys(t.db.pool, otherKey)).toBeGreaterThan(0);
  await app.close();
  const lines: string[] = [];
  app = await buildApp({ store: { ...storeOf(t.db), secretKey: otherKey }, log: (l) => lines.push(JSON.stringify(l)) });
  const step = (await login(u.username)).json();
  const r = await second({ challenge: step.challenge, code: await nextCode(auth) });
  expect(r.statusCode).toBe(500);
  expect(r.body).not.toContain(auth.secret.toString('hex'));
  expect(lines.join('\n')).toContain('"route":"/api/v1/auth/second-factor"');
});

test('nothing secret in error bodies or the application log', async () => {
  await freshApp();
  const u = await makeUser(t.db);
  const step = (await login(u.username)).json();
  const code = '918273';
  const r = await confirm({ challenge: step.challenge, code });
  expect(r.body).not.toContain(code);
  expect(r.body).not.toContain(step.secret);
  expect(r.body).not.toContain(step.challenge);
  const v = await confirm({ challenge: step.challenge, code: 'abc' });
  expect(v.statusCode).toBe(422);
  expect(v.json().errors).toEqual([{ field: 'code', reason: 'six_digits' }]);
  const all = logLines.join('\n');
  expect(all).not.toContain(step.secret);
  expect(all).not.toContain(step.challenge);
  expect(all).not.toContain(code);
});

test('the OpenAPI document describes the sign-in steps', async () => {
  await freshApp();
  const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
  const login = doc.paths['/api/v1/auth/login'].post;
  expect(JSON.stringify(login.responses['200'])).toContain('enrolment_required');
  expect(doc.paths['/api/v1/auth/second-factor'].post['x-roles']).toBe('public');
  expect(doc.paths['/api/v1/users/{id}/second-factor/reset'].post['x-roles']).toEqual(['administrator']);
});

test('the authenticator helper of the tests never reuses a step', async () => {
  const a: Authenticator = { secret: Buffer.alloc(20, 1), lastStep: -1 };
  const first = await nextCode(a);
  const s = a.lastStep;
  await nextCode(a);
  expect(a.lastStep).toBeGreaterThan(s);
  expect(first).toBe(totp(a.secret, s));
});
