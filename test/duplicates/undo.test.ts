// POST /api/v1/duplicates/:id/undo: the link is removed (kept as history), both records stay, the
// pair returns to the queue, and the undo is logged with who did it.
import { beforeAll, expect, test } from 'vitest';
import { identityOf } from '../../src/store/duplicates/identity.ts';
import { findDuplicates } from '../../src/store/duplicates/run.ts';
import type { TestUser } from '../support/factories.ts';
import { insertCandidate, insertRecords, loadDedupeSet, prepared } from './support.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
let cw: TestUser;
let admin: TestUser;
const base = {
  fatherName: 'جمال',
  grandfatherName: 'عيسى',
  familyName: 'الفرا',
  sex: 'female' as const,
  dateOfBirth: '1990-09-09',
  governorate: 'PS0260',
};

beforeAll(async () => {
  cw = await t.user({ role: 'caseworker' });
  admin = await t.user({ role: 'administrator', orgId: cw.orgId });
});

const post = (u: TestUser, url: string, payload?: object) =>
  t.app.inject({ method: 'POST', url, headers: u.auth, ...(payload ? { payload } : {}) });

test('decision same, then undo: linked, then unlinked; both logged with who decided and who undid', async () => {
  const [a, b] = await insertRecords(t.db.pool, cw.orgId, [
    prepared({ givenName: 'سلمى', ...base }),
    prepared({ givenName: 'سلمي', ...base }),
  ]);
  const cid = await insertCandidate(t.db.pool, cw.orgId, a!, b!);
  expect((await post(cw, `/api/v1/duplicates/${cid}/decision`, { decision: 'same' })).json().linked).toBe(true);
  const res = await post(admin, `/api/v1/duplicates/${cid}/undo`);
  expect(res.statusCode).toBe(200);
  expect(res.json()).toMatchObject({ status: 'pending', linked: false, decidedBy: null });
  expect(await identityOf(t.db.pool, a!)).toEqual([a]);
  const link = await t.db.pool.query('SELECT created_by, undone_by, undone_at FROM person_link WHERE candidate_id = $1', [cid]);
  expect(link.rows).toHaveLength(1); // kept as history
  expect(link.rows[0]).toMatchObject({ created_by: cw.id, undone_by: admin.id });
  const log = await t.db.pool.query(
    "SELECT action, actor_id FROM change_log WHERE entity_id = $1 AND action IN ('decide','undo') ORDER BY seq",
    [cid],
  );
  expect(log.rows).toEqual([
    { action: 'decide', actor_id: cw.id },
    { action: 'undo', actor_id: admin.id },
  ]);
  // back in the queue: it can be decided again
  expect((await post(cw, `/api/v1/duplicates/${cid}/decision`, { decision: 'different' })).json().status).toBe('different');
});

test('nothing to undo on a pending pair: 409', async () => {
  const [a, b] = await insertRecords(t.db.pool, cw.orgId, [
    prepared({ givenName: 'هند', ...base }),
    prepared({ givenName: 'هنذ', ...base }),
  ]);
  const cid = await insertCandidate(t.db.pool, cw.orgId, a!, b!);
  const res = await post(cw, `/api/v1/duplicates/${cid}/undo`);
  expect(res.statusCode).toBe(409);
});

test('an automatic link from sanad dedupe can be undone, and a later run does not link it again', async () => {
  await loadDedupeSet(t.db.pool, cw.orgId, 800, 11);
  await findDuplicates(t.db.pool, cw.actor);
  // a pair linked only to each other: in a cluster of three, undoing one link leaves the records joined through the third
  const auto = await t.db.pool.query<{ id: string; person_a: string; person_b: string }>(
    `SELECT c.id, c.person_a, c.person_b FROM match_candidate c
      WHERE c.status = 'auto_linked'
        AND NOT EXISTS (SELECT 1 FROM match_candidate o WHERE o.status = 'auto_linked' AND o.id <> c.id
                          AND (o.person_a IN (c.person_a, c.person_b) OR o.person_b IN (c.person_a, c.person_b)))
      ORDER BY c.id LIMIT 1`,
  );
  expect(auto.rows).toHaveLength(1);
  const { id, person_a } = auto.rows[0]!;
  const res = await post(cw, `/api/v1/duplicates/${id}/undo`);
  expect(res.statusCode).toBe(200);
  expect((await identityOf(t.db.pool, person_a)).includes(auto.rows[0]!.person_b)).toBe(false);
  await findDuplicates(t.db.pool, cw.actor);
  expect((await t.db.pool.query('SELECT status FROM match_candidate WHERE id = $1', [id])).rows[0].status).toBe('pending');
}, 120_000);
