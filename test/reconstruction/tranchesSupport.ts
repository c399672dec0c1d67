// Setting up tranche and materials tests: an approved joint case through the API (filed by a
// registration officer, verified by a claims officer, approved by a committee member), its plan,
// an approved vendor, and small photos (a JPEG carrying EXIF metadata, a PNG carrying a text chunk).
import { expect } from 'vitest';
import { stripPhoto } from '../../src/reconstruction/photo.ts';
import type { TestUser } from '../support/factories.ts';
import type { TestApp } from '../support/testApp.ts';
import { occupant, remoteClass, unitIn } from './claimsSupport.ts';

const ascii = (s: string) => Buffer.from(s, 'latin1');
const seg = (marker: number, data: Buffer) => {
  const h = Buffer.from([0xff, marker, 0, 0]);
  h.writeUInt16BE(data.length + 2, 2);
  return Buffer.concat([h, data]);
};
/** A JPEG with an APP0 (JFIF) segment, an APP1 EXIF segment naming a place, a comment, and image data. */
export const PHOTO_JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8]),
  seg(0xe0, Buffer.concat([ascii('JFIF\0'), Buffer.from([1, 1, 0, 0, 1, 0, 1, 0, 0])])),
  seg(0xe1, ascii('Exif\0\0GPS 31.5069N 34.4545E Jabalia')),
  seg(0xfe, ascii('taken by Ahmad')),
  seg(0xda, Buffer.from([0, 1, 1, 0, 0, 0])),
  Buffer.alloc(40, 0x55),
  Buffer.from([0xff, 0xd9]),
]);
export const photo = PHOTO_JPEG.toString('base64');
/** The photo as the route hands it to the store: checked and stripped by the one rule. */
export const STRIPPED = (() => {
  const s = stripPhoto(PHOTO_JPEG);
  if (typeof s === 'string') throw new Error(`the test photo is refused: ${s}`);
  return s;
})();

export type Scene = {
  officer: TestUser;
  claims: TestUser;
  committee: TestUser;
  engineer: TestUser;
  claims2: TestUser;
  caseId: string;
  unitId: string;
};

/** An approved case of a destroyed unit (rebuild, 40,000 under the default rules) in a new organisation. */
export async function approvedCase(t: TestApp, orgId?: string, offset = 0): Promise<Scene> {
  const officer = await t.user({ role: 'registration_officer', ...(orgId ? { orgId } : {}) });
  const claims = await t.user({ role: 'claims_officer', orgId: officer.orgId });
  const claims2 = await t.user({ role: 'claims_officer', orgId: officer.orgId });
  const committee = await t.user({ role: 'reconstruction_committee', orgId: officer.orgId });
  const engineer = await t.user({ role: 'engineer', orgId: officer.orgId });
  const { buildingId, unitId } = await unitIn(t, officer, offset);
  await remoteClass(t, officer, buildingId, 'destroyed');
  const owner = await occupant(t, officer, unitId, 'owner', []);
  const claim = await t.post(officer, '/api/v1/reconstruction/claims', {
    unitId,
    householdId: owner.id,
    basis: 'owner',
    claimedClass: 'destroyed',
    damageDate: '2024-01-10',
  });
  expect(claim.statusCode, claim.body).toBe(201);
  const caseId = claim.json().caseId as string;
  expect((await t.post(claims, `/api/v1/reconstruction/cases/${caseId}/check`, { step: 'verified' })).statusCode).toBe(200);
  const ok = await t.post(committee, `/api/v1/reconstruction/cases/${caseId}/decision`, { decision: 'approved', reason: 'ok' });
  expect(ok.statusCode, ok.body).toBe(200);
  return { officer, claims, claims2, committee, engineer, caseId, unitId };
}

/** Opens the plan of the scene's case and returns it. */
export async function openPlan(t: TestApp, s: Scene) {
  const r = await t.post(s.claims, `/api/v1/reconstruction/cases/${s.caseId}/plan`);
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
}

/** A vendor account of the organisation, approved in a governorate. */
export async function vendorIn(t: TestApp, orgId: string, governorate = 'PS0260') {
  const admin = await t.user({ role: 'administrator', orgId });
  const vendor = await t.user({ role: 'vendor', orgId });
  const r = await t.post(admin, '/api/v1/reconstruction/vendors', {
    userId: vendor.id,
    organisation: 'Al-Bina Building Supplies',
    governorate,
  });
  expect(r.statusCode, r.body).toBe(201);
  return vendor;
}
