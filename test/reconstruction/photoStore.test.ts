// The one photo store (migration 0046, docs/decisions/0027): a tranche inspection's photos go
// through the same rule as a field assessment's (metadata stripped; too large, wrong type or broken
// refused as problem+json with nothing stored), into field_photo, and are read at the same route with
// the plan's permission and scope, each read logged. Inspection photos stored before 0046 are moved
// there by the migration and stay readable.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { MAX_PHOTO_BYTES } from '../../src/shared/tranches.ts';
import { useTestApp } from '../support/testApp.ts';
import { jpegWithExif, SECRET_NAME, SECRET_PLACE, webpWithExif } from './photoFiles.ts';
import { approvedCase, openPlan } from './tranchesSupport.ts';

const t = useTestApp();
const inspect = (s: Awaited<ReturnType<typeof approvedCase>>, photos: Buffer[]) =>
  t.post(s.engineer, `/api/v1/reconstruction/cases/${s.caseId}/inspections`, {
    stage: 'signing',
    inspectedOn: '2026-11-01',
    photos: photos.map((p) => p.toString('base64')),
  });
const count = async (sql: string, params: unknown[] = []) => (await t.db.pool.query(sql, params)).rows[0].n as number;

test("an inspection's photos: stripped like an assessment's, in field_photo, read at the one route by the plan's readers, logged", async () => {
  const s = await approvedCase(t);
  await openPlan(t, s);
  const r = await inspect(s, [jpegWithExif(), webpWithExif()]);
  expect(r.statusCode, r.body).toBe(201);
  const ids: string[] = r.json().inspections[0].photoIds;
  expect(ids).toHaveLength(2);
  expect(r.json().inspections[0].photos).toBe(2);
  const rows = await t.db.pool.query(
    'SELECT id, media_type, bytes, assessment_id FROM field_photo WHERE id = ANY($1::uuid[]) ORDER BY media_type',
    [ids],
  );
  expect(rows.rows.map((x) => [x.media_type, x.assessment_id])).toEqual([
    ['image/jpeg', null],
    ['image/webp', null],
  ]);
  for (const row of rows.rows)
    for (const secret of [SECRET_NAME, SECRET_PLACE, 'Exif', 'XMP'])
      expect(row.bytes.includes(Buffer.from(secret, 'latin1')), secret).toBe(false);

  const jpeg = rows.rows[0]!;
  const got = await t.get(s.claims, `/api/v1/reconstruction/photos/${jpeg.id}`);
  expect(got.statusCode).toBe(200);
  expect(got.headers['content-type']).toBe('image/jpeg');
  expect(got.headers['x-content-type-options']).toBe('nosniff');
  expect(got.rawPayload.equals(jpeg.bytes)).toBe(true);
  const reads = await t.db.pool.query(
    "SELECT actor_id FROM change_log WHERE entity = 'field_photo' AND entity_id = $1 AND action = 'read'",
    [jpeg.id],
  );
  expect(reads.rows.map((x) => x.actor_id)).toEqual([s.claims.id]);

  // outside the plan's organisation, or a role that reads assessments but not plans: not found; no right to the route: 403
  const stranger = await t.user({ role: 'claims_officer' });
  expect((await t.get(stranger, `/api/v1/reconstruction/photos/${jpeg.id}`)).statusCode).toBe(404);
  const admin = await t.user({ role: 'administrator', orgId: s.officer.orgId });
  expect((await t.get(admin, `/api/v1/reconstruction/photos/${jpeg.id}`)).statusCode).toBe(404);
  expect((await t.get(s.officer, `/api/v1/reconstruction/photos/${jpeg.id}`)).statusCode).toBe(403);
  expect(
    await count("SELECT count(*)::int AS n FROM change_log WHERE entity = 'field_photo' AND entity_id = $1 AND action = 'read'", [jpeg.id]),
  ).toBe(1);
});

