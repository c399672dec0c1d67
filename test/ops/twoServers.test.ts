// Two `sanad serve` processes on one PostgreSQL behave as one: every piece of shared state is in the
// database. Concurrent redemptions of one entitlement through both leave one standing redemption;
// the sign-in limit per address, the second-factor pause and a per-credential limit count the
// requests made through either server.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { base32Decode } from '../../src/access/totp.ts';
import { MAX_CODE_FAILURES } from '../../src/store/access/secondFactor.ts';
import { clearLimits } from '../../src/store/requestLimit.ts';
import { scenario, type Scenario } from '../support/aidScenario.ts';
import { makeUser, PASSWORD } from '../support/factories.ts';
import { type Served, serve, stop } from '../support/served.ts';
import { nextCode, wrongCode } from '../support/signIn.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
let s: Scenario;
let a: Served;
let b: Served;
let dir: string;

beforeAll(async () => {
  s = await scenario(t, { households: 12, cards: 6 });
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sanad-two-'));
  // Servers sharing a database share its secret key too (README): a challenge sealed by one opens on the other.
  // the run's secret key (test/support/db.ts): the change log of the test database is keyed with it
  const env = { ...process.env, DATABASE_URL: t.db.url };
  [a, b] = await Promise.all([serve(path.join(dir, 'a'), env), serve(path.join(dir, 'b'), env)]);
}, 120_000);

afterAll(async () => {
  await Promise.all([a && stop(a), b && stop(b)]);
  await fs.rm(dir, { recursive: true, force: true });
});

type Answer = { status: number; body: any };
async function call(server: Served, method: string, url: string, body?: unknown, token?: string): Promise<Answer> {
  const r = await fetch(`${server.url}${url}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await r.text();
  return { status: r.status, body: text.startsWith('{') ? JSON.parse(text) : text };
}

/** A food parcel entitlement of a household that has a card. */
async function entitlementWithCard(skip: number): Promise<{ id: string; card: string }> {
  const rows = (
    await t.db.pool.query<{ id: string; household_id: string }>(
      `SELECT e.id, e.household_id FROM entitlement e JOIN aid_item i ON i.id = e.item_id
        WHERE e.cycle_id = $1 AND i.code = 'food_parcel' AND e.household_id = ANY($2::uuid[]) ORDER BY e.id`,
      [s.cycleId, [...s.cards.keys()]],
    )
  ).rows;
  const e = rows[skip]!;
  return { id: e.id, card: s.cards.get(e.household_id)!.token };
}

const standing = async (entitlementId: string) =>
  (
    await t.db.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM redemption WHERE entitlement_id = $1 AND status = 'standing'", [
      entitlementId,
    ])
  ).rows[0]!.n;

test('twenty concurrent online redemptions of one entitlement, through both servers: one stands, the others are refused', async () => {
  const e = await entitlementWithCard(0);
  const answers = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      call(
        i % 2 === 0 ? a : b,
        'POST',
        '/api/v1/aid/redemptions',
        { id: randomUUID(), entitlementId: e.id, card: e.card, pointId: s.points.gaza },
        s.officer.token,
      ),
    ),
  );
  const statuses = answers.map((x) => x.status).sort();
  expect(statuses.filter((x) => x === 201)).toHaveLength(1);
  expect(statuses.filter((x) => x === 409)).toHaveLength(19);
  expect(answers.filter((x) => x.status === 409).every((x) => x.body.reason === 'already_redeemed')).toBe(true);
  expect(await standing(e.id)).toBe(1);
});

test('offline batches from two devices synced through both servers at once: one redemption stands, the other is a conflict', async () => {
  const e = await entitlementWithCard(1);
  const batch = (device: string) => ({
    batchId: randomUUID(),
    pointId: s.points.gaza,
    deviceId: device,
    redemptions: [{ id: randomUUID(), entitlementId: e.id, card: e.card, redeemedAt: new Date().toISOString() }],
  });
  const [x, y] = await Promise.all([
    call(a, 'POST', '/api/v1/aid/sync', batch('device-a'), s.officer.token),
    call(b, 'POST', '/api/v1/aid/sync', batch('device-b'), s.officer.token),
  ]);
  expect([x.status, y.status]).toEqual([200, 200]);
  expect(await standing(e.id)).toBe(1);
  const all = await t.db.pool.query<{ status: string }>('SELECT status FROM redemption WHERE entitlement_id = $1 ORDER BY status', [e.id]);
  expect(all.rows.map((r) => r.status)).toEqual(['conflict', 'standing']);
});

test('the sign-in limit per address counts attempts through both servers', async () => {
  await clearLimits(t.db.pool);
  const attempt = (server: Served) => call(server, 'POST', '/api/v1/auth/login', { username: 'nobody-here', password: 'not the password' });
  const statuses: number[] = [];
  for (let i = 0; i < 10; i++) statuses.push((await attempt(i % 2 === 0 ? a : b)).status);
  expect(statuses).toEqual(Array(10).fill(401)); // ten a minute from one address, five through each
  const [onA, onB] = [await attempt(a), await attempt(b)];
  expect([onA.status, onB.status]).toEqual([429, 429]);
  expect(onB.body.type).toBe('/problems/rate_limited');
});

test('wrong second-factor codes through both servers pause the account', async () => {
  await clearLimits(t.db.pool);
  const u = await makeUser(t.db, { role: 'caseworker' });
  // Enrolment begun on one server and finished on the other (the challenge and the sealed secret are in the database).
  const step = await call(a, 'POST', '/api/v1/auth/login', { username: u.username, password: PASSWORD });
  expect(step.body.status).toBe('enrolment_required');
  const auth = { secret: base32Decode(String(step.body.secret)), lastStep: -1 };
  const enrolled = await call(b, 'POST', '/api/v1/auth/second-factor/enrol', {
    challenge: step.body.challenge,
    code: await nextCode(auth),
  });
  expect(enrolled.status).toBe(200);
  const statuses: number[] = [];
  for (let i = 0; i < MAX_CODE_FAILURES; i++) {
    const login = await call(i % 2 === 0 ? b : a, 'POST', '/api/v1/auth/login', { username: u.username, password: PASSWORD });
    const code = await call(i % 2 === 0 ? a : b, 'POST', '/api/v1/auth/second-factor', {
      challenge: login.body.challenge,
      code: wrongCode(auth.secret),
    });
    statuses.push(code.status);
  }
  expect(statuses).toEqual([...Array(MAX_CODE_FAILURES - 1).fill(401), 429]);
});

test('a per-credential limit (paging the registry, 30 pages a minute) counts pages read through both servers', async () => {
  const admin = await makeUser(t.db, { role: 'administrator', orgId: s.admin.orgId });
  const statuses: number[] = [];
  for (let i = 0; i < 30; i++)
    statuses.push((await call(i % 2 === 0 ? a : b, 'GET', '/api/v1/persons?limit=1', undefined, admin.token)).status);
  expect(statuses).toEqual(Array(30).fill(200));
  expect((await call(a, 'GET', '/api/v1/persons?limit=1', undefined, admin.token)).status).toBe(429);
  expect((await call(b, 'GET', '/api/v1/persons?limit=1', undefined, admin.token)).status).toBe(429);
});
