// The rules an administrator's changes to accounts follow, and the password step of sign-in: pure, no database.
import { describe, expect, test } from 'vitest';
import { hashPassword } from '../../src/access/secrets.ts';
import {
  assertGrantable,
  assertMachine,
  assertManageable,
  assertNewAccountPassword,
  assertNewPassword,
  assertNotOwnAccount,
  assertNotSelf,
  assertPerson,
  assertSession,
  canManage,
  checkPassword,
  userSnapshot,
} from '../../src/access/users.ts';
import { AppError } from '../../src/errors.ts';

const problemOf = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('no error');
};

describe('assertGrantable: an administrator gives only governorates they work in', () => {
  const admin = { governorates: ['PS0260', 'PS0255'] };
  test('a subset passes', () => {
    expect(() => assertGrantable(admin, ['PS0260'])).not.toThrow();
    expect(() => assertGrantable(admin, ['PS0255', 'PS0260'])).not.toThrow();
  });
  test('one outside is 422 naming governorates, without the value', () => {
    const e = problemOf(() => assertGrantable(admin, ['PS0260', 'PS0110']));
    expect(e.id).toBe('validation');
    expect(e.status).toBe(422);
    expect(e.errors).toEqual([{ field: 'governorates', reason: 'outside_governorates' }]);
    expect(JSON.stringify(e.errors)).not.toContain('PS0110');
  });
});

test('assertNotSelf: resetting your own second factor is 409 own_second_factor; anyone else passes', () => {
  expect(problemOf(() => assertNotSelf({ userId: 'a' }, 'a')).id).toBe('own_second_factor');
  expect(() => assertNotSelf({ userId: 'a' }, 'b')).not.toThrow();
});

test('assertSession: API tokens and the system are refused with 403 session_required', () => {
  expect(() => assertSession({ credential: 'session' })).not.toThrow();
  expect(problemOf(() => assertSession({ credential: 'api_token' }))).toMatchObject({ id: 'session_required', status: 403 });
  expect(problemOf(() => assertSession({}))).toMatchObject({ id: 'session_required' });
});

test('checkPassword: the right password of an active account passes; unknown, wrong and disabled are one answer', async () => {
  const password_hash = await hashPassword('a long enough password');
  const account = { id: 'x', password_hash, disabled: false };
  await expect(checkPassword(account, 'a long enough password')).resolves.toBe(account);
  for (const [a, pw] of [
    [undefined, 'a long enough password'],
    [account, 'another long password'],
    [{ ...account, disabled: true }, 'a long enough password'],
    [{ ...account, password_hash: null }, 'a long enough password'],
  ] as const) {
    await expect(checkPassword(a, pw)).rejects.toMatchObject({ id: 'bad_credentials', status: 401 });
  }
});

test('userSnapshot: what the change log keeps of a new account', () => {
  const u = {
    id: 'i',
    orgId: 'o',
    username: 'sara.k',
    role: 'analyst' as const,
    governorates: ['PS0260'],
    disabled: false,
    secondFactor: false,
    kind: 'person' as const,
    passwordTemporary: true,
  };
  expect(userSnapshot(u)).toEqual({ username: 'sara.k', kind: 'person', role: 'analyst', governorates: ['PS0260'], disabled: false });
});

test('canManage: an administrator acts only on accounts whose governorates all lie within their own', () => {
  const gaza = { governorates: ['PS0260'] };
  expect(canManage(gaza, { governorates: ['PS0260'] })).toBe(true);
  expect(canManage(gaza, { governorates: ['PS0260', 'PS0110'] })).toBe(false);
  expect(canManage({ governorates: ['PS0260', 'PS0110'] }, { governorates: ['PS0110'] })).toBe(true);
  expect(problemOf(() => assertManageable(gaza, { governorates: ['PS0110'] }))).toMatchObject({ id: 'not_found', status: 404 });
});

test('own account, machines and people: 409 with their own ids', () => {
  expect(problemOf(() => assertNotOwnAccount({ userId: 'a' }, 'a'))).toMatchObject({ id: 'own_account', status: 409 });
  expect(() => assertNotOwnAccount({ userId: 'a' }, 'b')).not.toThrow();
  expect(problemOf(() => assertMachine({ kind: 'person' }))).toMatchObject({ id: 'not_a_machine', status: 409 });
  expect(problemOf(() => assertPerson({ kind: 'machine' }))).toMatchObject({ id: 'machine_account', status: 409 });
});

test('a new account’s password: required and strong for a person, absent for a machine (422 naming password)', () => {
  expect(() => assertNewAccountPassword({ kind: 'person', password: 'a long enough password' })).not.toThrow();
  expect(() => assertNewAccountPassword({ kind: 'machine' })).not.toThrow();
  for (const u of [{ kind: 'person' as const }, { kind: 'machine' as const, password: 'a long enough password' }])
    expect(problemOf(() => assertNewAccountPassword(u)).errors?.[0]?.field).toBe('password');
});

test('checkPassword among accounts of one username in several organisations: the password picks one; two opened need the organisation', async () => {
  const { hashPassword } = await import('../../src/access/secrets.ts');
  const a = { password_hash: await hashPassword('first org password'), disabled: false, org: 'a' };
  const b = { password_hash: await hashPassword('second org password'), disabled: false, org: 'b' };
  await expect(checkPassword([a, b], 'second org password')).resolves.toBe(b);
  await expect(checkPassword([a, b], 'no such password!!')).rejects.toMatchObject({ id: 'bad_credentials' });
  const c = { ...a, org: 'c' };
  await expect(checkPassword([a, c], 'first org password')).rejects.toMatchObject({ id: 'organisation_required', status: 401 });
  await expect(checkPassword([a, { ...c, disabled: true }], 'first org password')).resolves.toBe(a);
});

test('assertNewPassword: the rules of a new account, and not the current password (422 naming newPassword, no value)', () => {
  expect(() => assertNewPassword('the current password', 'a new long password')).not.toThrow();
  const short = problemOf(() => assertNewPassword('the current password', 'short one'));
  expect(short).toMatchObject({ id: 'validation', errors: [{ field: 'newPassword', reason: 'too_short', params: { min: 12 } }] });
  const same = problemOf(() => assertNewPassword('synthetic pass 4711', 'synthetic pass 4711'));
  expect(same.errors).toEqual([{ field: 'newPassword', reason: 'same_password' }]);
  expect(JSON.stringify(same)).not.toContain('synthetic pass 4711');
});