test('too large, wrong type and broken inspection photos: the problems of the one rule, nothing stored', async () => {
  const s = await approvedCase(t);
  await openPlan(t, s);
  const photosBefore = await count('SELECT count(*)::int AS n FROM field_photo');
  const refusals: [string, Buffer[], number, string][] = [
    ['too large', [Buffer.concat([jpegWithExif(), Buffer.alloc(MAX_PHOTO_BYTES)])], 413, 'photo_too_large'],
    ['a GIF', [Buffer.from('GIF89a\x01\0\x01\0\0\0\0;', 'latin1')], 415, 'photo_type_not_allowed'],
    ['a PDF', [Buffer.from('%PDF-1.7 not a photo', 'latin1')], 415, 'photo_type_not_allowed'],
    ['a broken JPEG', [jpegWithExif().subarray(0, 60)], 422, 'photo_unreadable'],
    ['a good photo beside a bad one', [jpegWithExif(), Buffer.from('<svg onload="alert(1)"/>')], 415, 'photo_type_not_allowed'],
  ];
  for (const [what, photos, status, id] of refusals) {
    const r = await inspect(s, photos);
    expect(r.statusCode, what).toBe(status);
    expect(r.headers['content-type'], what).toContain('application/problem+json');
    expect(r.json().type, what).toBe(`/problems/${id}`);
  }
  expect(await count('SELECT count(*)::int AS n FROM stage_inspection WHERE case_id = $1', [s.caseId])).toBe(0);
  expect(await count('SELECT count(*)::int AS n FROM field_photo')).toBe(photosBefore);
});

test('migration 0046 moves the inspection photos stored before it into the one store, readable under their ids', async () => {
  const s = await approvedCase(t);
  await openPlan(t, s);
  const inspection = await t.db.pool.query<{ id: string }>(
    `INSERT INTO stage_inspection (case_id, stage, engineer_id, inspected_on) VALUES ($1, 'signing', $2, '2026-11-01') RETURNING id`,
    [s.caseId, s.engineer.id],
  );
  // inspection_photo as migration 0043 made it, holding one photo as the old code stored it
  const before = readFileSync('migrations/0043_tranches_materials.sql', 'utf8');
  const table = before.match(/CREATE TABLE inspection_photo \([^;]*\);/)![0];
  const client = await t.db.owner.connect(); // the owner: a migration's work
  try {
    await client.query('BEGIN');
    await client.query(table);
    const old = await client.query<{ id: string }>(
      `INSERT INTO inspection_photo (inspection_id, media_type, size_bytes, sha256, content)
       VALUES ($1, 'image/jpeg', 4, encode(sha256('\\xffd8ffd9'::bytea), 'hex'), '\\xffd8ffd9') RETURNING id`,
      [inspection.rows[0]!.id],
    );
    // the statements of 0046 that move the rows and drop the old table (its columns are in place already)
    const move = readFileSync('migrations/0046_one_photo_store.sql', 'utf8')
      .replace(/--[^\n]*/g, '')
      .split(';')
      .map((x) => x.trim())
      .filter((x) => x.startsWith('INSERT') || x.startsWith('DROP'));
    expect(move).toHaveLength(2);
    for (const sql of move) await client.query(sql);
    await client.query('COMMIT');
    const id = old.rows[0]!.id;
    const moved = await t.db.pool.query(
      'SELECT inspection_id, client_id, uploaded_by, byte_size, encode(sha256, $2) AS sha FROM field_photo WHERE id = $1',
      [id, 'hex'],
    );
    expect(moved.rows[0]).toMatchObject({ inspection_id: inspection.rows[0]!.id, client_id: id, uploaded_by: s.engineer.id, byte_size: 4 });
    const got = await t.get(s.committee, `/api/v1/reconstruction/photos/${id}`);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toBe(true);
    const plan = await t.get(s.claims, `/api/v1/reconstruction/cases/${s.caseId}/plan`);
    expect(plan.json().inspections[0].photoIds).toEqual([id]);
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
});
