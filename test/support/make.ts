// Typed factories on a test app: each builds, through the API, what it needs and returns the
// record as the API shows it (the route's response schema). Synthetic data only.
//
//   const t = useTestApp();
//   const person = await makePerson(t, officer, { sex: 'female' });
//   const household = await makeHousehold(t, officer); // builds its head
import { expect } from 'vitest';
import type { z } from 'zod';
import type { CycleView, ItemView, PlaceView, ProgrammeView } from '../../src/api/routes/aid/schema.ts';
import type { HouseholdView } from '../../src/api/routes/households/schema.ts';
import type { PersonView } from '../../src/api/routes/persons/schema.ts';
import type { SiteView } from '../../src/api/routes/sites/schema.ts';
import { personInput, type TestUser } from './factories.ts';
import type { TestApp } from './testApp.ts';

export type Person = z.infer<typeof PersonView>;
export type Household = z.infer<typeof HouseholdView>;
export type Site = z.infer<typeof SiteView>;
export type Member = { personId: string; relationship: string };

/** POSTs and expects `status` (201 by default); returns the parsed answer. */
export async function created<T>(t: TestApp, user: TestUser, url: string, body?: unknown, status = 201): Promise<T> {
  const r = await t.request(user, 'POST', url, body);
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
}

/** A person (personInput() with `over`). */
export function makePerson(t: TestApp, user: TestUser, over: Record<string, unknown> = {}): Promise<Person> {
  return created<Person>(t, user, '/api/v1/persons', personInput(over));
}

/** A household; without `members`, a new person is its head. */
export async function makeHousehold(
  t: TestApp,
  user: TestUser,
  opts: { members?: Member[]; governorate?: string; date?: string } = {},
): Promise<Household> {
  const members = opts.members ?? [{ personId: (await makePerson(t, user)).id, relationship: 'head' }];
  return created<Household>(t, user, '/api/v1/households', {
    governorate: opts.governorate ?? 'PS0260',
    ...(opts.date ? { date: opts.date } : {}),
    members,
  });
}

/** A shelter site (a collective centre in Gaza unless `over` says otherwise). */
export function makeSite(t: TestApp, user: TestUser, over: Record<string, unknown> = {}): Promise<Site> {
  return created<Site>(t, user, '/api/v1/sites', {
    kind: 'collective_centre',
    name: 'Test school shelter',
    governorate: 'PS0260',
    ...over,
  });
}

/** A distribution point (Gaza unless `over` says otherwise). */
export function makePoint(t: TestApp, user: TestUser, over: Record<string, unknown> = {}): Promise<z.infer<typeof PlaceView>> {
  return created<z.infer<typeof PlaceView>>(t, user, '/api/v1/aid/points', { name: 'Gaza centre', governorate: 'PS0260', ...over });
}

/** An aid item. */
export function makeItem(
  t: TestApp,
  user: TestUser,
  item: { code: string; unit: string; sector: string; name?: string },
): Promise<z.infer<typeof ItemView>> {
  return created<z.infer<typeof ItemView>>(t, user, '/api/v1/aid/items', { name: item.code.replace('_', ' '), ...item });
}

/** A programme with rules. */
export function makeProgramme(t: TestApp, user: TestUser, over: Record<string, unknown> = {}): Promise<z.infer<typeof ProgrammeView>> {
  return created<z.infer<typeof ProgrammeView>>(t, user, '/api/v1/aid/programmes', {
    name: 'Winter response',
    sector: 'food',
    rules: [],
    ...over,
  });
}

/** A cycle of a programme, the registry as it stands today unless `cutoffDate` is given; `generate` lists its entitlements. */
export async function makeCycle(
  t: TestApp,
  user: TestUser,
  programmeId: string,
  opts: { cutoffDate?: string; generate?: boolean } = {},
): Promise<z.infer<typeof CycleView>> {
  const cycle = await created<z.infer<typeof CycleView>>(t, user, `/api/v1/aid/programmes/${programmeId}/cycles`, {
    cutoffDate: opts.cutoffDate ?? new Date().toISOString().slice(0, 10),
  });
  if (opts.generate) await created(t, user, `/api/v1/aid/cycles/${cycle.id}/generate`, undefined, 200);
  return cycle;
}
