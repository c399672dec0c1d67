// GET /api/v1/audit/verify: the hash chain of the change log, checked; an edited row is named.
import { expect, test } from 'vitest';
import { AuditVerification } from '../../src/api/routes/audit/schema.ts';
import { personInput } from '../support/factories.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();

test('intact: ok, the number of rows and the head hash; then an edited row is named (administrators and auditors)', async () => {
  const officer = await t.user({ role: 'registration_officer' });
  const auditor = await t.user({ role: 'auditor', orgId: officer.orgId });
  const admin = await t.user({ role: 'administrator', orgId: officer.orgId });
  for (let i = 0; i < 4; i++) expect((await t.post(officer, '/api/v1/persons', personInput())).statusCode).toBe(201);
  const rows = (await t.db.pool.query('SELECT count(*)::int AS n FROM change_log')).rows[0].n as number;
  const head = (await t.db.pool.query("SELECT encode(hash, 'hex') AS h FROM change_log_head")).rows[0].h as string;
  const ok = await t.get(auditor, '/api/v1/audit/verify');
  expect(ok.statusCode).toBe(200);
  expect(ok.json()).toEqual({ ok: true, rows, head, keyedFrom: 1, anchors: { checked: 0, latest: null } });
  expect(AuditVerification.parse(ok.json()).ok).toBe(true);
  expect((await t.get(admin, '/api/v1/audit/verify')).json()).toMatchObject({ ok: true, rows, head });

  const c = await t.db.owner.connect(); // only the owner can bypass the append-only trigger
  try {
    await c.query('BEGIN');
    await c.query("SET LOCAL session_replication_role = 'replica'");
    await c.query("UPDATE change_log SET action = 'delete' WHERE seq = 2");
    await c.query('COMMIT');
  } finally {
    c.release();
  }
  const bad = await t.get(auditor, '/api/v1/audit/verify');
  expect(bad.statusCode).toBe(200);
  expect(bad.json()).toEqual({
    ok: false,
    rows: 2,
    firstBadSeq: 2,
    problem: 'edited',
    keyedFrom: 1,
    anchors: { checked: 0, latest: null },
  });
});

test('other roles are 403, no session 401', async () => {
  for (const role of ['registration_officer', 'caseworker', 'analyst', 'distribution_officer'] as const) {
    expect((await t.get(await t.user({ role }), '/api/v1/audit/verify')).statusCode).toBe(403);
  }
  expect((await t.get(undefined, '/api/v1/audit/verify')).statusCode).toBe(401);
});
