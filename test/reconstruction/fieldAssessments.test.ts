// Field assessments through the API on real PostgreSQL: the catalogue; an engineer's assessment
// with its bill of quantities, recorded once however often it is sent; refusals naming fields;
// photos stored without their metadata under a random id, served and their reads logged; oversized
// and wrong-type photos refused as problem+json with nothing stored; field and remote side by side.
import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { createBuilding } from '../../src/store/reconstruction/createBuilding.ts';
import { write } from '../../src/store/write.ts';
import { MAX_PHOTOS_PER_ASSESSMENT, PHOTO_MAX_BYTES } from '../../src/shared/fieldAssessment.ts';
import type { TestUser } from '../support/factories.ts';
import { useTestApp } from '../support/testApp.ts';
import { jpegWithExif, pngWithText, SECRET_NAME, SECRET_PLACE } from './photoFiles.ts';

const t = useTestApp();
const GAZA: [number, number] = [34.4545, 31.5069];
const today = () => new Date().toISOString().slice(0, 10);

async function building(u: TestUser, at: [number, number] = GAZA): Promise<string> {
  const o = await write(t.store.pool, u.actor, { route: 'test' }, async (ctx) => ({
    status: 201,
    body: await createBuilding(ctx, {
      geometry: { type: 'Point', coordinates: at },
      governorate: null,
      localityId: null,
      use: 'residential',
      floors: 2,
    }),
  }));
  return o.body.id;
}

const assessment = (buildingId: string, over: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  buildingId,
  damageClass: 'major',
  habitable: false,
  notes: 'Roof slab cracked; east wall down.',
  assessedOn: today(),
  lines: [
    { itemCode: 'cement', quantity: 2.5 },
    { itemCode: 'rebar', quantity: 0.35, unitCostUsd: 1000 },
    { itemCode: 'labour', quantity: 12 },
  ],
  ...over,
});

const photoUrl = (id: string, photoId = randomUUID(), extra = '') =>
  `/api/v1/reconstruction/field-assessments/${id}/photos?photoId=${photoId}&takenAt=${encodeURIComponent(new Date().toISOString())}&lon=34.4546&lat=31.507${extra}`;
const upload = (u: TestUser, url: string, bytes: Buffer, type = 'image/jpeg') =>
  t.request(u, 'POST', url, bytes, { headers: { 'content-type': type } });
