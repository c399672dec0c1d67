// Identifiers refuse invisible and direction-changing characters as names do (issue #12): a record id
// of a person, a household or a registration with a direction override or a zero-width character is
// refused naming the field, and nothing is stored. A 10,000-character address that matches no route
// answers problem+json without echoing it.
import { expect, test } from 'vitest';
import { personInput, snapshot } from '../support/factories.ts';
import { makePerson } from '../support/make.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();

test('a record id with a direction override or a zero-width character is refused, naming the field', async () => {
  const officer = await t.user({ role: 'registration_officer' });
  const head = await makePerson(t, officer);
  const before = await snapshot(t.db);
  for (const bad of ['R-1\u202E0', 'R\u200B-10', '\u2066R-10\u2069', 'R-10\u2060']) {
    const person = await t.post(officer, '/api/v1/persons', personInput({ recordId: bad }));
    expect(person.statusCode, JSON.stringify(bad)).toBe(422);
    expect(person.json().errors).toEqual([{ field: 'recordId', reason: 'hidden_characters' }]);
    const household = await t.post(officer, '/api/v1/households', {
      governorate: 'PS0260',
      recordId: bad,
      members: [{ personId: head.id, relationship: 'head' }],
    });
    expect(household.statusCode, household.body).toBe(422);
    expect(household.json().errors).toEqual([{ field: 'recordId', reason: 'hidden_characters' }]);
    expect(household.body).not.toContain(bad);
  }
  expect(await snapshot(t.db)).toEqual(before);
  expect((await t.post(officer, '/api/v1/persons', personInput({ recordId: 'R-10/ب' }))).statusCode).toBe(201);
});

test('a 10,000-character address matching no route, or with a long query, answers problem+json without echoing it', async () => {
  const u = await t.user();
  for (const url of [`/api/v1/${'a'.repeat(10_000)}`, `/api/v1/persons?cursor=${'b'.repeat(10_000)}`]) {
    const res = await t.get(u, url);
    expect(res.statusCode, url.slice(0, 30)).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).not.toContain('aaaaaaaaaa');
    expect(res.body).not.toContain('bbbbbbbbbb');
  }
});

test('names of places, sites, programmes and items refuse hidden characters too, naming the field', async () => {
  const admin = await t.user({ role: 'administrator' });
  const cases: [string, object, string][] = [
    ['/api/v1/places/localities', { governorate: 'PS0260', nameAr: 'حي\u202Eالنصر' }, 'nameAr'],
    ['/api/v1/sites', { kind: 'collective_centre', name: 'مدرسة\u200B', governorate: 'PS0260' }, 'name'],
    ['/api/v1/aid/programmes', { name: 'Food\u2067 basket', sector: 'food' }, 'name'],
  ];
  for (const [url, body, field] of cases) {
    const res = await t.post(admin, url, body);
    expect(res.statusCode, url).toBe(422);
    expect(res.json().errors, url).toEqual([{ field, reason: 'hidden_characters' }]);
  }
  expect((await t.post(admin, '/api/v1/places/localities', { governorate: 'PS0260', nameAr: 'حي النصر' })).statusCode).toBe(201);
});
