// Walks every route for every role: the permission matrix is the only source of the checks.
import { beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { permissionMatrix, type Permission } from '../../src/access/matrix.ts';
import { roles, type Role } from '../../src/access/roles.ts';
import { unlistedRoutes } from '../../src/api/app.ts';
import { defineRoute, routeKey } from '../../src/api/route.ts';
import { allRoutes } from '../../src/api/routes/index.ts';
import { clearLimits } from '../../src/store/requestLimit.ts';
import type { TestUser } from '../support/factories.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
const users = new Map<Role, TestUser>();
beforeAll(async () => {
  for (const role of roles) users.set(role, await t.user({ role }));
});

const builtIn = ['GET /healthz', 'GET /openapi.json', 'GET /readyz', 'GET /metrics'];
const keys = [...allRoutes.map(routeKey), ...builtIn];
const fill = (url: string) => url.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');

test('every route is in the matrix, and every matrix row is a route', () => {
  expect(unlistedRoutes(allRoutes)).toEqual([]);
  expect(Object.keys(permissionMatrix).sort()).toEqual([...keys].sort());
});

test('a route missing from the matrix stops the server from starting', async () => {
  const extra = defineRoute({
    method: 'GET',
    url: '/api/v1/unlisted',
    summary: 'x',
    tags: [],
    response: z.object({}),
    handler: async () => ({}),
  });
  expect(unlistedRoutes([extra])).toEqual(['GET /api/v1/unlisted']);
  const { buildApp } = await import('../../src/api/app.ts');
  await expect(buildApp({ store: { pool: t.db.pool, url: t.db.url, close: async () => undefined }, routes: [extra] })).rejects.toThrow(
    /missing from the permission matrix/,
  );
});

describe.each(Object.entries(permissionMatrix) as [string, Permission][])('%s', (key, permission) => {
  const [method, url] = key.split(' ') as [string, string];
  test.each([...roles])('as %s', async (role) => {
    // logging out revokes the session: that row gets a user of its own
    const user = key === 'POST /api/v1/auth/logout' ? await t.user({ role }) : users.get(role)!;
    const res = await t.app.inject({
      method: method as 'GET',
      url: fill(url),
      headers: user.auth,
      ...(method === 'GET' ? {} : { payload: {} }),
    });
    if (permission === 'public' || permission.includes(role)) {
      expect([401, 403]).not.toContain(res.statusCode);
    } else {
      expect(res.statusCode).toBe(403);
      expect(res.json().type).toBe('/problems/forbidden');
    }
  });
  if (permission !== 'public') {
    test('without a token', async () => {
      // the sign-in routes' request limits count every role's call above from this one address
      await clearLimits(t.store.pool);
      const res = await t.app.inject({ method: method as 'GET', url: fill(url), ...(method === 'GET' ? {} : { payload: {} }) });
      expect(res.statusCode).toBe(401);
    });
  }
});
