// Walk every role, in and out of the organisation and the governorate: who may record buildings,
// units and occupancy, who reads them (occupancy is personal data), who imports damage files, who
// sees only counts. Records outside the caller's scope do not exist (404); roles outside the
// matrix get 403 whatever the record.
import { expect, test } from 'vitest';
import { allows } from '../../src/shared/permissions.ts';
import { roles } from '../../src/shared/roles.ts';
import { household } from '../households/support.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
const GAZA = [34.4545, 31.5069];

test('the matrix: engineers and registration officers record; claims officers and the committee read; engineers import; analysts count', () => {
  const who = (key: string) => roles.filter((r) => allows(key, r));
  expect(who('POST /api/v1/reconstruction/buildings')).toEqual(['administrator', 'registration_officer', 'engineer']);
  expect(who('POST /api/v1/reconstruction/units/:id/occupancy')).toEqual(['administrator', 'registration_officer', 'engineer']);
  expect(who('GET /api/v1/reconstruction/units/:id/occupancy')).toEqual([
    'administrator',
    'registration_officer',
    'engineer',
    'claims_officer',
    'reconstruction_committee',
  ]);
  expect(who('POST /api/v1/reconstruction/damage-imports')).toEqual(['administrator', 'engineer']);
  expect(who('GET /api/v1/reconstruction/buildings/summary')).toContain('analyst');
  expect(who('GET /api/v1/reconstruction/buildings/:id')).not.toContain('analyst');
  expect(roles.filter((r) => r === 'vendor' && allows('GET /api/v1/reconstruction/buildings', r))).toEqual([]);
});

test('every role, in and out of the organisation and the governorate', async () => {
  const engineer = await t.user({ role: 'engineer' });
  const building = (await t.post(engineer, '/api/v1/reconstruction/buildings', { geometry: { type: 'Point', coordinates: GAZA } })).json();
  const unit = (await t.post(engineer, `/api/v1/reconstruction/buildings/${building.id}/units`, { floor: 0, unitNumber: 'G1' })).json();
  const h = await household(t, await t.user({ orgId: engineer.orgId }), []);
  expect(
    (
      await t.post(engineer, `/api/v1/reconstruction/units/${unit.id}/occupancy`, {
        householdId: h.id,
        tenure: 'tenant',
        validFrom: '2019-01-01',
      })
    ).statusCode,
  ).toBe(201);
  for (const role of roles) {
    for (const where of ['same', 'otherGovernorate', 'otherOrg'] as const) {
      const u = await t.user({
        role,
        ...(where === 'otherOrg' ? {} : { orgId: engineer.orgId }),
        ...(where === 'otherGovernorate' ? { governorates: ['PS0105'] } : {}),
      });
      const expected = (key: string, ok: number) => (!allows(key, role) ? 403 : where === 'same' ? ok : 404);
      const read = await t.get(u, `/api/v1/reconstruction/buildings/${building.id}`);
      expect(read.statusCode, `${role} ${where} building`).toBe(expected('GET /api/v1/reconstruction/buildings/:id', 200));
      const occ = await t.get(u, `/api/v1/reconstruction/units/${unit.id}/occupancy`);
      expect(occ.statusCode, `${role} ${where} occupancy`).toBe(expected('GET /api/v1/reconstruction/units/:id/occupancy', 200));
      if (occ.statusCode === 200) expect(occ.json().items[0].head.id).toBe(h.head);
      const add = await t.post(u, `/api/v1/reconstruction/buildings/${building.id}/units`, {
        floor: 0,
        unitNumber: `${role.slice(0, 10)}-${where.slice(0, 5)}`,
      });
      expect(add.statusCode, `${role} ${where} unit`).toBe(expected('POST /api/v1/reconstruction/buildings/:id/units', 201));
      const summary = await t.get(u, '/api/v1/reconstruction/buildings/summary');
      if (allows('GET /api/v1/reconstruction/buildings/summary', role)) {
        expect(summary.statusCode).toBe(200);
        const counted = summary.json().rows.reduce((n: number, r: { buildings: number }) => n + r.buildings, 0);
        expect(counted, `${role} ${where} summary`).toBe(where === 'same' ? 1 : 0);
      } else expect(summary.statusCode).toBe(403);
    }
  }
  // the reads of occupancy were logged, one per read, naming the unit and the households shown
  const logged = await t.db.pool.query("SELECT count(*)::int AS n FROM change_log WHERE entity = 'occupancy_list' AND entity_id = $1", [
    unit.id,
  ]);
  expect(logged.rows[0].n).toBe(roles.filter((r) => allows('GET /api/v1/reconstruction/units/:id/occupancy', r)).length);
});
