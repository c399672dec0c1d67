// GET /api/v1/audit/log/:seq: one entry with its contents (before/after) for administrators and
// auditors of the organisation, the read logged; the log's list names who by username, and filters by it.
import { expect, test } from 'vitest';
import { personInput } from '../support/factories.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();

type Entry = { seq: number; actorId: string | null; actorUsername: string | null; entity: string; entityId: string | null; action: string };

async function edited() {
  const admin = await t.user({ role: 'administrator' });
  const officer = await t.user({ role: 'registration_officer', orgId: admin.orgId });
  const auditor = await t.user({ role: 'auditor', orgId: admin.orgId });
  const input = personInput();
  const created = (await t.post(officer, '/api/v1/persons', input)).json();
  const res = await t.put(officer, `/api/v1/persons/${created.id}`, { ...input, givenName: 'سليم', version: created.version });
  expect(res.statusCode).toBe(200);
  return { admin, officer, auditor, person: created.id as string, givenName: input.givenName };
}

const list = async (u: Parameters<typeof t.get>[0], q = '') => (await t.get(u, `/api/v1/audit/log${q}`)).json().items as Entry[];

test('the log names who by username, and filters by username', async () => {
  const a = await edited();
  const items = await list(a.auditor, '?entity=person');
  expect(items.map((e) => [e.action, e.actorUsername])).toEqual([
    ['update', a.officer.username],
    ['create', a.officer.username],
  ]);
  expect((await list(a.auditor, `?username=${a.officer.username}`)).length).toBe(2);
  expect(await list(a.auditor, `?username=${a.admin.username}`)).toEqual([]);
  expect((await t.get(a.auditor, '/api/v1/audit/log?username=Not%20A%20Name')).statusCode).toBe(422);
});

test('an entry shows before and after, and reading it is logged', async () => {
  const a = await edited();
  const update = (await list(a.auditor, '?action=update'))[0]!;
  const res = await t.get(a.auditor, `/api/v1/audit/log/${update.seq}`);
  expect(res.statusCode).toBe(200);
  const e = res.json();
  expect(e).toMatchObject({ seq: update.seq, entity: 'person', entityId: a.person, action: 'update', actorUsername: a.officer.username });
  expect(e.before.givenName).toBe(a.givenName);
  expect(e.after.givenName).toBe('سليم');
  const reads = await list(a.auditor, '?entity=audit_entry');
  expect(reads.map((r) => [r.entityId, r.actorId, r.action])).toEqual([[a.person, a.auditor.id, 'read']]);
  // administrators may read it too
  expect((await t.get(a.admin, `/api/v1/audit/log/${update.seq}`)).statusCode).toBe(200);
});

test('another organisation’s entry is 404; other roles 403; a bad seq 422', async () => {
  const a = await edited();
  const b = await edited();
  const theirs = (await list(b.auditor, '?action=update'))[0]!;
  const res = await t.get(a.auditor, `/api/v1/audit/log/${theirs.seq}`);
  expect(res.statusCode).toBe(404);
  expect(JSON.stringify(res.json())).not.toContain('givenName');
  expect((await t.get(a.auditor, '/api/v1/audit/log/999999')).statusCode).toBe(404);
  for (const role of ['registration_officer', 'caseworker', 'site_manager', 'distribution_officer', 'analyst'] as const) {
    const u = await t.user({ role, orgId: a.admin.orgId });
    expect((await t.get(u, `/api/v1/audit/log/${theirs.seq}`)).statusCode, role).toBe(403);
  }
  expect((await t.get(a.auditor, '/api/v1/audit/log/x')).statusCode).toBe(422);
});
