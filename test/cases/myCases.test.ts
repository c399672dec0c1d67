// "My cases" answers the same list as the rule it implements, read straight from its definition
// (visible to the actor, open, and assigned to them or, for a supervisor, unassigned or awaiting a
// decision), over cases of every kind: assigned or not, awaiting or not, closed, in another
// governorate, shared with the supervisor (still or no longer), in another organisation.
import { expect, test } from 'vitest';
import { CASE_SELECT, visibleParams, visibleSql } from '../../src/store/cases/caseRow.ts';
import { useTestApp } from '../support/testApp.ts';
import { person } from '../households/support.ts';

const t = useTestApp();

test('caseworkers and supervisors: the list is the rule, most urgent first', async () => {
  const sup = await t.user({ role: 'case_supervisor' });
  const workers = [await t.user({ role: 'caseworker', orgId: sup.orgId }), await t.user({ role: 'caseworker', orgId: sup.orgId })];
  const other = await t.user({ role: 'case_supervisor' });
  const registrar = await t.user({ role: 'registration_officer', orgId: sup.orgId });
  const p = await person(t, registrar);
  const elsewhere = await t.user({ role: 'registration_officer', orgId: other.orgId });
  const q = await person(t, elsewhere);
  let n = 0;
  for (const gov of ['PS0260', 'PS0105'])
    for (const assigned of [null, workers[0]!.id, workers[1]!.id, sup.id])
      for (const awaiting of [null, 'plan'])
        for (const stage of ['plan', 'closed']) {
          n++;
          const c = await t.db.pool.query<{ id: string }>(
            `INSERT INTO case_file (org_id, governorate, type, sensitive, person_id, stage, awaiting, assigned_to, opened_by, due_at, closed_at)
             VALUES ($1, $2, 'other', false, $3, $4, $5, $6, $8, now() + make_interval(hours => $7), CASE WHEN $4 = 'closed' THEN now() END)
             RETURNING id`,
            [sup.orgId, gov, p, stage, awaiting, assigned, (n * 37) % 50, registrar.id],
          );
          if (gov === 'PS0105' && n % 3 === 0)
            await t.db.pool.query('INSERT INTO case_share (case_id, user_id, until) VALUES ($1, $2, $3)', [
              c.rows[0]!.id,
              sup.id,
              n % 2 ? null : '2020-01-01',
            ]);
        }
  await t.db.pool.query(
    `INSERT INTO case_file (org_id, governorate, type, sensitive, person_id, stage, due_at) VALUES ($1, 'PS0260', 'other', false, $2, 'intake', now())`,
    [other.orgId, q],
  );
  for (const u of [sup, ...workers, other]) {
    const rule = await t.db.pool.query<{ id: string }>(
      `${CASE_SELECT} WHERE c.stage <> 'closed' AND ${visibleSql('c', 1)}
          AND (c.assigned_to = $2 OR ($3 = 'case_supervisor' AND (c.assigned_to IS NULL OR c.awaiting IS NOT NULL)))
        ORDER BY c.due_at, c.id LIMIT 200`,
      visibleParams(u.actor),
    );
    const r = await t.get(u, '/api/v1/cases/mine');
    expect(r.statusCode, r.body).toBe(200);
    const ids = r.json().items.map((x: { id: string }) => x.id);
    expect(ids).toEqual(rule.rows.map((x) => x.id));
    if (u !== other) expect(ids.length).toBeGreaterThan(0);
  }
});
