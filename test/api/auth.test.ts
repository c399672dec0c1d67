import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { freshDb, type TestDb } from '../support/db.ts';
import { makeUser, PASSWORD, testApp, type TestUser } from '../support/factories.ts';
import { enrol } from '../support/signIn.ts';

let db: TestDb;
let app: FastifyInstance;
let admin: TestUser;
beforeAll(async () => {
  db = await freshDb();
  app = await testApp(db);
  admin = await makeUser(db, { role: 'administrator' });
});
afterAll(async () => {
  await app.close();
  await db.drop();
});

test('passwords are stored as argon2id hashes', async () => {
  const r = await db.pool.query('SELECT password_hash FROM app_user WHERE id = $1', [admin.id]);
  expect(r.rows[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
});

test('sign in (password, then the second factor) gives a session token that works; a wrong password does not', async () => {
  const { token } = await enrol(app, admin.username, PASSWORD);
  const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
  expect(me.json()).toMatchObject({ userId: admin.id, role: 'administrator' });
  const bad = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: admin.username, password: 'wrong password here' },
  });
  expect(bad.statusCode).toBe(401);
  const nobody = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'nobody-here', password: 'wrong password here' },
  });
  expect(nobody.statusCode).toBe(401);
  expect(nobody.json().title).toBe(bad.json().title); // no hint which usernames exist
});

test('login is rate-limited', async () => {
  const codes: number[] = [];
  for (let i = 0; i < 14; i++)
    codes.push((await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'x', password: 'y' } })).statusCode);
  expect(codes).toContain(429);
  const limited = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'x', password: 'y' } });
  expect(limited.statusCode).toBe(429);
  expect(limited.headers['content-type']).toContain('application/problem+json');
});

test('an administrator creates a machine user and an API token for it', async () => {
  const u = await app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: admin.auth,
    payload: { username: 'sync-bot', password: 'a long machine password', role: 'distribution_officer', governorates: ['PS0260'] },
  });
  expect(u.statusCode).toBe(201);
  const t = await app.inject({
    method: 'POST',
    url: '/api/v1/tokens',
    headers: admin.auth,
    payload: { userId: u.json().id, name: 'point 7 tablet' },
  });
  expect(t.statusCode).toBe(201);
  const token = t.json().token as string;
  expect(token).toMatch(/^sat_/);
  const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
  expect(me.json()).toMatchObject({ role: 'distribution_officer', governorates: ['PS0260'] });
  const stored = await db.pool.query("SELECT count(*)::int AS n FROM api_token WHERE token_hash = sha256(convert_to($1, 'UTF8'))", [token]);
  expect(stored.rows[0].n).toBe(1);
  const plain = await db.pool.query("SELECT count(*)::int AS n FROM change_log WHERE after::text LIKE '%' || $1 || '%'", [
    token.slice(4, 20),
  ]);
  expect(plain.rows[0].n).toBe(0);
});

test('the OpenAPI document lists every route with its roles', async () => {
  const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
  expect(doc.paths['/api/v1/persons/search'].post['x-roles']).toContain('registration_officer');
  expect(doc.paths['/api/v1/persons'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('nationalId');
});
