// GET /api/v1/users: an administrator lists the accounts of their organisation, by username, with
// whether each has set up a second factor; never another organisation's, never a password hash.
import { expect, test } from 'vitest';
import { PASSWORD } from '../support/factories.ts';
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
    role: 'registration_officer',
    governorates: ['PS0260'],
    disabled: false,
    secondFactor: true,
  });
  expect(items.find((u) => u.id === admin.id)).toMatchObject({ secondFactor: false });
  expect(res.body).not.toContain('argon2');
  expect(res.body).not.toContain(elsewhere.username);
});

test('only administrators list users', async () => {
  for (const role of ['registration_officer', 'analyst', 'auditor'] as const) {
    expect((await t.get(await t.user({ role }), '/api/v1/users')).statusCode).toBe(403);
  }
  expect((await t.get(undefined, '/api/v1/users')).statusCode).toBe(401);
});
