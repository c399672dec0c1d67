// The web app shows only what the signed-in role may do: its capability table must agree with
// the server's permission matrix for every role.
import { expect, test } from 'vitest';
import { allows } from '../../src/access/matrix.ts';
import { roles } from '../../src/access/roles.ts';
import { can, capabilityRoutes, roleNames, type Capability } from '../../web/src/access.ts';

test('the web app knows every role', () => {
  expect([...roleNames].sort()).toEqual([...roles].sort());
});

test('each capability matches the permission matrix for every role', () => {
  const mismatches: string[] = [];
  for (const [cap, route] of Object.entries(capabilityRoutes) as [Capability, string][]) {
    for (const role of roles) if (can(role, cap) !== allows(route, role)) mismatches.push(`${cap} ${role}`);
  }
  expect(mismatches).toEqual([]);
});
