// The service directory and referrals between organisations: one test per operation (happy, error,
// security); consent checked when sent and at every read; reads logged; text kept out of the log.
import { expect, test } from 'vitest';
import { useTestApp } from '../support/testApp.ts';
import { consent, SERVICE, twoOrganisations } from './support.ts';

const t = useTestApp();

test('services: added by an administrator or case supervisor, browsed and filtered by anyone who refers, changed only by their organisation', async () => {
  const { worker, providerAdmin, service } = await twoOrganisations(t);
  expect(service).toMatchObject({ type: 'physiotherapy', organisation: { id: providerAdmin.orgId }, active: true, version: 1 });
  const sup = await t.user({ role: 'case_supervisor', orgId: providerAdmin.orgId });
  const legal = (await t.post(sup, '/api/v1/services', { ...SERVICE, type: 'legal_documents', governorates: ['PS0105'] })).json();
  const ids = async (q: string) => (await t.get(worker, `/api/v1/services${q}`)).json().items.map((s: { id: string }) => s.id);
  expect(await ids('?type=physiotherapy')).toContain(service.id);
  expect(await ids('?type=physiotherapy')).not.toContain(legal.id);
  expect(await ids('?governorate=PS0105')).toEqual(expect.arrayContaining([legal.id]));
  expect(await ids('?governorate=PS0105')).not.toContain(service.id);
  // bad input names the field
  const bad = await t.post(sup, '/api/v1/services', { ...SERVICE, governorates: ['PS9999'] });
  expect(bad.json().errors[0]).toMatchObject({ field: 'governorates.0', reason: 'not_a_governorate' });
  expect((await t.post(sup, '/api/v1/services', { ...SERVICE, type: 'massage' })).json().errors[0].field).toBe('type');
  // who manages: not a caseworker, not another organisation's administrator
  expect((await t.post(worker, '/api/v1/services', SERVICE)).statusCode).toBe(403);
  const otherAdmin = await t.user({ role: 'administrator' });
  expect((await t.put(otherAdmin, `/api/v1/services/${service.id}`, { ...SERVICE, version: 1, active: false })).statusCode).toBe(404);
  const off = await t.put(sup, `/api/v1/services/${service.id}`, { ...SERVICE, version: 1, active: false });
  expect(off.json()).toMatchObject({ active: false, version: 2 });
  expect((await t.put(sup, `/api/v1/services/${service.id}`, { ...SERVICE, version: 1 })).json().type).toBe('/problems/version_conflict');
  expect(await ids('?type=physiotherapy')).not.toContain(service.id);
  expect(await ids('?type=physiotherapy&inactive=true')).toContain(service.id);
  expect((await t.get(await t.user({ role: 'registration_officer' }), '/api/v1/services')).statusCode).toBe(403);
});

test('a referral needs consent: not given, expired or not covering the organisation are refused, each with its own problem', async () => {
  const { worker, service, caseId } = await twoOrganisations(t);
  const refer = () =>
    t.post(worker, `/api/v1/cases/${caseId}/referrals`, { serviceId: service.id, urgency: 'urgent', need: 'gait training' });
  await consent(t, worker, caseId, { given: false });
  expect((await refer()).json().type).toBe('/problems/referral_consent_not_given');
  await consent(t, worker, caseId, { given: true, fields: ['name'] });
  expect((await refer()).json().type).toBe('/problems/referral_consent_other_organisation');
  await consent(t, worker, caseId, { given: true, organisations: [service.organisation.id], until: '2001-01-01' });
  expect((await refer()).json().type).toBe('/problems/referral_consent_expired');
  const badField = await t.post(worker, `/api/v1/cases/${caseId}/consent`, { given: true, fields: ['notes'] });
  expect(badField.json().errors[0].field).toBe('fields.0');
  expect(
    (await t.post(worker, `/api/v1/cases/${caseId}/referrals`, { serviceId: service.id, urgency: 'soon' })).json().errors[0].field,
  ).toBe('urgency');
  const nothing = await t.post(worker, `/api/v1/cases/${caseId}/referrals`, {
    serviceId: '00000000-0000-4000-8000-000000000000',
    urgency: 'routine',
  });
  expect(nothing.json().errors[0]).toMatchObject({ field: 'serviceId', reason: 'no_such_record' });
  const stranger = await t.user({ role: 'caseworker', orgId: worker.orgId });
  expect((await t.post(stranger, `/api/v1/cases/${caseId}/consent`, { given: true })).statusCode).toBe(404);
  expect((await t.post(stranger, `/api/v1/cases/${caseId}/referrals`, { serviceId: service.id, urgency: 'routine' })).statusCode).toBe(404);
});

