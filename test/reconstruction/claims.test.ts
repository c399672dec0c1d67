// Claims through the API: filing (happy, refused fields, another organisation's unit or household),
// documents (PDF, JPEG and PNG by their bytes; hostile files refused with problem+json and nothing
// stored; too large; no file name kept), the case file with its evidence (the read logged), the
// officer's check, the committee's decision (four eyes), the ranked list and the rule versions.
import { expect, test } from 'vitest';
import { DEFAULT_CLAIM_RULES } from '../../src/reconstruction/claimRules.ts';
import { MAX_DOCUMENT_BYTES } from '../../src/shared/claims.ts';
import type { TestUser } from '../support/factories.ts';
import { useTestApp } from '../support/testApp.ts';
import { HOSTILE, JPEG, PDF, PNG } from './claimFiles.ts';
import { occupant, remoteClass, unitIn } from './claimsSupport.ts';

const t = useTestApp();
const URL = '/api/v1/reconstruction/claims';

async function scene() {
  const officer = await t.user({ role: 'registration_officer' });
  const claims = await t.user({ role: 'claims_officer', orgId: officer.orgId });
  const committee = await t.user({ role: 'reconstruction_committee', orgId: officer.orgId });
  const { buildingId, unitId } = await unitIn(t, officer);
  await remoteClass(t, officer, buildingId, 'destroyed');
  const owner = await occupant(t, officer, unitId, 'owner');
  const tenant = await occupant(t, officer, unitId, 'tenant', ['spouse']);
  return { officer, claims, committee, unitId, buildingId, owner, tenant };
}

const claimBody = (unitId: string, householdId: string, basis = 'owner') => ({
  unitId,
  householdId,
  basis,
  claimedClass: 'destroyed',
  damageDate: '2024-01-10',
});

test('filing: an owner and a tenant form one joint case; refused fields name the field; another organisation sees no unit', async () => {
  const s = await scene();
  const a = await t.post(s.officer, URL, claimBody(s.unitId, s.owner.id));
  expect(a.statusCode, a.body).toBe(201);
  const b = await t.post(s.claims, URL, claimBody(s.unitId, s.tenant.id, 'tenant'));
  expect(b.statusCode, b.body).toBe(201);
  expect(b.json().caseId).toBe(a.json().caseId);
  expect(b.json().evidence.find((e: { item: string }) => e.item === 'other_claims').value).toBe(1);
  const again = await t.post(s.officer, URL, claimBody(s.unitId, s.owner.id, 'heir'));
  expect(again.statusCode).toBe(422);
  expect(again.json().errors).toEqual([{ field: 'householdId', reason: 'taken' }]);
  const bad = await t.post(s.officer, URL, { ...claimBody(s.unitId, s.owner.id), basis: 'squatter', damageDate: '10/01/2024', extra: 1 });
  expect(bad.statusCode).toBe(422);
  expect(
    bad
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort(),
  ).toEqual(['basis', 'damageDate', 'extra']);
  const stranger = await t.user({ role: 'registration_officer' });
  const theirs = await t.post(stranger, URL, claimBody(s.unitId, s.owner.id));
  expect(theirs.statusCode).toBe(404);
  expect(theirs.headers['content-type']).toContain('application/problem+json');
  const count = await t.db.pool.query('SELECT count(*)::int AS n FROM claim WHERE unit_id = $1', [s.unitId]);
  expect(count.rows[0].n).toBe(2);
});

const docCount = async (claimId: string) =>
  (await t.db.pool.query('SELECT count(*)::int AS n FROM claim_document WHERE claim_id = $1', [claimId])).rows[0].n;

