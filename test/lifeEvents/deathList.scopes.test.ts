// Walk every role, in and out of the organisation and the governorate: only an administrator may
// apply a ministry's death list, and it reaches only the persons of their organisation and governorates.
import { expect, test } from 'vitest';
import { roles } from '../../src/shared/roles.ts';
import { useTestApp } from '../support/testApp.ts';
import { family, HEADER, line, rest } from './deathListSupport.ts';

const t = useTestApp();

test('every role, in and out of the organisation and the governorate', async () => {
  const owner = await t.user({ role: 'administrator' });
  const f = await family(t, owner);
  const content = [HEADER, line(f.ids.child, 'كريم', ...rest, '2024-05-01', 'MOH-S')].join('\n');
  for (const role of roles) {
    for (const where of ['same', 'otherGovernorate', 'otherOrg'] as const) {
      const u = await t.user({
        role,
        ...(where === 'otherOrg' ? {} : { orgId: owner.orgId }),
        ...(where === 'otherGovernorate' ? { governorates: ['PS0105'] } : {}),
      });
      const r = await t.post(u, '/api/v1/life-events/death-lists', { fileName: `${role}-${where}.csv`, content });
      if (role !== 'administrator') {
        expect(r.statusCode, `${role} ${where}`).toBe(403);
        continue;
      }
      expect(r.statusCode, `${role} ${where}`).toBe(200);
      // the child's death is applied once, in scope; the same row again is already known
      const reached = where === 'same';
      expect(r.json(), where).toMatchObject(
        reached ? { applied: 1, alreadyKnown: 0, held: 0 } : { applied: 0, held: 1, heldRows: [{ rowNumber: 2, reason: 'not_found' }] },
      );
    }
  }
  const events = await t.db.pool.query("SELECT count(*)::int AS n FROM life_event WHERE person_id = $1 AND kind = 'death'", [f.child]);
  expect(events.rows[0].n).toBe(1);
});
