// GET /api/v1/duplicates/:id: both full records side by side with the evidence; the read is logged.
import { beforeAll, expect, test } from 'vitest';
import type { TestUser } from '../support/factories.ts';
import { insertCandidate, insertRecords, prepared } from './support.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
let cw: TestUser;

beforeAll(async () => {
  cw = await t.user({ role: 'caseworker' });
});

test('both records side by side, the evidence, and a logged read', async () => {
  const base = { fatherName: 'نبيل', familyName: 'عياد', sex: 'male' as const, governorate: 'PS0260' };
  const [a, b] = await insertRecords(t.db.pool, cw.orgId, [
    prepared({ givenName: 'طارق', dateOfBirth: '1975-01-20', ...base }),
    prepared({ givenName: 'طارق', dateOfBirth: '1975', ...base }),
  ]);
  const cid = await insertCandidate(t.db.pool, cw.orgId, a!, b!, 9.5);
  await t.db.pool.query(
    `UPDATE match_candidate SET explanation = '[{"field":"given","level":"exact","weight":6.1,"tf":0.2}]' WHERE id = $1`,
    [cid],
  );
  const res = await t.get(cw, `/api/v1/duplicates/${cid}`);
  expect(res.statusCode).toBe(200);
  const body = res.json();
  expect(body).toMatchObject({
    id: cid,
    status: 'pending',
    weight: 9.5,
    linked: false,
    evidence: [{ field: 'given', level: 'exact', weight: 6.1, tf: 0.2 }],
  });
  expect([body.a.id, body.b.id].sort()).toEqual([a, b].sort());
  expect(body.a.givenName).toBe('طارق');
  expect(body.a.dateOfBirth).toEqual(expect.any(String));
  const log = await t.db.pool.query(
    "SELECT actor_id FROM change_log WHERE entity = 'match_candidate' AND entity_id = $1 AND action = 'read'",
    [cid],
  );
  expect(log.rows).toEqual([{ actor_id: cw.id }]);
});

test('an unknown pair answers 404', async () => {
  const res = await t.get(cw, '/api/v1/duplicates/00000000-0000-4000-8000-000000000000');
  expect(res.statusCode).toBe(404);
  expect(res.json().type).toBe('/problems/not_found');
});
