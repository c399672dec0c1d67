// Walk every role, in and out of the organisation and the governorate, over every field assessment
// route: engineers record (and add photos to their own); administrators, engineers, claims officers
// and committee members read; everyone else is refused; outside the scope the building does not exist.
import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { roles } from '../../src/shared/roles.ts';
import { createBuilding } from '../../src/store/reconstruction/createBuilding.ts';
import { write } from '../../src/store/write.ts';
import { useTestApp } from '../support/testApp.ts';
import { jpegWithExif } from './photoFiles.ts';

const t = useTestApp();
const READERS = ['administrator', 'engineer', 'claims_officer', 'reconstruction_committee'];

test('every role, in and out of the organisation and the governorate', async () => {
  const engineer = await t.user({ role: 'engineer' });
  const b = await write(t.store.pool, engineer.actor, { route: 'test' }, async (ctx) => ({
    status: 201,
    body: await createBuilding(ctx, {
      geometry: { type: 'Point', coordinates: [34.4545, 31.5069] },
      governorate: null,
      localityId: null,
      use: 'residential',
      floors: 1,
    }),
  }));
  const a = { id: randomUUID(), buildingId: b.body.id, damageClass: 'severe', habitable: false, assessedOn: '2026-11-01', lines: [] };
  expect((await t.post(engineer, '/api/v1/reconstruction/field-assessments', a)).statusCode).toBe(201);
  const photoUrl = () => `/api/v1/reconstruction/field-assessments/${a.id}/photos?photoId=${randomUUID()}&takenAt=2026-11-01T10:00:00Z`;
  const photo = await t.request(engineer, 'POST', photoUrl(), jpegWithExif(), { headers: { 'content-type': 'image/jpeg' } });
  expect(photo.statusCode).toBe(201);
  for (const role of roles) {
    for (const where of ['same', 'otherGovernorate', 'otherOrg'] as const) {
      const u = await t.user({
        role,
        ...(where === 'otherOrg' ? {} : { orgId: engineer.orgId }),
        ...(where === 'otherGovernorate' ? { governorates: ['PS0105'] } : {}),
      });
      const label = `${role} ${where}`;
      const reads = READERS.includes(role);
      const inScope = where === 'same';
      expect((await t.get(u, '/api/v1/reconstruction/materials')).statusCode, label).toBe(reads ? 200 : 403);
      expect((await t.get(u, `/api/v1/reconstruction/buildings/${b.body.id}/field-assessments`)).statusCode, label).toBe(
        reads ? (inScope ? 200 : 404) : 403,
      );
      expect((await t.get(u, `/api/v1/reconstruction/photos/${photo.json().id}`)).statusCode, label).toBe(
        reads ? (inScope ? 200 : 404) : 403,
      );
      const pack = await t.get(u, '/api/v1/reconstruction/field-pack?governorate=PS0260');
      expect(pack.statusCode, label).toBe(role === 'engineer' ? (where === 'otherGovernorate' ? 422 : 200) : 403);
      if (pack.statusCode === 200)
        expect(
          pack.json().buildings.some((x: { id: string }) => x.id === b.body.id),
          label,
        ).toBe(inScope);
      const rec = await t.post(u, '/api/v1/reconstruction/field-assessments', { ...a, id: randomUUID() });
      expect(rec.statusCode, label).toBe(role === 'engineer' ? (inScope ? 201 : 404) : 403);
      const up = await t.request(u, 'POST', photoUrl(), jpegWithExif(), { headers: { 'content-type': 'image/jpeg' } });
      expect(up.statusCode, label).toBe(role === 'engineer' ? 404 : 403); // only the assessor adds photos
    }
  }
});
