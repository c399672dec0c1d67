// Walk every role and another organisation: a case file is readable only by its caseworker, the
// supervisors of its governorate and those it was shared with; a sensitive case is not even listed.
import { expect, test } from 'vitest';
import { roles } from '../../src/shared/roles.ts';
import { household } from '../households/support.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();

test('every role, in and out of the organisation and the governorate', async () => {
  const worker = await t.user({ role: 'caseworker' });
  const h = await household(t, worker, []);
  const sensitive = (await t.post(worker, '/api/v1/cases', { type: 'gender_based_violence', personId: h.head })).json().id;
  const plain = (await t.post(worker, '/api/v1/cases', { type: 'lost_livelihood', personId: h.head })).json().id;
  for (const role of roles) {
    for (const where of ['same', 'otherGovernorate', 'otherOrg'] as const) {
      const u = await t.user({
        role,
        ...(where === 'otherOrg' ? {} : { orgId: worker.orgId }),
        ...(where === 'otherGovernorate' ? { governorates: ['PS0105'] } : {}),
      });
      const mayRead = role === 'case_supervisor' && where === 'same';
      for (const id of [sensitive, plain]) {
        const r = await t.get(u, `/api/v1/cases/${id}`);
        expect(r.statusCode, `${role} ${where}`).toBe(mayRead ? 200 : ['caseworker', 'case_supervisor'].includes(role) ? 404 : 403);
      }
      const listed = await t.get(u, `/api/v1/persons/${h.head}/cases`);
      if (listed.statusCode === 200) {
        const ids = listed.json().items.map((c: { id: string }) => c.id);
        expect(ids.includes(sensitive), `${role} ${where} sees the sensitive case listed`).toBe(mayRead);
      }
    }
  }
});
