// PUT /api/v1/users/:id/access: an administrator changes an account's role and governorates, never
// beyond their own governorates, never their own account; it applies to the next request.
import { expect, test } from 'vitest';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
const url = (id: string) => `/api/v1/users/${id}/access`;

test('changes the role and governorates; the next request of the account has them; logged before and after', async () => {
  const admin = await t.user({ role: 'administrator' });
  const officer = await t.user({ role: 'registration_officer', orgId: admin.orgId, governorates: ['PS0260'] });
  const res = await t.put(admin, url(officer.id), { role: 'caseworker', governorates: ['PS0255', 'PS0260'] });
  expect(res.statusCode).toBe(200);
  expect(res.json()).toMatchObject({ id: officer.id, role: 'caseworker', governorates: ['PS0255', 'PS0260'] });
  expect((await t.get(officer, '/api/v1/me')).json()).toMatchObject({ role: 'caseworker', governorates: ['PS0255', 'PS0260'] });
  const log = await t.db.pool.query("SELECT actor_id, before, after FROM change_log WHERE entity_id = $1 AND action = 'access_change'", [
    officer.id,
  ]);
  expect(log.rows).toEqual([
    {
      actor_id: admin.id,
      before: { role: 'registration_officer', governorates: ['PS0260'] },
      after: { role: 'caseworker', governorates: ['PS0255', 'PS0260'] },
    },
  ]);
});

test('never more governorates than one has (422 naming governorates); never one’s own account (409 own_account)', async () => {
  const admin = await t.user({ role: 'administrator' });
  const gaza = await t.user({ role: 'administrator', orgId: admin.orgId, governorates: ['PS0260'] });
  const officer = await t.user({ role: 'caseworker', orgId: admin.orgId, governorates: ['PS0260'] });
  const wider = await t.put(gaza, url(officer.id), { role: 'caseworker', governorates: ['PS0260', 'PS0110'] });
  expect(wider.statusCode).toBe(422);
  expect(wider.json().errors).toEqual([{ field: 'governorates', reason: 'outside_governorates' }]);
  for (const change of [
    { role: 'analyst', governorates: ['PS0260'] },
    { role: 'administrator', governorates: ['PS0260'] },
  ]) {
    const self = await t.put(gaza, url(gaza.id), change);
    expect(self.statusCode).toBe(409);
    expect(self.json().type).toBe('/problems/own_account');
  }
  expect((await t.get(gaza, '/api/v1/me')).json()).toMatchObject({ role: 'administrator', governorates: ['PS0260'] });
  const bad = await t.put(admin, url(officer.id), { role: 'king', governorates: ['PS0260', 'PS0260'] });
  expect(bad.statusCode).toBe(422);
  expect(
    bad
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort(),
  ).toEqual(['governorates', 'role']);
});

test('an administrator of one governorate cannot change an all-governorate administrator (404), nor demote them', async () => {
  const all = await t.user({ role: 'administrator' });
  const gaza = await t.user({ role: 'administrator', orgId: all.orgId, governorates: ['PS0260'] });
  const res = await t.put(gaza, url(all.id), { role: 'analyst', governorates: ['PS0260'] });
  expect(res.statusCode).toBe(404);
  expect((await t.get(all, '/api/v1/me')).json()).toMatchObject({ role: 'administrator', governorates: all.actor.governorates });
  const colleague = await t.user({ role: 'caseworker', orgId: all.orgId });
  expect((await t.put(colleague, url(gaza.id), { role: 'analyst', governorates: ['PS0260'] })).statusCode).toBe(403);
});
