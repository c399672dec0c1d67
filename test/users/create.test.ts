// POST /api/v1/users: an administrator creates an account in their organisation, with governorates
// they work in; a taken username is 409 username_taken, even when two requests race for it.
import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { enrol } from '../support/signIn.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
let n = 0;
const input = (over: Record<string, unknown> = {}) => ({
  username: `staff.${Date.now().toString(36)}.${++n}`,
  password: 'a long enough password',
  role: 'registration_officer',
  governorates: ['PS0260'],
  ...over,
});

test('creates the account in the administrator’s organisation; it signs in; the change log has no password', async () => {
  const admin = await t.user({ role: 'administrator' });
  const body = input({ role: 'caseworker', governorates: ['PS0260', 'PS0255'] });
  const res = await t.post(admin, '/api/v1/users', body);
  expect(res.statusCode).toBe(201);
  const user = res.json();
  expect(user).toEqual({
    id: expect.any(String),
    username: body.username,
    kind: 'person',
    role: 'caseworker',
    governorates: ['PS0260', 'PS0255'],
    disabled: false,
    secondFactor: false,
    passwordTemporary: true,
  });
  const row = await t.db.pool.query('SELECT org_id, password_hash FROM app_user WHERE id = $1', [user.id]);
  expect(row.rows[0].org_id).toBe(admin.orgId);
  expect(row.rows[0].password_hash).toMatch(/^\$argon2id\$/);
  const log = await t.db.pool.query("SELECT actor_id, org_id, after FROM change_log WHERE entity = 'user' AND entity_id = $1", [user.id]);
  expect(log.rows).toEqual([
    {
      actor_id: admin.id,
      org_id: admin.orgId,
      after: {
        username: body.username,
        kind: 'person',
        role: 'caseworker',
        governorates: ['PS0260', 'PS0255'],
        disabled: false,
        passwordTemporary: true,
      },
    },
  ]);
  const everything = await t.db.pool.query("SELECT string_agg(after::text, ' ') AS s FROM change_log");
  expect(everything.rows[0].s).not.toContain(body.password);
  const { token } = await enrol(t.app, body.username, body.password);
  const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
  expect(me.json()).toMatchObject({ username: body.username, orgId: admin.orgId, role: 'caseworker', passwordTemporary: true });
});

test('a taken username is 409 username_taken in the organisation; another organisation may use the name, and says nothing', async () => {
  const admin = await t.user({ role: 'administrator' });
  const other = await t.user({ role: 'administrator' });
  const body = input();
  expect((await t.post(admin, '/api/v1/users', body)).statusCode).toBe(201);
  const again = await t.post(admin, '/api/v1/users', { ...body, password: 'another long password' });
  expect(again.statusCode).toBe(409);
  expect(again.headers['content-type']).toContain('application/problem+json');
  expect(again.json()).toMatchObject({ type: '/problems/username_taken', errors: [{ field: 'username', reason: 'taken' }] });
  expect(again.body).not.toContain(body.username);
  // Today's hole: another organisation learnt the name was taken. Now it simply gets its own account.
  const elsewhere = await t.post(other, '/api/v1/users', { ...body, password: 'another long password' });
  expect(elsewhere.statusCode).toBe(201);
  // Each signs in with their own password, to their own organisation.
  const first = await enrol(t.app, body.username, body.password);
  const second = await enrol(t.app, body.username, 'another long password');
  const orgOf = async (token: string) =>
    (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).json().orgId;
  expect([await orgOf(first.token), await orgOf(second.token)]).toEqual([admin.orgId, other.orgId]);
});

test('a machine account has no password (422 if one is given); a person needs one', async () => {
  const admin = await t.user({ role: 'administrator' });
  const machine = await t.post(admin, '/api/v1/users', { ...input({ kind: 'machine' }), password: undefined });
  expect(machine.statusCode).toBe(201);
  expect(machine.json()).toMatchObject({ kind: 'machine', passwordTemporary: false, secondFactor: false });
  const row = await t.db.pool.query('SELECT password_hash FROM app_user WHERE id = $1', [machine.json().id]);
  expect(row.rows[0].password_hash).toBeNull();
  const withPassword = await t.post(admin, '/api/v1/users', input({ kind: 'machine' }));
  expect(withPassword.statusCode).toBe(422);
  expect(withPassword.json().errors).toEqual([{ field: 'password', reason: 'not_for_machine' }]);
  const noPassword = await t.post(admin, '/api/v1/users', { ...input(), password: undefined });
  expect(noPassword.statusCode).toBe(422);
  expect(noPassword.json().errors).toEqual([{ field: 'password', reason: 'required' }]);
});

