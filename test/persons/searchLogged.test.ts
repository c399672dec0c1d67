// POST /api/v1/persons/search is logged: who searched, when, which keys (name, ID number, phone),
// how many were shown and their ids; never what was typed (a name or an ID number is personal data).
// A search that finds no one is logged too. Site residents are logged by the same helper.
import { expect, test } from 'vitest';
import { personInput } from '../support/factories.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();

type Logged = { actor_id: string; at: Date; after: { via: string; shown: number; ids: string[]; by: string[] } };
const searchesOf = async (userId: string) =>
  (
    await t.db.pool.query<Logged>(
      "SELECT actor_id, at, after FROM change_log WHERE entity = 'person_list' AND action = 'read' AND actor_id = $1 AND after->>'via' = 'search' ORDER BY seq",
      [userId],
    )
  ).rows;

test('a search by name and one by ID number are logged with the ids shown, never the terms', async () => {
  const officer = await t.user({ role: 'registration_officer' });
  const caseworker = await t.user({ role: 'caseworker', orgId: officer.orgId });
  const input = personInput({ givenName: 'سلوى', familyName: 'الغندور', nationalId: '123456782' });
  const id = (await t.post(officer, '/api/v1/persons', input)).json().id as string;
  const byName = await t.post(caseworker, '/api/v1/persons/search', { query: 'سلوى الغندور' });
  expect(byName.statusCode, byName.body).toBe(200);
  const shown = (byName.json().items as { id: string }[]).map((p) => p.id);
  expect(shown).toContain(id);
  const byId = await t.post(caseworker, '/api/v1/persons/search', { nationalId: String(input.nationalId) });
  expect(byId.statusCode, byId.body).toBe(200);
  const none = await t.post(caseworker, '/api/v1/persons/search', { query: 'لا أحد بهذا الاسم أبدا' });
  expect(none.json().items).toEqual([]);

  const logged = await searchesOf(caseworker.id);
  expect(logged.map((r) => r.after.by)).toEqual([['name'], ['national_id'], ['name']]);
  expect(logged[0]!.after).toMatchObject({ via: 'search', shown: shown.length, ids: shown });
  expect(logged[1]!.after.ids).toEqual([id]);
  expect(logged[2]!.after).toMatchObject({ shown: 0, ids: [] });
  const text = JSON.stringify(logged);
  for (const term of ['سلوى', 'الغندور', String(input.nationalId), 'لا أحد']) expect(text).not.toContain(term);
});

test('an ID lookup (the lookup and its entry in one statement) logs the page it showed, and a lookup that finds no one', async () => {
  const officer = await t.user({ role: 'registration_officer' });
  const caseworker = await t.user({ role: 'caseworker', orgId: officer.orgId });
  const phone = '0599123457';
  const ids: string[] = [];
  for (const [givenName, nationalId] of [
    ['نادر', '234567891'],
    ['نادية', '345678916'],
    ['نبيل', '456789015'],
  ] as const)
    ids.push((await t.post(officer, '/api/v1/persons', personInput({ givenName, familyName: 'الشريف', nationalId, phone }))).json().id);
  const page = await t.post(caseworker, '/api/v1/persons/search', { phone, limit: 2 });
  expect(page.statusCode, page.body).toBe(200);
  const shown = (page.json().items as { id: string }[]).map((p) => p.id);
  expect(shown).toEqual([...ids].sort().slice(0, 2));
  expect(page.json()).toMatchObject({ total: 3, totalExact: true });
  const none = await t.post(caseworker, '/api/v1/persons/search', { nationalId: '987654324' });
  expect(none.json()).toMatchObject({ items: [], total: 0 });
  const logged = await searchesOf(caseworker.id);
  expect(logged.map((r) => r.after)).toEqual([
    { via: 'search', shown: 2, ids: shown, by: ['phone'] },
    { via: 'search', shown: 0, ids: [], by: ['national_id'] },
  ]);
  expect(JSON.stringify(logged)).not.toContain('599123457');
});
