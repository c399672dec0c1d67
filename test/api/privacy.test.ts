// Personal data never appears in application logs, URLs or error messages.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildApp } from '../../src/api/app.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { makeUser, storeOf, type TestUser } from '../support/factories.ts';

let db: TestDb;
let app: FastifyInstance;
let u: TestUser;
const lines: string[] = [];
const secret = { givenName: 'زهرة', familyName: 'القيشاوي', nationalId: '987654321', phone: '0597777777', fullNameEn: 'Zahra Qishawi' };

beforeAll(async () => {
  db = await freshDb();
  app = await buildApp({ store: storeOf(db), log: (l) => lines.push(JSON.stringify(l)) });
  u = await makeUser(db);
});
afterAll(async () => {
  await app.close();
  await db.drop();
});

test('writes, failed writes, reads and searches leave no personal data in logs or error bodies', async () => {
  const ok = await app.inject({ method: 'POST', url: '/api/v1/persons', headers: u.auth, payload: { ...secret, governorate: 'PS0270' } });
  expect(ok.statusCode).toBe(201);
  const id = ok.json().id;
  const bodies: string[] = [];
  for (const bad of [
    { ...secret, nationalId: '98765432x', governorate: 'PS0270' },
    { ...secret, phone: '+44 7700 900123', governorate: 'PS0270' },
    { ...secret, dateOfBirth: '31/12/1990', governorate: 'PS0270' },
    { ...secret, governorate: 'القيشاوي' },
  ]) {
    const r = await app.inject({ method: 'POST', url: '/api/v1/persons', headers: u.auth, payload: bad });
    expect(r.statusCode).toBe(422);
    bodies.push(r.body);
  }
  bodies.push(
    (
      await app.inject({ method: 'POST', url: '/api/v1/persons/search', headers: u.auth, payload: { query: 'زهرة القيشاوي' } })
    ).body.replace(/"items":\[.*\]/, ''),
  );
  bodies.push(
    (await app.inject({ method: 'POST', url: '/api/v1/persons/search', headers: u.auth, payload: { nationalId: '98765' } })).body,
  );
  await app.inject({ method: 'GET', url: `/api/v1/persons/${id}`, headers: u.auth });
  expect(lines.length).toBeGreaterThanOrEqual(8);
  const text = lines.join('\n') + bodies.join('\n');
  for (const value of ['زهرة', 'القيشاوي', '987654321', '98765432x', '0597777777', '597777777', '7700', 'Zahra', 'Qishawi', '31/12/1990']) {
    expect(text).not.toContain(value);
  }
  // the log shows route patterns, never concrete URLs with ids
  expect(lines.some((l) => l.includes('/api/v1/persons/:id'))).toBe(true);
  expect(lines.join('\n')).not.toContain(id);
});
