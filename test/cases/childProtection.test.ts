// A child who lost both parents gets a child-protection case, due within a day, that only the case
// supervisors of the governorate (and then its caseworker) can see; nobody else learns it exists.
import { expect, test } from 'vitest';
import { household } from '../households/support.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();

test('both parents confirmed dead: a case for the child under 18 only, unassigned, due in a day; hidden from everyone else', async () => {
  const registrar = await t.user({ role: 'registration_officer' });
  const supervisor = await t.user({ role: 'case_supervisor', orgId: registrar.orgId });
  const worker = await t.user({ role: 'caseworker', orgId: registrar.orgId });
  const other = await t.user({ role: 'caseworker', orgId: registrar.orgId });
  const h = await household(t, registrar, ['spouse', 'son', 'daughter']);
  const [spouse, son, daughter] = h.others as [string, string, string];
  await t.db.pool.query("UPDATE person SET date_of_birth = '2015-04-01', dob_precision = 'exact' WHERE id = $1", [son]);
  await t.db.pool.query("UPDATE person SET date_of_birth = '2000-04-01', dob_precision = 'exact' WHERE id = $1", [daughter]);
  const death = (id: string) => t.post(registrar, `/api/v1/persons/${id}/life-events`, { kind: 'death', source: 'official_record' });
  await death(h.head);
  expect((await t.db.pool.query('SELECT count(*)::int AS n FROM case_file')).rows[0].n).toBe(0); // the mother lives
  await death(spouse);
  const mine = (await t.get(supervisor, '/api/v1/cases/mine')).json().items;
  expect(mine).toHaveLength(1);
  expect(mine[0]).toMatchObject({ type: 'child_protection', sensitive: true, person: { id: son }, assignedTo: null, stage: 'intake' });
  expect(Date.parse(mine[0].dueAt) - Date.now()).toBeLessThanOrEqual(24 * 3600 * 1000);
  const id = mine[0].id;
  // nobody else learns it exists: not on the child's cases, not as a file, not in a list
  for (const u of [worker, other]) {
    expect((await t.get(u, `/api/v1/cases/${id}`)).statusCode).toBe(404);
    expect((await t.get(u, `/api/v1/persons/${son}/cases`)).json().items).toEqual([]);
    expect((await t.get(u, '/api/v1/cases/mine')).json().items).toEqual([]);
  }
  // the supervisor assigns it; the caseworker records the interim caregiver (the adult sister)
  await t.post(supervisor, `/api/v1/cases/${id}/assign`, { userId: worker.id });
  const cg = await t.post(worker, `/api/v1/cases/${id}/entries`, {
    kind: 'caregiver',
    personId: daughter,
    text: 'the sister cares for him',
  });
  expect(cg.statusCode, cg.body).toBe(200);
  expect((await t.get(other, `/api/v1/cases/${id}`)).statusCode).toBe(404);
  // the change log names the case, never the child or the reason
  const log = await t.db.pool.query("SELECT after::text AS after FROM change_log WHERE entity = 'case' AND entity_id = $1", [id]);
  expect(log.rows.map((r) => r.after ?? '').join(' ')).not.toContain(son);
  // a second confirmation does not open a second case
  await t.post(registrar, `/api/v1/persons/${son}/life-events`, { kind: 'orphaned', source: 'official_record' });
  expect((await t.db.pool.query('SELECT count(*)::int AS n FROM case_file WHERE person_id = $1', [son])).rows[0].n).toBe(1);
});
