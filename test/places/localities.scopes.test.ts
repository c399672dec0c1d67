// Localities belong to the organisation that added them (migration 0028): another organisation
// neither lists them nor names them in a move or a site (answered as if they did not exist), and
// shared reference localities (no organisation) are listed and usable by everyone.
import { beforeAll, expect, test } from 'vitest';
import type { TestUser } from '../support/factories.ts';
import { makeHousehold, makeSite } from '../support/make.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
let ours: TestUser;
let theirs: TestUser;
let local: string;
beforeAll(async () => {
  ours = await t.user({ role: 'administrator' });
  theirs = await t.user({ role: 'administrator' });
  const r = await t.post(ours, '/api/v1/places/localities', { governorate: 'PS0260', nameAr: 'حي خاص بنا' });
  expect(r.statusCode, r.body).toBe(201);
  local = r.json().id;
});

const names = async (u: TestUser) =>
  ((await t.get(u, '/api/v1/places/localities?governorate=PS0260')).json().items as { id: string }[]).map((l) => l.id);

test("another organisation's locality is not listed; our own is, with the shared ones", async () => {
  const shared = (await t.db.owner.query("INSERT INTO locality (governorate, name_ar) VALUES ('PS0260', 'مرجع مشترك') RETURNING id"))
    .rows[0].id as string;
  expect(await names(ours)).toEqual(expect.arrayContaining([local, shared]));
  const seen = await names(theirs);
  expect(seen).toContain(shared);
  expect(seen).not.toContain(local);
  // the change log says whose it is: the creating organisation
  expect((await t.db.pool.query('SELECT org_id FROM locality WHERE id = $1', [local])).rows[0].org_id).toBe(ours.orgId);
});

test('another organisation cannot name our locality in a move or a site (422, as an unknown one); we can', async () => {
  const household = (await makeHousehold(t, theirs)).id;
  const move = await t.post(theirs, `/api/v1/households/${household}/displacements`, {
    date: '2025-01-20',
    reason: 'evacuation_order',
    toLocality: local,
  });
  expect(move.statusCode, move.body).toBe(422);
  expect(move.json().errors).toEqual([{ field: 'toLocality', reason: 'no_such_record' }]);
  const site = await t.post(theirs, '/api/v1/sites', { kind: 'collective_centre', name: 'مدرسة', governorate: 'PS0260', locality: local });
  expect(site.statusCode, site.body).toBe(422);
  expect(site.json().errors).toEqual([{ field: 'locality', reason: 'no_such_record' }]);
  // an existing site of theirs cannot be moved onto it either
  const theirSite = await makeSite(t, theirs, { governorate: 'PS0260' });
  const got = (await t.get(theirs, `/api/v1/sites/${theirSite.id}`)).json();
  const { id: _id, version, ...facts } = got;
  const edit = await t.put(theirs, `/api/v1/sites/${theirSite.id}`, { ...pickInput(facts), version, locality: local });
  expect(edit.statusCode, edit.body).toBe(422);

  const ownMove = await t.post(ours, `/api/v1/households/${(await makeHousehold(t, ours)).id}/displacements`, {
    date: '2025-01-20',
    reason: 'evacuation_order',
    toLocality: local,
  });
  expect(ownMove.statusCode, ownMove.body).toBe(200);
});

/** The writable facts of a site as read back. */
function pickInput(f: Record<string, unknown>): Record<string, unknown> {
  const keys = [
    'kind',
    'name',
    'governorate',
    'lat',
    'lon',
    'managingOrganisation',
    'coveredAreaM2',
    'toilets',
    'waterPoints',
    'waterLitresPerDay',
    'phase',
    'status',
  ];
  return Object.fromEntries(keys.filter((k) => f[k] !== null && f[k] !== undefined).map((k) => [k, f[k]]));
}
