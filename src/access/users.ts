// Staff accounts: what a user is, and the rules an administrator's changes to them follow. No I/O.
import { errors } from '../errors.ts';
import type { Actor } from './actor.ts';
import type { Role } from './roles.ts';
import { assertInGovernorates } from './scope.ts';
import { checkPasswordStrength, verifyPassword } from './secrets.ts';
import { PASSWORD_MAX, PASSWORD_MIN } from '../shared/firstRun.ts';

/** A staff account of an organisation (never its password hash). */
export type User = {
  id: string;
  orgId: string;
  username: string;
  role: Role;
  governorates: string[];
  disabled: boolean;
  /** An authenticator app is set up. */
  secondFactor: boolean;
};

/** A new account as an administrator asks for it. */
export type NewUser = { username: string; password: string; role: Role; governorates: readonly string[] };

/** An administrator may only give the governorates they work in themselves (422 naming `governorates`). */
export function assertGrantable(actor: Pick<Actor, 'governorates'>, governorates: readonly string[]): void {
  for (const g of governorates) assertInGovernorates(actor, g, 'governorates');
}

/** No one resets their own second factor: another administrator does (409 own_second_factor). */
export function assertNotSelf(actor: Pick<Actor, 'userId'>, userId: string): void {
  if (actor.userId === userId) throw errors.ownSecondFactor();
}

/** What a person signed in with a password and a second factor may do, a machine's API token may not. */
export function assertSession(actor: Pick<Actor, 'credential'>): void {
  if (actor.credential !== 'session') throw errors.sessionRequired();
}

/** A new password for one's own account: the rules of a new account, and not the current one (422 naming `newPassword`). */
export function assertNewPassword(current: string, next: string): void {
  if (checkPasswordStrength(next)) {
    throw next.length < PASSWORD_MIN
      ? errors.invalidField('newPassword', 'too_short', { min: PASSWORD_MIN })
      : errors.invalidField('newPassword', 'too_long', { max: PASSWORD_MAX });
  }
  if (next === current) throw errors.invalidField('newPassword', 'same_password');
}

/** The change log's record of a new account: never the password. */
export function userSnapshot(u: User): Pick<User, 'username' | 'role' | 'governorates'> {
  return { username: u.username, role: u.role, governorates: u.governorates };
}

/**
 * The password step of sign-in: the account (if the username exists), checked against the password
 * with the same work whether it exists or not. Unknown, wrong or disabled: 401 bad_credentials, the
 * same answer for each, so it reveals no usernames.
 */
export async function checkPassword<U extends { password_hash: string | null; disabled: boolean }>(
  account: U | undefined,
  password: string,
): Promise<U> {
  const ok = await verifyPassword(account?.password_hash ?? null, password);
  if (!account || !ok || account.disabled) throw errors.badCredentials();
  return account;
}
