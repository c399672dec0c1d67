// Two organisations for the referral tests: A opens a case, B provides a service.
import { expect } from 'vitest';
import { household } from '../households/support.ts';
import type { TestUser } from '../support/factories.ts';
import type { TestApp } from '../support/testApp.ts';

export const SERVICE = {
  type: 'physiotherapy',
  name: 'Rehabilitation unit',
  governorates: ['PS0260', 'PS0265'],
  capacityPerMonth: 40,
  contactOffice: 'Referrals desk',
  contactPhone: '+970 8 282 0000',
};

export async function twoOrganisations(t: TestApp, caseType = 'injured_person') {
  const worker = await t.user({ role: 'caseworker' });
  const providerAdmin = await t.user({ role: 'administrator' });
  const receiver = await t.user({ role: 'caseworker', orgId: providerAdmin.orgId, governorates: ['PS0260'] });
  const focal = await t.user({ role: 'case_supervisor', orgId: providerAdmin.orgId, governorates: ['PS0265'] });
  const made = await t.post(providerAdmin, '/api/v1/services', SERVICE);
  expect(made.statusCode, made.body).toBe(201);
  const service = made.json();
  const h = await household(t, worker, []);
  const caseId = (await t.post(worker, '/api/v1/cases', { type: caseType, personId: h.head, consent: { given: true } })).json().id;
  return { worker, providerAdmin, receiver, focal, service, caseId, personId: h.head };
}

export async function consent(t: TestApp, who: TestUser, caseId: string, c: Record<string, unknown>) {
  const r = await t.post(who, `/api/v1/cases/${caseId}/consent`, c);
  expect(r.statusCode, r.body).toBe(200);
}
