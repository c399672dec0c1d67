// A household has at most HOUSEHOLD_MAX_MEMBERS members (src/shared/limits.ts): creating, adding a
// member and merging are refused beyond it with 422 too_many_members naming the field (a per-person
// entitlement rule would otherwise give a 10,000-member household 10,001 parcels).
import { expect, test } from 'vitest';
import { HOUSEHOLD_MAX_MEMBERS } from '../../src/shared/limits.ts';
import { useTestApp } from '../support/testApp.ts';
import { household, person } from './support.ts';

const t = useTestApp();
const tooMany = { reason: 'too_many_members', params: { max: HOUSEHOLD_MAX_MEMBERS } };

test('a full household takes no one more: add member and merge are refused naming the field', async () => {
  const u = await t.user();
  const full = await household(
    t,
    u,
    Array.from({ length: HOUSEHOLD_MAX_MEMBERS - 1 }, () => 'son'),
  );
  const one = await person(t, u);
  const add = await t.post(u, `/api/v1/households/${full.id}/members`, { personId: one, relationship: 'other_relative' });
  expect(add.statusCode).toBe(422);
  expect(add.json().errors).toEqual([{ field: 'personId', ...tooMany }]);

  const other = await household(t, u, []);
  const merge = await t.post(u, `/api/v1/households/${full.id}/merge`, { otherId: other.id, relationship: 'other_relative' });
  expect(merge.statusCode).toBe(422);
  expect(merge.json().errors).toEqual([{ field: 'otherId', ...tooMany }]);
  // nothing moved
  const read = await t.get(u, `/api/v1/households/${other.id}`);
  expect(read.json().members).toHaveLength(1);
});

test('a household one below the limit takes one more, and creating one over the limit is refused naming members', async () => {
  const u = await t.user();
  const almost = await household(
    t,
    u,
    Array.from({ length: HOUSEHOLD_MAX_MEMBERS - 2 }, () => 'daughter'),
  );
  const one = await person(t, u);
  expect((await t.post(u, `/api/v1/households/${almost.id}/members`, { personId: one, relationship: 'other_relative' })).statusCode).toBe(
    200,
  );
  const members = [{ personId: await person(t, u), relationship: 'head' }];
  for (let i = 0; i < HOUSEHOLD_MAX_MEMBERS; i++) members.push({ personId: one, relationship: 'son' });
  const create = await t.post(u, '/api/v1/households', { governorate: 'PS0260', members });
  expect(create.statusCode).toBe(422);
  expect(create.json().errors).toEqual([{ field: 'members', reason: 'too_many', params: { max: HOUSEHOLD_MAX_MEMBERS } }]);
});
