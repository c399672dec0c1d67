// Setting up households for the households tests: people registered through the API, a household
// made of them, and the household read back as of a date.
import { expect } from 'vitest';
import type { Role } from '../../src/access/roles.ts';
import { personInput, snapshot, type TestUser } from '../support/factories.ts';
import type { TestApp } from '../support/testApp.ts';

export type Member = { personId: string; relationship: string };
export type HouseholdAnswer = {
  id: string;
  governorate: string;
  members: (Member & { validFrom: string; validTo: string | null })[];
  vulnerabilities: { kind: string; personId: string | null; derived: boolean }[];
};

/** Registers a person (synthetic) and returns the id. */
export async function person(t: TestApp, user: TestUser, over: Record<string, unknown> = {}): Promise<string> {
  const r = await t.post(user, '/api/v1/persons', personInput(over));
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id;
}

/** A household of new people: the first is the head, the others take the relationships given. */
export async function household(
  t: TestApp,
  user: TestUser,
  relationships: string[] = ['spouse', 'son'],
  date = '2023-01-01',
): Promise<{ id: string; head: string; others: string[] }> {
  const head = await person(t, user);
  const others: string[] = [];
  for (const _ of relationships) others.push(await person(t, user));
  const members = [
    { personId: head, relationship: 'head' },
    ...others.map((personId, i) => ({ personId, relationship: relationships[i]! })),
  ];
  const r = await t.post(user, '/api/v1/households', { governorate: 'PS0260', date, members });
  expect(r.statusCode, r.body).toBe(201);
  return { id: r.json().id, head, others };
}

/** The household as of a date. */
export async function readOn(t: TestApp, user: TestUser, id: string, on: string): Promise<HouseholdAnswer> {
  const r = await t.get(user, `/api/v1/households/${id}?on=${on}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

export const ids = (h: HouseholdAnswer) => h.members.map((m) => m.personId).sort();

/** How many change-log entries a household has with this action. */
export async function logged(t: TestApp, entityId: string, action: string): Promise<number> {
  const r = await t.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM change_log WHERE entity_id = $1 AND action = $2', [
    entityId,
    action,
  ]);
  return r.rows[0]!.n;
}

/**
 * The security cases of a write on a record `owner` made: an administrator of another organisation
 * gets 404 (as if absent), a role of the owner's organisation without the right gets 403; neither
 * changes anything.
 */
export async function refusesOutsiders(t: TestApp, owner: TestUser, url: string, body: unknown, deniedRole: Role = 'analyst') {
  const stranger = await t.user({ role: 'administrator' });
  const denied = await t.user({ role: deniedRole, orgId: owner.orgId });
  const before = await snapshot(t.db);
  const hidden = await t.post(stranger, url, body);
  expect(hidden.statusCode, hidden.body).toBe(404);
  expect(hidden.json().type).toBe('/problems/not_found');
  const forbidden = await t.post(denied, url, body);
  expect(forbidden.statusCode, forbidden.body).toBe(403);
  expect(forbidden.json().type).toBe('/problems/forbidden');
  expect(await snapshot(t.db)).toEqual(before);
}
