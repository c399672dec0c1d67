// Walk every role, in and out of the organisation and the governorate: who may file a claim, attach
// a document, read a case and its documents, check it, decide it, list the ranked cases and save the
// rules. Outside the organisation or the governorate the case does not exist (404), never 403.
import { expect, test } from 'vitest';
import { allows } from '../../src/shared/permissions.ts';
import { roles } from '../../src/shared/roles.ts';
import { useTestApp } from '../support/testApp.ts';
import { PDF } from './claimFiles.ts';
import { occupant, remoteClass, unitIn } from './claimsSupport.ts';

const t = useTestApp();

test('every role, in and out of the organisation and the governorate', async () => {
  const officer = await t.user({ role: 'registration_officer' });
  const { buildingId, unitId } = await unitIn(t, officer);
  await remoteClass(t, officer, buildingId, 'destroyed');
  const owner = await occupant(t, officer, unitId, 'owner', []);
  const claim = (
    await t.post(officer, '/api/v1/reconstruction/claims', {
      unitId,
      householdId: owner.id,
      basis: 'owner',
      claimedClass: 'destroyed',
      damageDate: '2024-01-10',
    })
  ).json();
  const doc = (
    await t.post(officer, `/api/v1/reconstruction/claims/${claim.id}/documents`, { kind: 'title', content: PDF.toString('base64') })
  ).json();
  for (const role of roles) {
    for (const where of ['same', 'otherGovernorate', 'otherOrg'] as const) {
      const u = await t.user({
        role,
        ...(where === 'otherOrg' ? {} : { orgId: officer.orgId }),
        ...(where === 'otherGovernorate' ? { governorates: ['PS0105'] } : {}),
      });
      const label = `${role} ${where}`;
      const expectFor = (key: string, status: number, okStatus: number) =>
        expect(status, `${label} ${key}`).toBe(!allows(key, role) ? 403 : where === 'same' ? okStatus : 404);
      const read = await t.get(u, `/api/v1/reconstruction/cases/${claim.caseId}`);
      expectFor('GET /api/v1/reconstruction/cases/:id', read.statusCode, 200);
      const file = await t.get(u, `/api/v1/reconstruction/claims/${claim.id}/documents/${doc.id}`);
      expectFor('GET /api/v1/reconstruction/claims/:id/documents/:documentId', file.statusCode, 200);
      const attach = await t.post(u, `/api/v1/reconstruction/claims/${claim.id}/documents`, {
        kind: 'other',
        content: PDF.toString('base64'),
      });
      expectFor('POST /api/v1/reconstruction/claims/:id/documents', attach.statusCode, 201);
      // an unverified case: the committee is refused with 409, the officer's inspection step passes
      const decide = await t.post(u, `/api/v1/reconstruction/cases/${claim.caseId}/decision`, { decision: 'rejected', reason: 'x' });
      expectFor('POST /api/v1/reconstruction/cases/:id/decision', decide.statusCode, 409);
      const check = await t.post(u, `/api/v1/reconstruction/cases/${claim.caseId}/check`, { step: 'inspection', note: 'look' });
      expectFor('POST /api/v1/reconstruction/cases/:id/check', check.statusCode, 200);
      const filed = await t.post(u, '/api/v1/reconstruction/claims', {
        unitId,
        householdId: owner.id,
        basis: 'heir',
        claimedClass: 'major',
        damageDate: '2024-01-10',
      });
      expectFor('POST /api/v1/reconstruction/claims', filed.statusCode, 422); // the household claims the unit already
      const ranked = await t.get(u, '/api/v1/reconstruction/cases?governorate=PS0260');
      expect(ranked.statusCode, label).toBe(allows('GET /api/v1/reconstruction/cases', role) ? 200 : 403);
      if (ranked.statusCode === 200) expect(ranked.json().items.length, label).toBe(where === 'same' ? 1 : 0);
      const rules = await t.get(u, '/api/v1/reconstruction/claim-rules');
      expect(rules.statusCode, label).toBe(allows('GET /api/v1/reconstruction/claim-rules', role) ? 200 : 403);
    }
  }
});
