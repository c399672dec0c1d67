// GET /api/v1/users: an administrator lists the accounts of their organisation whose governorates lie
// within theirs, by username, a page at a time, filtered by role, kind and status; with whether each
// has set up a second factor; never another organisation's, never a password hash.
import { expect, test } from 'vitest';
import { makeMachine, PASSWORD } from '../support/factories.ts';
import { enrol } from '../support/signIn.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();

test('the organisation’s users, by username, with their second factor; other organisations’ are not there', async () => {
  const admin = await t.user({ role: 'administrator' });
  const officer = await t.user({ role: 'registration_officer', orgId: admin.orgId, governorates: ['PS0260'] });
  const elsewhere = await t.user({ role: 'administrator' });
  await enrol(t.app, officer.username, PASSWORD);
  const res = await t.get(admin, '/api/v1/users');
  expect(res.statusCode).toBe(200);
  const items = res.json().items as { id: string; username: string }[];
  expect(items.map((u) => u.id).sort()).toEqual([admin.id, officer.id].sort());
  expect(items.map((u) => u.username)).toEqual([admin.username, officer.username].sort());
  expect(items.find((u) => u.id === officer.id)).toEqual({
    id: officer.id,
    username: officer.username,
    kind: 'person',
    role: 'registration_officer',
    governorates: ['PS0260'],
    disabled: false,
    secondFactor: true,
    passwordTemporary: false,
  });
  expect(items.find((u) => u.id === admin.id)).toMatchObject({ secondFactor: false });
  expect(res.json().nextCursor).toBeNull();
  expect(res.body).not.toContain('argon2');
  expect(res.body).not.toContain(elsewhere.username);
});

test('pages by username with nextCursor; filters by role, kind and status', async () => {
  const admin = await t.user({ role: 'administrator' });
  const org = admin.orgId;
  const analysts = await Promise.all([1, 2, 3].map(() => t.user({ role: 'analyst', orgId: org })));
  const bot = await makeMachine(t.db, { orgId: org, role: 'analyst' });
  await t.post(admin, `/api/v1/users/${analysts[0]!.id}/disable`);
  const all: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await t.get(admin, `/api/v1/users?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
    expect(page.statusCode).toBe(200);
    expect(page.json().items.length).toBeLessThanOrEqual(2);
    all.push(...page.json().items.map((u: { username: string }) => u.username));
    cursor = page.json().nextCursor;
  } while (cursor);
  expect(all).toEqual([admin.username, ...analysts.map((a) => a.username), bot.username].sort());
  const names = async (q: string) =>
    ((await t.get(admin, `/api/v1/users?${q}`)).json().items as { username: string }[]).map((u) => u.username);
  expect(await names('role=analyst&kind=person')).toEqual(analysts.map((a) => a.username).sort());
  expect(await names('kind=machine')).toEqual([bot.username]);
  expect(await names('status=disabled')).toEqual([analysts[0]!.username]);
  expect(await names('role=analyst&status=active')).toEqual([analysts[1]!.username, analysts[2]!.username, bot.username].sort());
  const bad = await t.get(admin, '/api/v1/users?role=king&status=gone&limit=0');
  expect(bad.statusCode).toBe(422);
  expect(
    bad
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort(),
  ).toEqual(['query.limit', 'query.role', 'query.status']);
});

test('an administrator of one governorate sees only the accounts within it', async () => {
  const all = await t.user({ role: 'administrator' });
  const gaza = await t.user({ role: 'administrator', orgId: all.orgId, governorates: ['PS0260'] });
  const inGaza = await t.user({ role: 'caseworker', orgId: all.orgId, governorates: ['PS0260'] });
  await t.user({ role: 'caseworker', orgId: all.orgId, governorates: ['PS0260', 'PS0110'] });
  const ids = ((await t.get(gaza, '/api/v1/users')).json().items as { id: string }[]).map((u) => u.id).sort();
  expect(ids).toEqual([gaza.id, inGaza.id].sort());
  expect((await t.get(all, '/api/v1/users')).json().items).toHaveLength(4);
});

test('only administrators list users', async () => {
  for (const role of ['registration_officer', 'analyst', 'auditor'] as const) {
    expect((await t.get(await t.user({ role }), '/api/v1/users')).statusCode).toBe(403);
  }
  expect((await t.get(undefined, '/api/v1/users')).statusCode).toBe(401);
});

test('GET /users/:id: an account within one’s governorates; outside them, in another organisation or none: 404', async () => {
  const all = await t.user({ role: 'administrator' });
  const gaza = await t.user({ role: 'administrator', orgId: all.orgId, governorates: ['PS0260'] });
  const inGaza = await t.user({ role: 'caseworker', orgId: all.orgId, governorates: ['PS0260'] });
  const res = await t.get(gaza, `/api/v1/users/${inGaza.id}`);
  expect(res.statusCode).toBe(200);
  expect(res.json()).toMatchObject({ id: inGaza.id, username: inGaza.username, kind: 'person', governorates: ['PS0260'] });
  const stranger = await t.user({ role: 'caseworker' });
  for (const id of [all.id, stranger.id, '00000000-0000-4000-8000-000000000000']) {
    const r = await t.get(gaza, `/api/v1/users/${id}`);
    expect(r.statusCode).toBe(404);
    expect(r.json().type).toBe('/problems/not_found');
  }
  expect((await t.get(inGaza, `/api/v1/users/${inGaza.id}`)).statusCode).toBe(403);
});

test('the cursor is opaque and names no account; a cursor the server did not give is 422', async () => {
  const admin = await t.user({ role: 'administrator' });
  await t.user({ role: 'analyst', orgId: admin.orgId });
  const page = await t.get(admin, '/api/v1/users?limit=1');
  const cursor = page.json().nextCursor as string;
  expect(Buffer.from(cursor, 'base64url').toString()).not.toContain(admin.username);
  const bad = await t.get(admin, '/api/v1/users?cursor=not-a-cursor');
  expect(bad.statusCode).toBe(422);
  expect(bad.json().errors).toEqual([{ field: 'cursor', reason: 'not_a_cursor' }]);
});
