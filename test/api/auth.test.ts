import { beforeAll, expect, test } from 'vitest';
import { PASSWORD, type TestUser } from '../support/factories.ts';
import { enrol } from '../support/signIn.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
let admin: TestUser;
beforeAll(async () => {
  admin = await t.user({ role: 'administrator' });
});

test('passwords are stored as argon2id hashes', async () => {
  const r = await t.db.pool.query('SELECT password_hash FROM app_user WHERE id = $1', [admin.id]);
  expect(r.rows[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
});

test('sign in (password, then the second factor) gives a session token that works; a wrong password does not', async () => {
  const { token } = await enrol(t.app, admin.username, PASSWORD);
  const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
  expect(me.json()).toMatchObject({ userId: admin.id, role: 'administrator' });
  const bad = await t.post(undefined, '/api/v1/auth/login', { username: admin.username, password: 'wrong password here' });
  expect(bad.statusCode).toBe(401);
  const nobody = await t.post(undefined, '/api/v1/auth/login', { username: 'nobody-here', password: 'wrong password here' });
  expect(nobody.statusCode).toBe(401);
  expect(nobody.json().title).toBe(bad.json().title); // no hint which usernames exist
});

test('login is rate-limited', async () => {
  const codes: number[] = [];
  for (let i = 0; i < 14; i++) codes.push((await t.post(undefined, '/api/v1/auth/login', { username: 'x', password: 'y' })).statusCode);
  expect(codes).toContain(429);
  const limited = await t.post(undefined, '/api/v1/auth/login', { username: 'x', password: 'y' });
  expect(limited.statusCode).toBe(429);
  expect(limited.headers['content-type']).toContain('application/problem+json');
});

test('an administrator creates a machine user and an API token for it', async () => {
  const u = await t.post(admin, '/api/v1/users', {
    username: 'sync-bot',
    kind: 'machine',
    role: 'distribution_officer',
    governorates: ['PS0260'],
  });
  expect(u.statusCode).toBe(201);
  const tok = await t.post(admin, '/api/v1/tokens', { userId: u.json().id, name: 'point 7 tablet', days: 90 });
  expect(tok.statusCode).toBe(201);
  const token = tok.json().token as string;
  expect(token).toMatch(/^sat_/);
  const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
  expect(me.json()).toMatchObject({ role: 'distribution_officer', governorates: ['PS0260'] });
  const stored = await t.db.pool.query("SELECT count(*)::int AS n FROM api_token WHERE token_hash = sha256(convert_to($1, 'UTF8'))", [
    token,
  ]);
  expect(stored.rows[0].n).toBe(1);
  const plain = await t.db.pool.query("SELECT count(*)::int AS n FROM change_log WHERE after::text LIKE '%' || $1 || '%'", [
    token.slice(4, 20),
  ]);
  expect(plain.rows[0].n).toBe(0);
});

test('the OpenAPI document lists every route with its roles', async () => {
  const doc = (await t.get(undefined, '/openapi.json')).json();
  expect(doc.paths['/api/v1/persons/search'].post['x-roles']).toContain('registration_officer');
  expect(doc.paths['/api/v1/persons'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('nationalId');
});