test('two requests racing for one username: one 201, one 409 username_taken, never 500', async () => {
  const admin = await t.user({ role: 'administrator' });
  for (let round = 0; round < 3; round++) {
    const body = input();
    const answers = await Promise.all([t.post(admin, '/api/v1/users', body), t.post(admin, '/api/v1/users', body)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.statusCode === 409)!.json().type).toBe('/problems/username_taken');
    const rows = await t.db.pool.query('SELECT count(*)::int AS n FROM app_user WHERE username = $1', [body.username]);
    expect(rows.rows[0].n).toBe(1);
  }
});

test('governorates the administrator does not work in are 422, and nothing is created', async () => {
  const admin = await t.user({ role: 'administrator', governorates: ['PS0260'] });
  const body = input({ governorates: ['PS0260', 'PS0110'] });
  const res = await t.post(admin, '/api/v1/users', body);
  expect(res.statusCode).toBe(422);
  expect(res.json().errors).toEqual([{ field: 'governorates', reason: 'outside_governorates' }]);
  expect((await t.db.pool.query('SELECT 1 FROM app_user WHERE username = $1', [body.username])).rowCount).toBe(0);
});

test('invalid fields are 422 naming each, never quoting the password', async () => {
  const admin = await t.user({ role: 'administrator' });
  const res = await t.post(admin, '/api/v1/users', { username: 'Not Valid!', password: 'Qz7kw', role: 'king', governorates: [] });
  expect(res.statusCode).toBe(422);
  const fields = res.json().errors.map((e: { field: string }) => e.field);
  expect(fields).toEqual(expect.arrayContaining(['username', 'password', 'role', 'governorates']));
  expect(res.body).not.toContain('Qz7kw');
});

test('a replay under the same Idempotency-Key answers the first result and creates nothing more', async () => {
  const admin = await t.user({ role: 'administrator' });
  const key = randomUUID();
  const body = input();
  const first = await t.post(admin, '/api/v1/users', body, { idempotencyKey: key });
  const again = await t.post(admin, '/api/v1/users', body, { idempotencyKey: key });
  expect(first.statusCode).toBe(201);
  expect(again.statusCode).toBe(201);
  expect(again.headers['idempotent-replay']).toBe('true');
  expect(again.json()).toEqual(first.json());
  const stored = await t.db.pool.query('SELECT response::text AS r FROM operation WHERE id = $1', [key]);
  expect(stored.rows[0].r).not.toContain(body.password);
});

test('only administrators create users; without a session 401', async () => {
  for (const role of ['registration_officer', 'caseworker', 'analyst', 'auditor'] as const) {
    const res = await t.post(await t.user({ role }), '/api/v1/users', input());
    expect(res.statusCode).toBe(403);
    expect(res.json().type).toBe('/problems/forbidden');
  }
  expect((await t.post(undefined, '/api/v1/users', input())).statusCode).toBe(401);
});

test('one username and one password in two organisations: sign-in asks for the organisation (401 organisation_required)', async () => {
  const a = await t.user({ role: 'administrator' });
  const b = await t.user({ role: 'administrator' });
  const body = input();
  for (const admin of [a, b]) expect((await t.post(admin, '/api/v1/users', body)).statusCode).toBe(201);
  const login = (extra: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: body.username, password: body.password, ...extra } });
  const ambiguous = await login();
  expect(ambiguous.statusCode).toBe(401);
  expect(ambiguous.json()).toMatchObject({ type: '/problems/organisation_required', errors: [{ field: 'organisation' }] });
  const orgB = (await t.db.pool.query('SELECT name FROM organisation WHERE id = $1', [b.orgId])).rows[0].name as string;
  const named = await login({ organisation: orgB.toUpperCase() });
  expect(named.statusCode).toBe(200);
  expect(named.json().status).toBe('enrolment_required');
  const wrongOrg = await login({ organisation: 'no such organisation' });
  expect(wrongOrg.json().type).toBe('/problems/bad_credentials');
});
