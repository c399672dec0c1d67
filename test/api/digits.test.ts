// Numbers in paths and query strings are digits only: `1e3` is not card serial 1000, `0x10` is not a
// page of 16. Each is refused with 422 naming the parameter.
import { expect, test } from 'vitest';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();

test('a card serial written as 1e3, 0x3e8 or 1000.0 is refused, naming params.serial', async () => {
  const officer = await t.user({ role: 'distribution_officer' });
  for (const serial of ['1e3', '0x3e8', '1000.0', '-1', '%201000']) {
    const res = await t.post(officer, `/api/v1/aid/cards/${serial}/revoke`, { reason: 'lost' });
    expect(res.statusCode, serial).toBe(422);
    expect(res.json().errors[0].field, serial).toBe('params.serial');
  }
});

test('an audit entry number written as 1e3, 0x3e8, " 1000" or 1000.0 is refused (no z.coerce), naming params.seq', async () => {
  const auditor = await t.user({ role: 'auditor' });
  for (const seq of ['1e3', '0x3e8', '%201000', '1000.0', '+1000']) {
    const res = await t.get(auditor, `/api/v1/audit/log/${seq}`);
    expect(res.statusCode, seq).toBe(422);
    expect(res.json().errors, seq).toEqual([{ field: 'params.seq', reason: 'not_a_whole_number' }]);
  }
  expect((await t.get(auditor, '/api/v1/audit/log/999999')).statusCode).toBe(404);
});

test('page sizes are digits within their range', async () => {
  const [admin, auditor] = [await t.user({ role: 'administrator' }), await t.user({ role: 'auditor' })];
  for (const [who, url] of [
    [admin, '/api/v1/persons?limit=1e1'],
    [admin, '/api/v1/persons?limit=0x10'],
    [admin, '/api/v1/duplicates?limit=2.5'],
    [auditor, '/api/v1/audit/log?limit=1e2'],
    [auditor, '/api/v1/audit/log?before=1e9'],
    [auditor, '/api/v1/stats/reach?limit=0'],
  ] as const) {
    const res = await t.get(who, url);
    expect(res.statusCode, url).toBe(422);
    expect(res.json().errors[0].field, url).toMatch(/^query\./);
  }
  expect((await t.get(admin, '/api/v1/persons?limit=20')).statusCode).toBe(200);
  expect((await t.get(auditor, '/api/v1/audit/log?limit=5')).statusCode).toBe(200);
  expect((await t.get(auditor, '/api/v1/stats/reach?limit=3')).statusCode).toBe(200);
});

test('an over-long path segment answers 414 problem+json without echoing it; an unknown route 404 for everyone', async () => {
  const u = await t.user();
  const long = await t.get(u, `/api/v1/persons/${'a'.repeat(10_000)}`);
  expect(long.statusCode).toBe(414);
  expect(long.headers['content-type']).toContain('application/problem+json');
  expect(long.json().type).toBe('/problems/uri_too_long');
  expect(long.body).not.toContain('aaaaaaaaaa');
  for (const who of [u, undefined]) {
    const none = await t.get(who, '/api/v1/no-such-thing');
    expect(none.statusCode).toBe(404);
    expect(none.json().type).toBe('/problems/not_found');
  }
});

test('a body that is not UTF-8 is refused with 400 invalid_encoding and stores nothing; UTF-8 Arabic is read as sent', async () => {
  const u = await t.user();
  const bad = Buffer.concat([
    Buffer.from('{"givenName":"Sam'),
    Buffer.from([0xc3, 0x28]),
    Buffer.from('r","familyName":"Haddad","governorate":"PS0260"}'),
  ]);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/persons',
    headers: { ...u.auth, 'content-type': 'application/json' },
    payload: bad,
  });
  expect(res.statusCode).toBe(400);
  expect(res.json().type).toBe('/problems/invalid_encoding');
  const n = await t.db.pool.query("SELECT count(*)::int AS n FROM person WHERE family_name = 'Haddad'");
  expect(n.rows[0].n).toBe(0);
  const good = Buffer.from(JSON.stringify({ givenName: 'سامر', familyName: 'الحداد', governorate: 'PS0260' }), 'utf8');
  const ok = await t.app.inject({
    method: 'POST',
    url: '/api/v1/persons',
    headers: { ...u.auth, 'content-type': 'application/json' },
    payload: good,
  });
  expect(ok.statusCode).toBe(201);
  expect(ok.json().givenName).toBe('سامر');
});