const count = async (table: string) => (await t.db.pool.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number;

test('an assessment with its bill of quantities is recorded once, however often it is sent', async () => {
  const engineer = await t.user({ role: 'engineer' });
  const cat = await t.get(engineer, '/api/v1/reconstruction/materials');
  expect(cat.statusCode).toBe(200);
  expect(cat.json().items.map((i: { code: string }) => i.code)).toEqual([
    'cement',
    'rebar',
    'aggregate',
    'sand',
    'blocks',
    'glazing',
    'labour',
  ]);
  const b = await building(engineer);
  const body = assessment(b);
  const first = await t.post(engineer, '/api/v1/reconstruction/field-assessments', body);
  expect(first.statusCode, first.body).toBe(201);
  expect(first.json()).toMatchObject({
    id: body.id,
    buildingId: b,
    damageClass: 'major',
    habitable: false,
    assessor: { id: engineer.id },
    lines: [
      { lineNo: 1, itemCode: 'cement', quantity: 2.5, unitCostUsd: 140, lineTotalUsd: 350 },
      { lineNo: 2, itemCode: 'rebar', quantity: 0.35, unitCostUsd: 1000, lineTotalUsd: 350 },
      { lineNo: 3, itemCode: 'labour', quantity: 12, unitCostUsd: 25, lineTotalUsd: 300 },
    ],
    totalUsd: 1000,
  });
  const before = await count('field_assessment');
  const [again, twice] = await Promise.all([
    t.post(engineer, '/api/v1/reconstruction/field-assessments', body),
    t.post(engineer, '/api/v1/reconstruction/field-assessments', body),
  ]);
  expect([again.statusCode, twice.statusCode]).toEqual([200, 200]);
  expect(again.json()).toEqual(first.json());
  expect(await count('field_assessment')).toBe(before);
  const logged = await t.db.pool.query("SELECT count(*)::int AS n FROM change_log WHERE entity = 'field_assessment' AND entity_id = $1", [
    body.id,
  ]);
  expect(logged.rows[0].n).toBe(1);
  const other = await t.post(engineer, '/api/v1/reconstruction/field-assessments', { ...body, damageClass: 'destroyed' });
  expect(other.statusCode).toBe(409);
  expect(other.headers['content-type']).toContain('application/problem+json');
  expect(other.json().type).toBe('/problems/field_assessment_id_taken');
  const colleague = await t.user({ role: 'engineer', orgId: engineer.orgId });
  expect((await t.post(colleague, '/api/v1/reconstruction/field-assessments', body)).statusCode).toBe(409);
});

test('refusals name the field and store nothing', async () => {
  const engineer = await t.user({ role: 'engineer' });
  const b = await building(engineer);
  const before = await count('field_assessment');
  const cases: [Record<string, unknown>, string, string][] = [
    [{ lines: [{ itemCode: 'gold', quantity: 1 }] }, 'lines.0.itemCode', 'no_such_record'],
    [
      {
        lines: [
          { itemCode: 'cement', quantity: 1 },
          { itemCode: 'cement', quantity: 2 },
        ],
      },
      'lines.1.itemCode',
      'twice_in_batch',
    ],
    [{ assessedOn: '2999-01-01' }, 'assessedOn', 'in_future'],
    [{ damageClass: 'possibly_damaged' }, 'damageClass', 'not_allowed'],
    [{ lines: [{ itemCode: 'cement', quantity: -1 }] }, 'lines.0.quantity', 'too_small'],
    [{ unitId: randomUUID() }, 'unitId', 'no_such_record'],
  ];
  for (const [over, field, reason] of cases) {
    const r = await t.post(engineer, '/api/v1/reconstruction/field-assessments', assessment(b, over));
    expect(r.statusCode, JSON.stringify(over)).toBe(422);
    expect(r.json().errors, JSON.stringify(over)).toContainEqual(expect.objectContaining({ field, reason }));
  }
  const stranger = await t.user({ role: 'engineer' });
  expect((await t.post(stranger, '/api/v1/reconstruction/field-assessments', assessment(b))).statusCode).toBe(404);
  expect(await count('field_assessment')).toBe(before);
});

test('a photo is stored without its metadata under a random id, once, served and its read logged', async () => {
  const engineer = await t.user({ role: 'engineer' });
  const b = await building(engineer);
  const a = assessment(b);
  await t.post(engineer, '/api/v1/reconstruction/field-assessments', a);
  const photoId = randomUUID();
  const url = photoUrl(a.id, photoId);
  const r = await upload(engineer, url, jpegWithExif());
  expect(r.statusCode, r.body).toBe(201);
  expect(r.json()).toMatchObject({ mediaType: 'image/jpeg', lon: 34.4546, lat: 31.507 });
  expect(r.json().id).not.toBe(photoId);
  const stored = (await t.db.pool.query('SELECT bytes FROM field_photo WHERE id = $1', [r.json().id])).rows[0].bytes as Buffer;
  for (const s of [SECRET_NAME, SECRET_PLACE, 'Exif']) expect(stored.includes(Buffer.from(s, 'latin1')), s).toBe(false);
  expect((await upload(engineer, url, jpegWithExif())).statusCode).toBe(200);
  expect((await t.db.pool.query('SELECT count(*)::int AS n FROM field_photo WHERE assessment_id = $1', [a.id])).rows[0].n).toBe(1);
  expect((await upload(engineer, url, jpegWithExif(80))).json().type).toBe('/problems/photo_id_taken');
  const png = await upload(engineer, photoUrl(a.id), pngWithText(), 'image/png');
  expect(png.statusCode).toBe(201);

  const officer = await t.user({ role: 'claims_officer', orgId: engineer.orgId });
  const got = await t.get(officer, `/api/v1/reconstruction/photos/${r.json().id}`);
  expect(got.statusCode).toBe(200);
  expect(got.headers['content-type']).toBe('image/jpeg');
  expect(got.rawPayload.equals(stored)).toBe(true);
  const reads = await t.db.pool.query(
    "SELECT actor_id FROM change_log WHERE entity = 'field_photo' AND entity_id = $1 AND action = 'read'",
    [r.json().id],
  );
  expect(reads.rows.map((x) => x.actor_id)).toEqual([officer.id]);
  const page = await t.get(officer, `/api/v1/reconstruction/buildings/${b}/field-assessments`);
  expect(page.statusCode).toBe(200);
  expect(page.json().field[0].photos).toHaveLength(2);
  expect(page.json().remote).toEqual([]);
});

test('oversized, wrong-type, broken and misplaced photos are refused as problem+json and nothing is stored', async () => {
  const engineer = await t.user({ role: 'engineer' });
  const a = assessment(await building(engineer));
  await t.post(engineer, '/api/v1/reconstruction/field-assessments', a);
  const before = await count('field_photo');
  const big = Buffer.concat([jpegWithExif(), Buffer.alloc(PHOTO_MAX_BYTES)]);
  const refusals: [string, Buffer, string, number, string][] = [
    [photoUrl(a.id), big, 'image/jpeg', 413, 'photo_too_large'],
    [photoUrl(a.id), Buffer.from('GIF89a\x01\0\x01\0\0\0\0;', 'latin1'), 'image/gif', 415, 'photo_type_not_allowed'],
    [photoUrl(a.id), Buffer.from('%PDF-1.7 not a photo', 'latin1'), 'image/jpeg', 415, 'photo_type_not_allowed'],
    [photoUrl(a.id), Buffer.from('hello'), 'text/plain', 415, 'unsupported_media_type'],
    [photoUrl(a.id), jpegWithExif().subarray(0, 60), 'image/jpeg', 422, 'photo_unreadable'],
    [photoUrl(a.id).replace('lon=34.4546', 'lon=34.30'), jpegWithExif(), 'image/jpeg', 422, 'validation'],
    [photoUrl(randomUUID()), jpegWithExif(), 'image/jpeg', 404, 'not_found'],
  ];
  for (const [url, bytes, type, status, id] of refusals) {
    const r = await upload(engineer, url, bytes, type);
    expect(r.statusCode, id).toBe(status);
    expect(r.headers['content-type'], id).toContain('application/problem+json');
    expect(r.json().type, id).toBe(`/problems/${id}`);
  }
  const other = await t.user({ role: 'engineer', orgId: engineer.orgId });
  expect((await upload(other, photoUrl(a.id), jpegWithExif())).statusCode).toBe(404);
  // a photo body on a JSON route is refused too
  expect((await upload(engineer, '/api/v1/reconstruction/field-assessments', jpegWithExif())).statusCode).toBe(415);
  expect(await count('field_photo')).toBe(before);
});

test('an assessment keeps at most ten photos', async () => {
  const engineer = await t.user({ role: 'engineer' });
  const a = assessment(await building(engineer));
  await t.post(engineer, '/api/v1/reconstruction/field-assessments', a);
  for (let i = 0; i < MAX_PHOTOS_PER_ASSESSMENT; i++)
    expect((await upload(engineer, photoUrl(a.id), jpegWithExif(40 + i))).statusCode).toBe(201);
  const over = await upload(engineer, photoUrl(a.id), jpegWithExif(99));
  expect([over.statusCode, over.json().type]).toEqual([409, '/problems/too_many_photos']);
  expect((await t.db.pool.query('SELECT count(*)::int AS n FROM field_photo WHERE assessment_id = $1', [a.id])).rows[0].n).toBe(
    MAX_PHOTOS_PER_ASSESSMENT,
  );
});
