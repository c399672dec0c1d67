// Staff accounts: what a user is, and the rules an administrator's changes to them follow. No I/O.
import { errors } from '../errors.ts';
import type { Actor } from './actor.ts';
import type { Role } from './roles.ts';
import { assertInGovernorates } from './scope.ts';
import { checkPasswordStrength, verifyPassword } from './secrets.ts';
import { PASSWORD_MAX, PASSWORD_MIN } from '../shared/firstRun.ts';

/** A person signs in (password and second factor); a machine (service account) acts only through API tokens. */
export const userKinds = ['person', 'machine'] as const;
export type UserKind = (typeof userKinds)[number];

/** A staff account of an organisation (never its password hash). */
export type User = {
  id: string;
  orgId: string;
  username: string;
  kind: UserKind;
  role: Role;
  governorates: string[];
  disabled: boolean;
  /** An authenticator app is set up. */
  secondFactor: boolean;
  /** The password was set by an administrator: the person chooses their own at the next sign-in. */
  passwordTemporary: boolean;
};

/** A new account as an administrator asks for it (a person's password is temporary; a machine has none). */
export type NewUser = {
  username: string;
  kind: UserKind;
  password?: string | undefined;
  role: Role;
  governorates: readonly string[];
};

/** An administrator may only give the governorates they work in themselves (422 naming `governorates`). */
export function assertGrantable(actor: Pick<Actor, 'governorates'>, governorates: readonly string[]): void {
  for (const g of governorates) assertInGovernorates(actor, g, 'governorates');
}

/**
 * An administrator acts on the users whose governorates all lie within their own (an all-governorate
 * administrator on everyone of the organisation). Anyone else's account answers 404, as a record
 * outside one's governorates does: its existence is not revealed.
 */
export function canManage(actor: Pick<Actor, 'governorates'>, target: Pick<User, 'governorates'>): boolean {
  return target.governorates.every((g) => actor.governorates.includes(g));
}

export function assertManageable(actor: Pick<Actor, 'governorates'>, target: Pick<User, 'governorates'>): void {
  if (!canManage(actor, target)) throw errors.notFound('user');
}

/** No one resets their own second factor: another administrator does (409 own_second_factor). */
export function assertNotSelf(actor: Pick<Actor, 'userId'>, userId: string): void {
  if (actor.userId === userId) throw errors.ownSecondFactor();
}

/** No administrator disables, demotes, narrows or resets their own account (409 own_account). */
export function assertNotOwnAccount(actor: Pick<Actor, 'userId'>, userId: string): void {
  if (actor.userId === userId) throw errors.ownAccount();
}

/** API tokens are for machine accounts only (409 not_a_machine). */
export function assertMachine(u: Pick<User, 'kind'>): void {
  if (u.kind !== 'machine') throw errors.notAMachine();
}

/** Passwords and second factors are for people (409 machine_account). */
export function assertPerson(u: Pick<User, 'kind'>): void {
  if (u.kind !== 'person') throw errors.machineAccount();
}

/** A new account's password: a person needs one (the rules of any password), a machine has none (422 naming `password`). */
export function assertNewAccountPassword(u: Pick<NewUser, 'kind' | 'password'>): void {
  if (u.kind === 'machine' && u.password !== undefined) throw errors.invalidField('password', 'not_for_machine');
  if (u.kind === 'person') {
    if (u.password === undefined) throw errors.invalidField('password', 'required');
    if (u.password.length < PASSWORD_MIN) throw errors.invalidField('password', 'too_short', { min: PASSWORD_MIN });
    if (u.password.length > PASSWORD_MAX) throw errors.invalidField('password', 'too_long', { max: PASSWORD_MAX });
  }
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

/** The change log's record of an account: never the password. */
export function userSnapshot(u: User): Pick<User, 'username' | 'kind' | 'role' | 'governorates' | 'disabled'> {
  return { username: u.username, kind: u.kind, role: u.role, governorates: u.governorates, disabled: u.disabled };
}

/**
 * The password step of sign-in: among the accounts with this username (one per organisation at
 * most), the one this password opens, checked with the same work whether any exists or not.
 * Unknown, wrong or disabled: 401 bad_credentials, the same answer for each, so it reveals no
 * usernames. Two accounts opened by the same password (the same person in two organisations) need
 * the organisation named (401 organisation_required: only someone who knows the password sees it).
 */
export async function checkPassword<U extends { password_hash: string | null; disabled: boolean }>(
  accounts: U | readonly U[] | undefined,
  password: string,
): Promise<U> {
  const list = accounts === undefined ? [] : Array.isArray(accounts) ? (accounts as readonly U[]) : [accounts as U];
  if (list.length === 0) await verifyPassword(null, password);
  const opened: U[] = [];
  for (const a of list) if (await verifyPassword(a.password_hash, password)) opened.push(a);
  const live = opened.filter((a) => !a.disabled);
  if (live.length > 1) throw errors.organisationRequired();
  if (live.length === 0) throw errors.badCredentials();
  return live[0]!;
}
