// A body larger than the API reads (src/shared/limits.ts BODY_LIMIT_BYTES) answers 413
// problem+json with its id, never a bare error page, and never echoes what was sent.
import { expect, test } from 'vitest';
import { BODY_LIMIT_BYTES } from '../../src/shared/limits.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();

test('a 5 MB name answers 413 payload_too_large as problem+json, without the name', async () => {
  const u = await t.user({ role: 'registration_officer' });
  const name = 'ر'.repeat(2_500_000);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/persons',
    headers: { ...u.auth, 'content-type': 'application/json' },
    payload: JSON.stringify({ givenName: name, familyName: 'حداد', governorate: 'PS0260' }),
  });
  expect(res.statusCode).toBe(413);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.json()).toMatchObject({ type: '/problems/payload_too_large', status: 413 });
  expect(res.body).not.toContain('رررر');
  expect(BODY_LIMIT_BYTES).toBeLessThan(5_000_000);
});

test('a name one character over its limit answers 422 too_long naming the field and the limit', async () => {
  const u = await t.user({ role: 'registration_officer' });
  const res = await t.post(u, '/api/v1/persons', { givenName: 'ر'.repeat(101), familyName: 'حداد', governorate: 'PS0260' });
  expect(res.statusCode).toBe(422);
  expect(res.json().errors).toEqual([{ field: 'givenName', reason: 'too_long', params: { max: 100 } }]);
  expect(res.body).not.toContain('رررر');
});