test('sent, seen by the receiving side with only the consented fields, accepted, reported back; the sender sees the outcome', async () => {
  const { worker, receiver, service, caseId } = await twoOrganisations(t);
  await consent(t, worker, caseId, {
    given: true,
    organisations: [service.organisation.id],
    fields: ['age_band', 'need'],
    until: '2099-12-31',
  });
  const sent = await t.post(worker, `/api/v1/cases/${caseId}/referrals`, {
    serviceId: service.id,
    urgency: 'urgent',
    need: 'gait training',
  });
  expect(sent.statusCode, sent.body).toBe(201);
  const id = sent.json().id;
  expect(sent.json()).toMatchObject({ side: 'out', status: 'sent', caseId, caseType: 'injured_person', fields: ['age_band', 'need'] });
  const inbox = (await t.get(receiver, '/api/v1/referrals/in')).json().items;
  expect(inbox.map((r: { id: string }) => r.id)).toEqual([id]);
  const seen = (await t.get(receiver, `/api/v1/referrals/${id}`)).json();
  expect(seen).toMatchObject({ side: 'in', caseId: null, caseType: null, need: 'gait training', person: { fullName: null, sex: null } });
  expect(seen.person.ageBand).not.toBeNull();
  expect(JSON.stringify(seen)).not.toContain(caseId);
  // the sender cannot answer; the receiver must give a reason to decline
  expect((await t.post(worker, `/api/v1/referrals/${id}/answer`, { decision: 'accept' })).json().type).toBe(
    '/problems/referral_step_refused',
  );
  expect((await t.post(receiver, `/api/v1/referrals/${id}/answer`, { decision: 'decline' })).json().errors[0].field).toBe('reason');
  expect((await t.post(receiver, `/api/v1/referrals/${id}/report`, { outcome: 'x', date: '2024-01-01' })).json().type).toBe(
    '/problems/referral_step_refused',
  );
  expect((await t.post(receiver, `/api/v1/referrals/${id}/answer`, { decision: 'accept' })).json().status).toBe('accepted');
  expect((await t.post(receiver, `/api/v1/referrals/${id}/answer`, { decision: 'accept' })).json().type).toBe(
    '/problems/referral_step_refused',
  );
  expect((await t.post(receiver, `/api/v1/referrals/${id}/report`, { outcome: 'x', date: '2999-01-01' })).json().errors[0].field).toBe(
    'date',
  );
  const done = await t.post(receiver, `/api/v1/referrals/${id}/report`, { outcome: 'twelve sessions, walks unaided', date: '2024-03-01' });
  expect(done.json()).toMatchObject({ status: 'completed', outcomeDate: '2024-03-01' });
  const out = (await t.get(worker, '/api/v1/referrals/out')).json().items;
  expect(out[0]).toMatchObject({ id, status: 'completed', outcome: 'twelve sessions, walks unaided' });
  const log = await t.db.pool.query("SELECT action, after::text AS after FROM change_log WHERE entity = 'referral' ORDER BY seq");
  expect(log.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['send', 'read', 'list_in', 'accept', 'report', 'list_out']));
  expect(log.rows.map((r) => r.after ?? '').join(' ')).not.toMatch(/gait|walks unaided/);
  const timeline = (await t.get(worker, `/api/v1/cases/${caseId}`)).json().entries.map((e: { kind: string }) => e.kind);
  expect(timeline).toEqual(expect.arrayContaining(['consent', 'referred']));
});

test('declined with a reason; withdrawn consent hides the personal content from the receiving side at once', async () => {
  const { worker, receiver, service, caseId } = await twoOrganisations(t);
  await consent(t, worker, caseId, { given: true, organisations: [service.organisation.id], fields: ['name', 'sex', 'need'] });
  const id = (
    await t.post(worker, `/api/v1/cases/${caseId}/referrals`, { serviceId: service.id, urgency: 'routine', need: 'a wheelchair' })
  ).json().id;
  const before = (await t.get(receiver, `/api/v1/referrals/${id}`)).json();
  expect(before.person.fullName).toEqual(expect.any(String));
  expect(before.consentLapsed).toBe(false);
  await consent(t, worker, caseId, { given: false });
  const after = (await t.get(receiver, `/api/v1/referrals/${id}`)).json();
  expect(after).toMatchObject({ consentLapsed: true, fields: [], need: null, person: { fullName: null, sex: null, ageBand: null } });
  expect((await t.get(worker, `/api/v1/referrals/${id}`)).json()).toMatchObject({ consentLapsed: true, need: 'a wheelchair' });
  const declined = await t.post(receiver, `/api/v1/referrals/${id}/answer`, { decision: 'decline', reason: 'no capacity this month' });
  expect(declined.json()).toMatchObject({ status: 'declined', declineReason: 'no capacity this month' });
  // an inactive service takes no referrals
  const provider = await t.user({ role: 'case_supervisor', orgId: service.organisation.id });
  await t.put(provider, `/api/v1/services/${service.id}`, { ...SERVICE, version: 1, active: false });
  await consent(t, worker, caseId, { given: true, organisations: [service.organisation.id] });
  expect((await t.post(worker, `/api/v1/cases/${caseId}/referrals`, { serviceId: service.id, urgency: 'routine' })).json().type).toBe(
    '/problems/service_inactive',
  );
});

test('a sensitive case: its referral reaches only the receiving case supervisors, the only ones told the type', async () => {
  const { worker, receiver, focal, service, caseId } = await twoOrganisations(t, 'gender_based_violence');
  await consent(t, worker, caseId, { given: true, organisations: [service.organisation.id], fields: ['age_band'] });
  const id = (await t.post(worker, `/api/v1/cases/${caseId}/referrals`, { serviceId: service.id, urgency: 'emergency' })).json().id;
  expect((await t.get(receiver, `/api/v1/referrals/${id}`)).statusCode).toBe(404);
  expect((await t.get(receiver, '/api/v1/referrals/in')).json().items).toEqual([]);
  const seen = (await t.get(focal, `/api/v1/referrals/${id}`)).json();
  expect(seen).toMatchObject({ side: 'in', caseType: 'gender_based_violence', caseId: null });
});
