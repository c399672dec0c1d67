// GET /readyz (the database answers and has every migration of this version) and GET /metrics
// (Prometheus text: requests by route pattern and status, latency, pools, sync, imports; no
// personal data in any label; only for the token's bearer or a direct local connection).
import { expect, test } from 'vitest';
import { buildApp } from '../../src/api/app.ts';
import { makeUser, personInput } from '../support/factories.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();

test('readyz: 200 when the database answers and is migrated; 503 migrations_pending when a migration is missing', async () => {
  const ok = await t.get(undefined, '/readyz');
  expect(ok.statusCode).toBe(200);
  expect(ok.json()).toEqual({ status: 'ready' });
  const last = (await t.db.pool.query<{ name: string }>('SELECT max(name) AS name FROM schema_migration')).rows[0]!.name;
  await t.db.owner.query('DELETE FROM schema_migration WHERE name = $1', [last]);
  try {
    const pending = await t.get(undefined, '/readyz');
    expect(pending.statusCode).toBe(503);
    expect(pending.headers['content-type']).toContain('application/problem+json');
    expect(pending.json().type).toBe('/problems/migrations_pending');
    expect((await t.get(undefined, '/healthz')).statusCode).toBe(200); // alive, only not ready
  } finally {
    await t.db.owner.query('INSERT INTO schema_migration (name) VALUES ($1)', [last]);
  }
});

test('readyz: 503 database_unavailable when the database does not answer', async () => {
  const dead = await buildApp({ store: { ...t.store, lost: 'the embedded server died' } });
  try {
    const r = await dead.inject({ method: 'GET', url: '/readyz' });
    expect(r.statusCode).toBe(503);
    expect(r.json().type).toBe('/problems/database_unavailable');
  } finally {
    await dead.close();
  }
});

const metricsText = async (headers: Record<string, string> = {}, remoteAddress = '127.0.0.1') =>
  t.app.inject({ method: 'GET', url: '/metrics', headers, remoteAddress });

test('metrics: requests by route pattern and status, latency histograms, pools, sync and imports; no ids, names or numbers in labels', async () => {
  const officer = await makeUser(t.db, { role: 'registration_officer', governorates: ['PS0260'] });
  const person = personInput({ givenName: 'Zainab', familyName: 'Haddad', nationalId: '400000008' });
  const created = await t.post(officer, '/api/v1/persons', person);
  expect(created.statusCode).toBe(201);
  const id = created.json().id as string;
  expect((await t.get(officer, `/api/v1/persons/${id}`)).statusCode).toBe(200);
  expect((await t.get(officer, `/api/v1/persons/${id}/nothing-here`)).statusCode).toBe(404);
  expect((await t.post(officer, '/api/v1/persons/search', { query: 'Zainab Haddad' })).statusCode).toBe(200);

  const r = await metricsText();
  expect(r.statusCode).toBe(200);
  expect(r.headers['content-type']).toContain('text/plain; version=0.0.4');
  const text = r.body;
  expect(text).toMatch(/^sanad_http_requests_total\{method="POST",route="\/api\/v1\/persons",status="201"\} 1$/m);
  expect(text).toMatch(/^sanad_http_requests_total\{method="GET",route="\/api\/v1\/persons\/:id",status="200"\} 1$/m);
  expect(text).toMatch(/^sanad_http_requests_total\{method="GET",route="\(unmatched\)",status="404"\} 1$/m);
  expect(text).toMatch(/^sanad_http_request_duration_seconds_bucket\{method="POST",route="\/api\/v1\/persons\/search",le="\+Inf"\} 1$/m);
  expect(text).toMatch(/^sanad_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/persons\/:id"\} 1$/m);
  expect(text).toMatch(/^sanad_db_pool_connections\{pool="primary",state="in_use"\} \d+$/m);
  expect(text).toMatch(/^sanad_db_pool_max\{pool="primary"\} 10$/m);
  expect(text).toMatch(/^sanad_sync_batches_total 0$/m);
  expect(text).toMatch(/^sanad_import_rows\{outcome="loaded"\} 0$/m);
  // Every sample line is well formed, and nothing personal is in it.
  for (const line of text.split('\n').filter((l) => l !== '' && !l.startsWith('#')))
    expect(line).toMatch(/^[a-z_]+(\{[a-z_]+="[^"\n]*"(,[a-z_]+="[^"\n]*")*\})? [0-9.e+-]+$/);
  for (const secret of [id, 'Zainab', 'Haddad', '400000008', officer.token]) expect(text).not.toContain(secret);
});

test('metrics: refused to a connection from elsewhere and to one forwarded by a proxy; with a token, only its bearer', async () => {
  expect((await metricsText({}, '203.0.113.7')).statusCode).toBe(403);
  const forwarded = await metricsText({ 'x-forwarded-for': '203.0.113.7' });
  expect(forwarded.statusCode).toBe(403);
  expect(forwarded.json().type).toBe('/problems/metrics_forbidden');
  const withToken = await buildApp({ store: t.store, metricsToken: 'a-long-random-metrics-token' });
  try {
    const get = (headers: Record<string, string>, remoteAddress: string) =>
      withToken.inject({ method: 'GET', url: '/metrics', headers, remoteAddress });
    expect((await get({}, '127.0.0.1')).statusCode).toBe(403); // a token set: local connections need it too
    expect((await get({ authorization: 'Bearer wrong' }, '203.0.113.7')).statusCode).toBe(403);
    expect((await get({ authorization: 'Bearer a-long-random-metrics-token' }, '203.0.113.7')).statusCode).toBe(200);
  } finally {
    await withToken.close();
  }
});