test('documents: PDF, JPEG and PNG by their bytes; hostile and oversized files refused with problem+json, nothing stored', async () => {
  const s = await scene();
  const claim = (await t.post(s.officer, URL, claimBody(s.unitId, s.owner.id))).json();
  const docUrl = `${URL}/${claim.id}/documents`;
  for (const [bytes, type] of [
    [PDF, 'application/pdf'],
    [JPEG, 'image/jpeg'],
    [PNG, 'image/png'],
  ] as const) {
    const r = await t.post(s.officer, docUrl, { kind: 'title', content: bytes.toString('base64') });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ kind: 'title', mediaType: type, sizeBytes: bytes.length });
    expect(JSON.stringify(r.json())).not.toMatch(/name/i);
  }
  expect(await docCount(claim.id)).toBe(3);
  for (const [what, bytes] of HOSTILE) {
    const r = await t.post(s.officer, docUrl, { kind: 'title', content: bytes.toString('base64') });
    expect(r.statusCode, what).toBe(415);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.json().type).toBe('/problems/document_type_refused');
  }
  const big = Buffer.concat([JPEG.subarray(0, 6), Buffer.alloc(MAX_DOCUMENT_BYTES, 1), Buffer.from([0xff, 0xd9])]);
  const tooBig = await t.post(s.officer, docUrl, { kind: 'title', content: big.toString('base64') });
  expect([413, 422]).toContain(tooBig.statusCode);
  expect(tooBig.headers['content-type']).toContain('application/problem+json');
  const notBase64 = await t.post(s.officer, docUrl, { kind: 'title', content: 'not base64!' });
  expect(notBase64.statusCode).toBe(422);
  const badKind = await t.post(s.officer, docUrl, { kind: 'passport', content: PDF.toString('base64'), fileName: 'x.pdf' });
  expect(badKind.statusCode).toBe(422);
  expect(await docCount(claim.id)).toBe(3);
  // the committee reads a document back, as an attachment under its id; the read is logged
  const file = (await t.get(s.claims, `/api/v1/reconstruction/cases/${claim.caseId}`)).json();
  const doc = file.claims[0].documents[0];
  const got = await t.get(s.committee, `${URL}/${claim.id}/documents/${doc.id}`);
  expect(got.statusCode).toBe(200);
  expect(got.headers['content-type']).toBe('application/pdf');
  expect(got.headers['content-disposition']).toBe(`attachment; filename="${doc.id}.pdf"`);
  expect(got.rawPayload.equals(PDF)).toBe(true);
  const logged = await t.db.pool.query(
    "SELECT count(*)::int AS n FROM change_log WHERE entity = 'claim_document' AND action = 'read' AND entity_id = $1",
    [doc.id],
  );
  expect(logged.rows[0].n).toBe(1);
});

test('the chain: the case file shows the evidence; checked by an officer; the checker may not decide; a committee member approves', async () => {
  const s = await scene();
  const a = (await t.post(s.officer, URL, claimBody(s.unitId, s.owner.id))).json();
  await t.post(s.officer, URL, claimBody(s.unitId, s.tenant.id, 'tenant'));
  const file = await t.get(s.claims, `/api/v1/reconstruction/cases/${a.caseId}`);
  expect(file.statusCode, file.body).toBe(200);
  const f = file.json();
  expect(f.claims.map((c: { basis: string }) => c.basis)).toEqual(['owner', 'tenant']);
  expect(f.claims[0].evidence.map((e: { item: string; result: string }) => `${e.item}:${e.result}`)).toEqual([
    'registry:match',
    'occupancy:match',
    'remote_class:match',
    'field_class:unknown',
    'other_claims:match',
    'claimant_alive:match',
  ]);
  expect(f.claims[0].claimantName.length).toBeGreaterThan(0);
  const read = await t.db.pool.query("SELECT after FROM change_log WHERE entity = 'claim_case' AND action = 'read' AND entity_id = $1", [
    a.caseId,
  ]);
  expect(read.rows[0].after.households.sort()).toEqual([s.owner.id, s.tenant.id].sort());

  const early = await t.post(s.committee, `/api/v1/reconstruction/cases/${a.caseId}/decision`, { decision: 'approved', reason: 'ok' });
  expect(early.json().type).toBe('/problems/claim_case_not_verified');
  const checked = await t.post(s.claims, `/api/v1/reconstruction/cases/${a.caseId}/check`, { step: 'verified' });
  expect(checked.statusCode, checked.body).toBe(200);
  expect(checked.json()).toMatchObject({ state: 'verified', checkedBy: s.claims.id });
  const noReason = await t.post(s.committee, `/api/v1/reconstruction/cases/${a.caseId}/decision`, { decision: 'approved' });
  expect(noReason.statusCode).toBe(422);
  const ok = await t.post(s.committee, `/api/v1/reconstruction/cases/${a.caseId}/decision`, {
    decision: 'approved',
    reason: 'Consistent evidence',
  });
  expect(ok.statusCode, ok.body).toBe(200);
  expect(ok.json()).toMatchObject({
    state: 'approved',
    decidedBy: s.committee.id,
    grantAmount: 40000,
    stream: 'rebuild',
    decidedRuleVersion: 1,
  });
  const twice = await t.post(s.committee, `/api/v1/reconstruction/cases/${a.caseId}/decision`, { decision: 'rejected', reason: 'x' });
  expect(twice.statusCode).toBe(409);
  expect(twice.json().type).toBe('/problems/claim_case_closed');
  const recheck = await t.post(s.claims, `/api/v1/reconstruction/cases/${a.caseId}/check`, { step: 'inspection' });
  expect(recheck.json().type).toBe('/problems/claim_case_closed');
});

