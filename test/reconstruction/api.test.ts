// /api/v1/reconstruction: buildings, units and occupancy through the API (happy path, refusals
// naming the field with nothing stored, other organisations' records not there), and damage imports
// (matching, quarantine, a later assessment kept beside the first, the same file twice).
import { expect, test } from 'vitest';
import { household } from '../households/support.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();

const GAZA: [number, number] = [34.4545, 31.5069];
/** A point `m` metres east of `p` (at Gaza's latitude). */
const east = (p: [number, number], m: number): [number, number] => [p[0] + m / (111_320 * Math.cos((p[1] * Math.PI) / 180)), p[1]];
const count = async (table: string) => (await t.db.pool.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number;

test('an engineer records a building, a unit and who lived there; the building page shows them', async () => {
  const engineer = await t.user({ role: 'engineer' });
  const as = t.as(engineer);
  const b = await as.post('/api/v1/reconstruction/buildings', {
    geometry: { type: 'Point', coordinates: GAZA },
    use: 'residential',
    floors: 4,
  });
  expect(b.statusCode, b.body).toBe(201);
  expect(b.json()).toMatchObject({ governorate: 'PS0260', floors: 4, source: 'field' });
  const unit = await as.post(`/api/v1/reconstruction/buildings/${b.json().id}/units`, { floor: 2, unitNumber: '2B', areaM2: 95 });
  expect(unit.statusCode, unit.body).toBe(201);
  const officer = await t.user({ role: 'registration_officer', orgId: engineer.orgId });
  const h = await household(t, officer, []);
  const occ = await as.post(`/api/v1/reconstruction/units/${unit.json().id}/occupancy`, {
    householdId: h.id,
    tenure: 'owner',
    validFrom: '2010-03-01',
  });
  expect(occ.statusCode, occ.body).toBe(201);
  const on = await as.get(`/api/v1/reconstruction/units/${unit.json().id}/occupancy?on=2023-10-01`);
  expect(on.json().items).toMatchObject([{ householdId: h.id, tenure: 'owner', validTo: null, head: { id: h.head } }]);
  expect((await as.get(`/api/v1/reconstruction/units/${unit.json().id}/occupancy?on=2009-01-01`)).json().items).toEqual([]);
  const page = (await as.get(`/api/v1/reconstruction/buildings/${b.json().id}`)).json();
  expect(page.units.map((u: { unitNumber: string }) => u.unitNumber)).toEqual(['2B']);
  expect(page.assessments).toEqual([]);
});

test('hostile geometries and wrong types: 4xx problem+json naming the field, nothing stored', async () => {
  const engineer = await t.user({ role: 'engineer' });
  const before = await count('building');
  const ring = (n: number) => {
    const r = Array.from({ length: n }, (_, i) => [GAZA[0] + 0.0001 * Math.cos(i), GAZA[1] + 0.0001 * Math.sin(i)]);
    return [...r, r[0]];
  };
  const cases: [unknown, string, string][] = [
    [{ type: 'Point', coordinates: [34.3, 31.55] }, 'geometry.coordinates', 'outside_palestine'],
    [{ type: 'Point', coordinates: [200, 31.5] }, 'geometry.coordinates', 'outside_palestine'],
    [{ type: 'Point', coordinates: ['34.45', 31.5] }, 'geometry.coordinates', 'wrong_type'],
    [{ type: 'LineString', coordinates: [GAZA, GAZA] }, 'geometry.type', 'bad_geometry'],
    [{ type: 'Polygon', coordinates: [[GAZA, east(GAZA, 10), GAZA]] }, 'geometry.coordinates', 'bad_geometry'],
    [{ type: 'Polygon', coordinates: [ring(10_000)] }, 'geometry.coordinates', 'too_many_vertices'],
    [
      {
        type: 'Polygon',
        coordinates: [
          [
            [34.3, 31.3],
            [34.5, 31.3],
            [34.5, 31.5],
            [34.3, 31.3],
          ],
        ],
      },
      'geometry.coordinates',
      'footprint_too_large',
    ],
    ['POINT(34 31)', 'geometry', 'wrong_type'],
  ];
  for (const [geometry, field, reason] of cases) {
    const r = await t.post(engineer, '/api/v1/reconstruction/buildings', { geometry });
    expect(r.statusCode, JSON.stringify(geometry).slice(0, 80)).toBe(422);
    expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(r.json().errors[0]).toMatchObject({ field, reason });
  }
  const mismatch = await t.post(engineer, '/api/v1/reconstruction/buildings', {
    geometry: { type: 'Point', coordinates: GAZA },
    governorate: 'PS0115',
  });
  expect(mismatch.json().errors[0]).toMatchObject({ field: 'governorate', reason: 'governorate_mismatch' });
  const floors = await t.post(engineer, '/api/v1/reconstruction/buildings', {
    geometry: { type: 'Point', coordinates: GAZA },
    floors: 'three',
  });
  expect(floors.statusCode).toBe(422);
  expect(floors.json().errors[0].field).toBe('floors');
  expect(await count('building')).toBe(before);
});

test('security: another organisation does not see the building; roles outside the matrix are refused', async () => {
  const engineer = await t.user({ role: 'engineer' });
  const b = (await t.post(engineer, '/api/v1/reconstruction/buildings', { geometry: { type: 'Point', coordinates: GAZA } })).json();
  const other = await t.user({ role: 'engineer' });
  expect((await t.get(other, `/api/v1/reconstruction/buildings/${b.id}`)).statusCode).toBe(404);
  expect((await t.post(other, `/api/v1/reconstruction/buildings/${b.id}/units`, { floor: 0, unitNumber: 'G' })).statusCode).toBe(404);
  const vendor = await t.user({ role: 'vendor', orgId: engineer.orgId });
  expect((await t.get(vendor, `/api/v1/reconstruction/buildings/${b.id}`)).statusCode).toBe(403);
  const analyst = await t.user({ role: 'analyst', orgId: engineer.orgId });
  expect((await t.get(analyst, `/api/v1/reconstruction/buildings/${b.id}`)).statusCode).toBe(403);
  const summary = await t.get(analyst, '/api/v1/reconstruction/buildings/summary?governorate=PS0260');
  expect(summary.json().rows).toEqual([{ governorate: 'PS0260', localityId: null, damageClass: 'not_assessed', buildings: 1 }]);
  const westBank = await t.user({ role: 'engineer', orgId: engineer.orgId, governorates: ['PS0115'] });
  expect((await t.get(westBank, `/api/v1/reconstruction/buildings/${b.id}`)).statusCode).toBe(404);
  expect((await t.post(westBank, '/api/v1/reconstruction/buildings', { geometry: { type: 'Point', coordinates: GAZA } })).statusCode).toBe(
    422,
  );
});

const csv = (rows: [number, number, string, string, string][]) => ['x,y,cls,date,site', ...rows.map((r) => r.join(','))].join('\n');
const mapping = { columns: { x: 'lon', y: 'lat', cls: 'damage_class', date: 'imagery_date', site: 'structure_ref' }, toleranceM: 10 };

test('damage import: matched within the tolerance, new buildings beyond it, bad rows quarantined; a later file keeps both assessments', async () => {
  const engineer = await t.user({ role: 'engineer' });
  const as = t.as(engineer);
  const home = (await as.post('/api/v1/reconstruction/buildings', { geometry: { type: 'Point', coordinates: GAZA } })).json();
  const first = csv([
    [...east(GAZA, 4), 'Destroyed', '2024-01-06', 'S1'],
    [...east(GAZA, 300), '2', '2024-01-06', 'S2'],
    [34.3, 31.55, 'Destroyed', '2024-01-06', 'SEA'],
    [...east(GAZA, 600), 'flattened', '2024-13-01', 'S4'],
  ]);
  const r1 = await as.post('/api/v1/reconstruction/damage-imports', {
    fileName: 'unosat-2024-01.csv',
    format: 'csv',
    content: first,
    mapping,
  });
  expect(r1.statusCode, r1.body).toBe(201);
  expect(r1.json()).toMatchObject({ rows: 4, matched: 1, buildingsCreated: 1, quarantined: 2, toleranceM: 10 });
  const detail = (await as.get(`/api/v1/reconstruction/damage-imports/${r1.json().id}`)).json();
  expect(detail.quarantine.map((q: { rowNumber: number; errors: { field: string; reason: string }[] }) => [q.rowNumber, q.errors])).toEqual(
    [
      [4, [{ field: 'lon', reason: 'outside_palestine' }]],
      [
        5,
        [
          { field: 'damage_class', reason: 'not_allowed' },
          { field: 'imagery_date', reason: 'not_a_calendar_date' },
        ],
      ],
    ],
  );
  expect(detail.quarantine[0].raw).toMatchObject({ site: 'SEA' });
  const again = await as.post('/api/v1/reconstruction/damage-imports', { fileName: 'copy.csv', format: 'csv', content: first, mapping });
  expect(again.statusCode).toBe(200);
  expect(again.json()).toMatchObject({ id: r1.json().id, alreadyImported: true });
  const later = csv([[...east(GAZA, 2), 'moderate damage', '2025-08-05', 'S1']]);
  const r2 = await as.post('/api/v1/reconstruction/damage-imports', {
    fileName: 'unosat-2025-08.csv',
    format: 'csv',
    content: later,
    mapping,
  });
  expect(r2.json()).toMatchObject({ rows: 1, matched: 1, buildingsCreated: 0, quarantined: 0 });
  const page = (await as.get(`/api/v1/reconstruction/buildings/${home.id}`)).json();
  expect(page.assessments.map((a: { damageClass: string; imageryDate: string }) => [a.imageryDate, a.damageClass])).toEqual([
    ['2024-01-06', 'destroyed'],
    ['2025-08-05', 'moderately_damaged'],
  ]);
  const list = (await as.get('/api/v1/reconstruction/buildings?governorate=PS0260')).json();
  expect(list.total).toBe(2);
  expect(list.items.find((i: { id: string }) => i.id === home.id)).toMatchObject({ damageClass: 'moderately_damaged', assessments: 2 });
});

test('damage import: a GeoJSON file, ambiguous rows quarantined, a file that is not what it says refused with nothing stored', async () => {
  const engineer = await t.user({ role: 'engineer' });
  const as = t.as(engineer);
  for (const p of [east(GAZA, 1000), east(GAZA, 1010)])
    await as.post('/api/v1/reconstruction/buildings', { geometry: { type: 'Point', coordinates: p } });
  const feature = (coordinates: unknown, cls: string) => ({
    type: 'Feature',
    properties: { damage_class: cls, imagery_date: '2024-02-29' },
    geometry: { type: 'Point', coordinates },
  });
  const fc = {
    type: 'FeatureCollection',
    features: [feature(east(GAZA, 1005), 'destroyed'), feature('nowhere', 'destroyed'), feature(east(GAZA, 2000), 'possibly damaged')],
  };
  const r = await as.post('/api/v1/reconstruction/damage-imports', {
    fileName: 'a.geojson',
    format: 'geojson',
    content: JSON.stringify(fc),
    mapping: { toleranceM: 8 },
  });
  expect(r.statusCode, r.body).toBe(201);
  expect(r.json()).toMatchObject({ rows: 3, matched: 0, buildingsCreated: 1, quarantined: 2 });
  const q = (await as.get(`/api/v1/reconstruction/damage-imports/${r.json().id}`)).json().quarantine;
  expect(q.map((x: { errors: { reason: string }[] }) => x.errors[0]!.reason)).toEqual(['ambiguous_match', 'wrong_type']);
  const before = [await count('damage_import'), await count('building')];
  const bad = await as.post('/api/v1/reconstruction/damage-imports', {
    fileName: 'b.geojson',
    format: 'geojson',
    content: '{"type":"Feature"}',
  });
  expect(bad.statusCode).toBe(422);
  expect(bad.json().errors[0]).toMatchObject({ field: 'file.type', reason: 'not_allowed' });
  const noColumns = await as.post('/api/v1/reconstruction/damage-imports', { fileName: 'c.csv', format: 'csv', content: 'a,b\n1,2' });
  expect(noColumns.json().errors.map((e: { field: string }) => e.field)).toEqual([
    'columns.lon',
    'columns.lat',
    'columns.damage_class',
    'columns.imagery_date',
  ]);
  const badMapping = await as.post('/api/v1/reconstruction/damage-imports', {
    fileName: 'd.csv',
    format: 'csv',
    content: 'a',
    mapping: { toleranceM: 500 },
  });
  expect(badMapping.json().errors[0].field).toBe('mapping.toleranceM');
  expect([await count('damage_import'), await count('building')]).toEqual(before);
  const officer = await t.user({ role: 'registration_officer', orgId: engineer.orgId });
  expect(
    (await t.post(officer, '/api/v1/reconstruction/damage-imports', { fileName: 'e.csv', format: 'csv', content: 'a' })).statusCode,
  ).toBe(403);
});
