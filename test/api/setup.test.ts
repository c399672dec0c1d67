// GET /api/v1/setup: public, and says only whether any account exists (the first run).
import type { FastifyInstance } from 'fastify';
import { expect, test } from 'vitest';
import { makeUser } from '../support/factories.ts';
import { useAppPerTest, useTestDb } from '../support/testApp.ts';

const t = useTestDb();
const newApp = useAppPerTest(t);

test('no account yet: hasUsers false, without signing in; after the first account: true, and nothing else', async () => {
  const app: FastifyInstance = await newApp();
  expect((await t.db.pool.query('SELECT count(*)::int AS n FROM app_user')).rows[0].n).toBe(0);
  const before = await app.inject({ method: 'GET', url: '/api/v1/setup' });
  expect(before.statusCode).toBe(200);
  expect(before.json()).toEqual({ hasUsers: false });

  const u = await makeUser(t.db, { role: 'caseworker' });
  const after = await app.inject({ method: 'GET', url: '/api/v1/setup' });
  expect(after.json()).toEqual({ hasUsers: true }); // no names, no counts, no organisations
  expect(after.body).not.toContain(u.username);
  // signed in or not, the same answer
  expect((await app.inject({ method: 'GET', url: '/api/v1/setup', headers: u.auth })).json()).toEqual({ hasUsers: true });
});