async function rankedIds(u: TestUser, governorate = 'PS0260') {
  const r = await t.get(u, `/api/v1/reconstruction/cases?governorate=${governorate}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json().items as {
    id: string;
    rank: number;
    priorityScore: number;
    ruleVersion: number;
    explanation: { field: string; points: number }[];
  }[];
}

test('the ranked list explains each score; new rules re-rank open cases, decided ones keep their version', async () => {
  const s = await scene();
  const admin = await t.user({ role: 'administrator', orgId: s.officer.orgId });
  const big = (await t.post(s.officer, URL, { ...claimBody(s.unitId, s.owner.id), claimedClass: 'major' })).json();
  const other = await unitIn(t, s.officer, 2);
  await remoteClass(t, s.officer, other.buildingId, 'destroyed');
  const small = await occupant(t, s.officer, other.unitId, 'owner', []);
  const destroyed = (await t.post(s.officer, URL, claimBody(other.unitId, small.id))).json();
  let items = await rankedIds(s.claims);
  expect(items.map((i) => i.id)).toEqual([destroyed.caseId, big.caseId]);
  expect(items[0]!.explanation.reduce((x, l) => x + l.points, 0)).toBe(items[0]!.priorityScore);
  expect(items.map((i) => i.rank)).toEqual([1, 2]);
  // decide the first one, then make size count heavily: the open case is re-ranked, the decided one is not
  await t.post(s.claims, `/api/v1/reconstruction/cases/${destroyed.caseId}/check`, { step: 'verified' });
  const decided = (
    await t.post(s.committee, `/api/v1/reconstruction/cases/${destroyed.caseId}/decision`, {
      decision: 'rejected',
      reason: 'duplicate title',
    })
  ).json();
  const saved = await t.post(admin, '/api/v1/reconstruction/claim-rules', {
    basedOn: 1,
    reason: 'size counts more',
    rules: { ...DEFAULT_CLAIM_RULES, priority: { ...DEFAULT_CLAIM_RULES.priority, household_size: 50 } },
  });
  expect(saved.statusCode, saved.body).toBe(201);
  expect(saved.json().version).toBe(2);
  items = await rankedIds(s.claims);
  expect(items.map((i) => [i.id, i.ruleVersion])).toEqual([[big.caseId, 2]]);
  const after = (await t.get(s.committee, `/api/v1/reconstruction/cases/${destroyed.caseId}`)).json();
  expect({ ...after, version: decided.version }).toMatchObject({ ...decided });
  const refused = await t.post(s.claims, '/api/v1/reconstruction/claim-rules', { basedOn: 2, reason: 'x', rules: DEFAULT_CLAIM_RULES });
  expect(refused.statusCode).toBe(403);
  const invalid = await t.post(admin, '/api/v1/reconstruction/claim-rules', {
    basedOn: 2,
    reason: 'x',
    rules: { ...DEFAULT_CLAIM_RULES, priority: { destroyed_home: -1 } },
  });
  expect(invalid.statusCode).toBe(422);
  expect((await t.get(s.claims, '/api/v1/reconstruction/cases?governorate=PS9999')).statusCode).toBe(422);
});

test("an engineer's field assessment of the unit's building is the field evidence: a different class sends the claim to inspection", async () => {
  const s = await scene();
  const engineer = await t.user({ role: 'engineer', orgId: s.officer.orgId });
  const today = new Date(Date.now() + 2 * 3600_000).toISOString().slice(0, 10);
  const field = await t.post(engineer, '/api/v1/reconstruction/field-assessments', {
    id: crypto.randomUUID(),
    buildingId: s.buildingId,
    damageClass: 'major',
    habitable: false,
    assessedOn: today,
    lines: [{ itemCode: 'cement', quantity: 1 }],
  });
  expect(field.statusCode, field.body).toBe(201);
  const a = (await t.post(s.officer, URL, claimBody(s.unitId, s.owner.id))).json();
  expect(a.reasons).toContain('field_class_differs');
  const f = (await t.get(s.claims, `/api/v1/reconstruction/cases/${a.caseId}`)).json();
  expect(f.claims[0].evidence.find((e: { item: string }) => e.item === 'field_class')).toMatchObject({
    result: 'mismatch',
    source: 'field_assessment',
    value: 'major',
  });
});
