// Reading one full record (a person, a person's history, a household, an audit entry) is logged like
// a search's list (docs/decisions/0030-read-log-deferred-flush.md): the entry is written and chained
// before the answer, its commit does not wait for the disk, and the writes around it stay durable.
// The database here commits durably by default, so a read entry committed "off" was deferred by Sanad.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildApp } from '../../src/api/app.ts';
import { verifyAuditChain } from '../../src/store/auditVerify.ts';
import { makeUser, personInput, TEST_SECRET_KEY, type TestUser } from '../support/factories.ts';
import { noteCommitModes } from '../support/commitModes.ts';
import { useTestDb } from '../support/testApp.ts';

const file = useTestDb();
let app: FastifyInstance;
let officer: TestUser;
let auditor: TestUser;

beforeAll(async () => {
  const { db } = file;
  // before the pool's first connection: every transaction commits durably unless it says otherwise
  await db.owner.query(`ALTER DATABASE ${db.name} SET synchronous_commit = on`);
  await noteCommitModes(db.owner);
  app = await buildApp({ store: file.store });
  officer = await makeUser(db, { role: 'registration_officer' });
  auditor = await makeUser(db, { role: 'auditor', orgId: officer.orgId });
});
afterAll(async () => {
  await app?.close();
});

const get = async (who: TestUser, url: string) => {
  const r = await app.inject({ method: 'GET', url, headers: who.auth });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};

/** The commit setting of each entry appended since `seq`, with its entity and action. */
const entriesSince = async (seq: number) =>
  (
    await file.db.owner.query<{ entity: string; action: string; mode: string }>(
      'SELECT c.entity, c.action, m.mode FROM change_log c JOIN commit_mode m USING (seq) WHERE c.seq > $1 ORDER BY c.seq',
      [seq],
    )
  ).rows.map((r) => `${r.entity} ${r.action} ${r.mode}`);

const head = async () => (await file.db.owner.query<{ s: number }>('SELECT coalesce(max(seq), 0)::int AS s FROM change_log')).rows[0]!.s;

test("a full record's read is logged without waiting for the disk; the writes around it stay durable", async () => {
  const start = await head();
  const made = await app.inject({ method: 'POST', url: '/api/v1/persons', headers: officer.auth, payload: personInput() });
  expect(made.statusCode, made.body).toBe(201);
  const id = made.json().id as string;
  await get(officer, `/api/v1/persons/${id}`);
  await get(officer, `/api/v1/persons/${id}/history`);
  const edited = await app.inject({
    method: 'PUT',
    url: `/api/v1/persons/${id}`,
    headers: officer.auth,
    payload: personInput({ givenName: 'كريم', version: 1 }),
  });
  expect(edited.statusCode, edited.body).toBe(200);
  const after = await entriesSince(start);
  expect(after.filter((e) => e.startsWith('person read'))).toEqual(['person read off', 'person read_history off']);
  // every write's entry (the creation, the edit) committed durably
  const writes = after.filter((e) => !e.startsWith('person read'));
  expect(writes.length).toBeGreaterThanOrEqual(2);
  for (const w of writes) expect(w.endsWith(' on'), w).toBe(true);

  // an auditor reading one entry of the log: deferred too
  const seq = (await file.db.owner.query<{ s: number }>("SELECT max(seq)::int AS s FROM change_log WHERE action = 'create'")).rows[0]!.s;
  const before = await head();
  await get(auditor, `/api/v1/audit/log/${seq}`);
  expect(await entriesSince(before)).toEqual(['audit_entry read off']);
  expect(await verifyAuditChain(file.db.pool, TEST_SECRET_KEY)).toMatchObject({ ok: true });
});
