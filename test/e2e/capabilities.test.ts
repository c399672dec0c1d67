// The web app shows only what the signed-in role may do. Its capabilities read the server's own
// permission matrix (src/shared/permissions.ts); here each capability's route is called on the real
// app, for every role: the server must refuse (403) exactly what the web app hides.
import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { roles } from '../../src/shared/roles.ts';
import { type Capability, can, capabilityRoutes } from '../../web/src/access.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();

test('every capability is a route the server has, and it refuses exactly what the web app hides', async () => {
  const mismatches: string[] = [];
  for (const role of roles) {
    const user = await t.user({ role });
    for (const [cap, key] of Object.entries(capabilityRoutes) as [Capability, string][]) {
      const [method, pattern] = key.split(' ') as ['GET' | 'POST', string];
      expect(t.app.hasRoute({ method, url: pattern }), `${key} is a route`).toBe(true);
      const url = pattern.replace(/:id\b/g, randomUUID());
      const res = await t.request(user, method, url, method === 'POST' ? {} : undefined);
      if ((res.statusCode !== 403) !== can(role, cap)) mismatches.push(`${cap} ${role} ${res.statusCode}`);
    }
  }
  expect(mismatches).toEqual([]);
});

test('what each role sees', () => {
  const sees = (role: string) => (Object.keys(capabilityRoutes) as Capability[]).filter((c) => can(role, c));
  expect(sees('auditor')).toEqual([
    'history',
    'aidReach',
    'auditLog',
    'householdHistory',
    'reviewConflicts',
    'reconciliation',
    'readStock',
    'aidReports',
    'materialsReconciliation',
  ]);
  expect(sees('analyst')).toEqual([
    'dashboard',
    'sites',
    'readSite',
    'listSites',
    'aidReach',
    'exportAggregates',
    'ticketReport',
    'reconciliation',
    'readStock',
    'aidReports',
    'projects',
    'materialsReconciliation',
    'reconDashboard',
  ]);
  expect(sees('distribution_officer')).toContain('distribute');
  expect(sees('distribution_officer')).toContain('manageProgrammes');
  expect(sees('caseworker')).toContain('decideDuplicates');
  expect(sees('registration_officer')).not.toContain('reviewDuplicates');
  // an administrator runs the system but reads no case file: cases are for caseworkers and their supervisors
  const caseWork = ['myCases', 'openCase', 'decideCase', 'referrals', 'refer'];
  // nor records field assessments: an engineer's (an assessment is the assessor's, reviewed by others)
  const engineering = ['fieldAssessment'];
  // nor files, checks or decides reconstruction claims: those are for the officers and the committee (four eyes)
  const claimWork = ['fileClaim', 'readClaimCase', 'checkClaimCase', 'decideClaimCase', 'reopenClaimCase'];
  // nor opens grant plans, inspects, releases tranches or sells materials: officers, engineers and vendors do
  const planWork = [
    'readPlan',
    'openPlan',
    'inspectStage',
    'releaseTranche',
    'sellMaterials',
    'readPlans',
    'shelterCashDue',
    'payShelterCash',
  ];
  const notAdmin = [...caseWork, ...engineering, ...claimWork, ...planWork];
  expect(sees('administrator')).toEqual(Object.keys(capabilityRoutes).filter((c) => !notAdmin.includes(c)));
  expect(sees('engineer')).toEqual(expect.arrayContaining(['fieldAssessment', 'readAssessments']));
  expect(sees('reconstruction_committee')).toEqual([
    'readAssessments',
    'buildings',
    'readOccupancy',
    'readClaimCase',
    'decideClaimCase',
    'reopenClaimCase',
    'decidedClaims',
    'rankedClaims',
    'readPlan',
    'materialsReconciliation',
    'readPlans',
    'claimRules',
    'reconDashboard',
    'shelterCashDue',
  ]);
  expect(sees('claims_officer')).toEqual(expect.arrayContaining(['releaseTranche', 'shelterCashDue', 'payShelterCash', 'cashReport']));
  expect(sees('case_supervisor')).toEqual(expect.arrayContaining(caseWork));
  expect(sees('feedback_focal_point')).toContain('tickets');
  expect(sees('visitor')).toEqual([]);
  expect(can(undefined, 'search')).toBe(false);
});
