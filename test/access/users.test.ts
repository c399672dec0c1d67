// The rules an administrator's changes to accounts follow, and the password step of sign-in: pure, no database.
import { describe, expect, test } from 'vitest';
import { hashPassword } from '../../src/access/secrets.ts';
import { assertGrantable, assertNewPassword, assertNotSelf, assertSession, checkPassword, userSnapshot } from '../../src/access/users.ts';
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
  };
  expect(userSnapshot(u)).toEqual({ username: 'sara.k', role: 'analyst', governorates: ['PS0260'] });
});

test('assertNewPassword: the rules of a new account, and not the current password (422 naming newPassword, no value)', () => {
  expect(() => assertNewPassword('the current password', 'a new long password')).not.toThrow();
  const short = problemOf(() => assertNewPassword('the current password', 'short one'));
  expect(short).toMatchObject({ id: 'validation', errors: [{ field: 'newPassword', reason: 'too_short', params: { min: 12 } }] });
  const same = problemOf(() => assertNewPassword('synthetic pass 4711', 'synthetic pass 4711'));
  expect(same.errors).toEqual([{ field: 'newPassword', reason: 'same_password' }]);
  expect(JSON.stringify(same)).not.toContain('synthetic pass 4711');
});
