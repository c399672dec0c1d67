// Behind a reverse proxy every request comes from the proxy's address. Without --trust-proxy the
// sign-in limit (10 a minute per address) is then shared by everyone; with the proxy trusted, each
// forwarded address has its own, and X-Forwarded-For from anyone else is ignored.
import { expect, test } from 'vitest';
import { buildApp } from '../../src/api/app.ts';
import { useTestDb } from '../support/testApp.ts';

const t = useTestDb();

const attempts = async (app: Awaited<ReturnType<typeof buildApp>>, remoteAddress: string, forwardedFor: string, n: number) => {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress,
      headers: { 'x-forwarded-for': forwardedFor },
      payload: { username: 'nobody', password: 'not the password' },
    });
    statuses.push(r.statusCode);
  }
  return statuses;
};

test('untrusted: the forwarded address is ignored, the limit is per connection address', async () => {
  const app = await buildApp({ store: t.store });
  try {
    expect(await attempts(app, '10.0.0.2', '198.51.100.1', 10)).toEqual(Array(10).fill(401));
    expect(await attempts(app, '10.0.0.2', '198.51.100.2', 1)).toEqual([429]); // another "user" behind the same address
  } finally {
    await app.close();
  }
});

test('trusted proxy: each forwarded address has its own limit; other senders cannot choose theirs', async () => {
  const app = await buildApp({ store: t.store, trustProxy: ['10.0.0.2'] });
  try {
    expect(await attempts(app, '10.0.0.2', '198.51.100.1', 10)).toEqual(Array(10).fill(401));
    expect(await attempts(app, '10.0.0.2', '198.51.100.1', 1)).toEqual([429]);
    expect(await attempts(app, '10.0.0.2', '198.51.100.2', 1)).toEqual([401]);
    // Not the proxy: its X-Forwarded-For counts for nothing, so spoofing it does not escape the limit.
    expect(await attempts(app, '203.0.113.9', '198.51.100.3', 10)).toEqual(Array(10).fill(401));
    expect(await attempts(app, '203.0.113.9', '198.51.100.4', 1)).toEqual([429]);
  } finally {
    await app.close();
  }
});
