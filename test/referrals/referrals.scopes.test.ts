// Walk every role in the sending organisation, the receiving one (in and out of the service's
// governorates) and a third: a referral is read only by those who may see its case and by the
// receiving caseworkers and case supervisors where the service works; a sensitive case's referral
// only by the receiving case supervisors. Lists show exactly what single reads allow.
import { expect, test } from 'vitest';
import { roles } from '../../src/shared/roles.ts';
import { useTestApp } from '../support/testApp.ts';
import { consent, twoOrganisations } from './support.ts';

const t = useTestApp();

test('every role, in and out of the sending and receiving organisations', async () => {
  const a = await twoOrganisations(t);
  const s = await twoOrganisations(t, 'child_protection');
  const ids: Record<string, string> = {};
  for (const [name, o] of [
    ['plain', a],
    ['sensitive', s],
  ] as const) {
    await consent(t, o.worker, o.caseId, { given: true, organisations: [o.service.organisation.id], fields: ['name'] });
    ids[name] = (await t.post(o.worker, `/api/v1/cases/${o.caseId}/referrals`, { serviceId: o.service.id, urgency: 'routine' })).json().id;
  }
  for (const role of roles) {
    for (const where of ['sender', 'receiver', 'receiverOtherGovernorate', 'otherOrg'] as const) {
      for (const [name, o] of [
        ['plain', a],
        ['sensitive', s],
      ] as const) {
        const orgId = where === 'sender' ? o.worker.orgId : where === 'otherOrg' ? undefined : o.service.organisation.id;
        const u = await t.user({
          role,
          ...(orgId ? { orgId } : {}),
          ...(where === 'receiverOtherGovernorate' ? { governorates: ['PS0105'] } : {}),
        });
        const casework = role === 'caseworker' || role === 'case_supervisor';
        // a supervisor of the sending organisation sees the case (all governorates); a receiving one where the service works
        const mayRead =
          (where === 'sender' && role === 'case_supervisor') ||
          (where === 'receiver' && (role === 'case_supervisor' || (role === 'caseworker' && name === 'plain')));
        const r = await t.get(u, `/api/v1/referrals/${ids[name]}`);
        expect(r.statusCode, `${role} ${where} ${name}`).toBe(mayRead ? 200 : casework ? 404 : 403);
        if (mayRead) {
          const side = where === 'sender' ? 'out' : 'in';
          expect(r.json().side).toBe(side);
          expect(r.json().caseType !== null, `${role} ${where} ${name} told the type`).toBe(side === 'out' || role === 'case_supervisor');
        }
        for (const list of ['in', 'out'] as const) {
          const l = await t.get(u, `/api/v1/referrals/${list}`);
          expect(l.statusCode).toBe(casework ? 200 : 403);
          if (!casework) continue;
          const listed = l.json().items.map((x: { id: string }) => x.id);
          const expected = mayRead && (where === 'sender' ? 'out' : 'in') === list;
          expect(listed.includes(ids[name]), `${role} ${where} ${name} in ${list}`).toBe(expected);
        }
      }
    }
  }
});
