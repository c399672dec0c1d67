// The second factor of staff sign-in (TOTP, RFC 6238): what its operations share. After a correct
// password the user gets a short-lived, single-use challenge, never a session (beginSecondFactor.ts):
// with an enrolled authenticator the challenge is exchanged for a session with a code or a one-time
// recovery code (completeSecondFactor.ts); without one, the challenge carries a new secret (shown
// once) and is exchanged for a session with the first code, which also stores the secret and hands
// out the recovery codes (completeEnrolment.ts). Wrong codes are counted per user and pause the
// account's sign-in for LOCK_MINUTES after MAX_CODE_FAILURES in a row (wrong codes older than
// LOCK_MINUTES no longer count). A signed-in person replaces their recovery codes with a current
// code (renewRecoveryCodes.ts: same once-only rule, same count of wrong codes). Enrolment, reset
// (resetSecondFactor.ts), recovery-code use and renewal, and pauses go to the change log, without
// secrets or codes.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { transaction } from '../transaction.ts';
import type { Actor } from '../../access/actor.ts';
import type { Role } from '../../access/roles.ts';
import { unseal, type SecretKey } from '../../access/secretBox.ts';
import { tokenHash } from '../../access/secrets.ts';
import { newRecoveryCodes, normaliseRecoveryCode, verifyTotp } from '../../access/totp.ts';
import { type AppError, errors } from '../../errors.ts';
import { StoreError } from '../../errors.ts';
import { appendLog } from '../write.ts';

export const CHALLENGE_MINUTES = 5;
export const ENROLMENT_MINUTES = 10;
export const MAX_CODE_FAILURES = 5;
export const LOCK_MINUTES = 15;
export const TOTP_ISSUER = 'Sanad';

export type SignInStep =
  | { status: 'second_factor_required'; challenge: string; expiresAt: string }
  | { status: 'enrolment_required'; challenge: string; expiresAt: string; secret: string; otpauthUri: string };

export type SessionGrant = { token: string; expiresAt: string; role: Role };

export const recoveryHash = (code: string): Buffer => createHash('sha256').update(normaliseRecoveryCode(code)).digest();

export function needKey(key: SecretKey | undefined): SecretKey {
  if (!key)
    throw new StoreError(
      'secret_key_missing',
      'No secret key: the server seals second-factor secrets with SANAD_SECRET_KEY or DATA/secret.key.',
    );
  return key;
}

export function openSecret(key: SecretKey | undefined, box: Buffer, keyId: Buffer, userId: string): Buffer {
  const k = needKey(key);
  if (!k.id.equals(keyId))
    throw new StoreError(
      'secret_key_mismatch',
      'A second-factor secret was sealed with another secret key: start the server with the same SANAD_SECRET_KEY or DATA/secret.key.',
    );
  return unseal(k, box, userId);
}

/** Is the user's sign-in paused after too many wrong codes? Whether they have an authenticator. */
export async function secondFactorState(
  db: pg.Pool | pg.PoolClient,
  userId: string,
): Promise<{ enrolled: boolean; locked: boolean; recoveryCodesLeft: number }> {
  const r = await db.query<{ enrolled: boolean; locked: boolean; left: number }>(
    `SELECT EXISTS (SELECT 1 FROM user_totp WHERE user_id = u.id) AS enrolled,
            coalesce(u.second_factor_locked_until > now(), false) AS locked,
            (SELECT count(*)::int FROM recovery_code WHERE user_id = u.id AND used_at IS NULL) AS left
       FROM app_user u WHERE u.id = $1`,
    [userId],
  );
  const row = r.rows[0];
  return { enrolled: row?.enrolled ?? false, locked: row?.locked ?? false, recoveryCodesLeft: row?.left ?? 0 };
}

export type ChallengeRow = {
  id: string;
  user_id: string;
  secret_box: Buffer | null;
  key_id: Buffer | null;
  org_id: string;
  role: Role;
  governorates: string[];
  disabled: boolean;
  failures: number;
  locked: boolean;
};

export type Outcome<T> = { ok: T } | { error: AppError };

/**
 * Checks a code against the user's authenticator: only a step later than the last accepted one (a
 * code works once, and never an older one), which is then stored. False without an authenticator.
 */
export async function checkTotp(
  c: pg.PoolClient,
  key: SecretKey | undefined,
  userId: string,
  code: string,
  nowMs: number,
): Promise<boolean> {
  const t = await c.query<{ secret_box: Buffer; key_id: Buffer; last_step: number }>(
    'SELECT secret_box, key_id, last_step FROM user_totp WHERE user_id = $1 FOR UPDATE',
    [userId],
  );
  const row = t.rows[0];
  if (!row) return false;
  const step = verifyTotp(openSecret(key, row.secret_box, row.key_id, userId), code, nowMs, row.last_step);
  if (step === undefined) return false;
  await c.query('UPDATE user_totp SET last_step = $2 WHERE user_id = $1', [userId, step]);
  return true;
}

/**
 * Counts a wrong code (`recentFailures`: the wrong codes of the last LOCK_MINUTES before this one);
 * the last allowed one pauses the account's sign-in and ends its open challenge. Returns the error
 * to answer with, once the transaction has committed the count.
 */
export async function countWrongCode(
  c: pg.PoolClient,
  actor: Actor,
  userId: string,
  recentFailures: number,
  status: 401 | 403,
): Promise<AppError> {
  if (recentFailures + 1 >= MAX_CODE_FAILURES) {
    await c.query(
      `UPDATE app_user SET second_factor_failures = 0, second_factor_locked_until = now() + make_interval(mins => $2) WHERE id = $1`,
      [userId, LOCK_MINUTES],
    );
    await c.query('DELETE FROM login_challenge WHERE user_id = $1', [userId]);
    await appendLog(c, actor, {
      entity: 'user',
      entityId: userId,
      action: 'second_factor_locked',
      after: { wrongCodes: MAX_CODE_FAILURES, minutes: LOCK_MINUTES },
    });
    return errors.secondFactorLocked(LOCK_MINUTES);
  }
  await c.query('UPDATE app_user SET second_factor_failures = $2, second_factor_failed_at = now() WHERE id = $1', [
    userId,
    recentFailures + 1,
  ]);
  return errors.badCode(status);
}

/** Wrong codes of the last LOCK_MINUTES ($2) and whether the account is paused, for `u`, an app_user row. */
export const FAILURE_COLUMNS = `CASE WHEN u.second_factor_failed_at > now() - make_interval(mins => $2) THEN u.second_factor_failures ELSE 0 END AS failures,
              coalesce(u.second_factor_locked_until > now(), false) AS locked`;

/**
 * Runs one attempt at a challenge in a transaction that holds the challenge and the user row (so
 * attempts of one user are serialised). `check` returns true when the proof is good. A wrong proof
 * is counted and committed before the error is thrown; the last allowed one pauses the account.
 */
export async function attempt<T>(
  pool: pg.Pool,
  challenge: string,
  kind: 'second_factor' | 'enrolment',
  deviceId: string | undefined,
  check: (c: pg.PoolClient, ch: ChallengeRow, actor: Actor) => Promise<boolean>,
  onSuccess: (c: pg.PoolClient, ch: ChallengeRow, actor: Actor) => Promise<T>,
): Promise<T> {
  const outcome = await transaction<Outcome<T>>(pool, async (c) => {
    const r = await c.query<ChallengeRow>(
      `SELECT ch.id, ch.user_id, ch.secret_box, ch.key_id, u.org_id, u.role, u.governorates, u.disabled,
              ${FAILURE_COLUMNS}
         FROM login_challenge ch JOIN app_user u ON u.id = ch.user_id
        WHERE ch.token_hash = $1 AND ch.kind = $3 AND ch.expires_at > now()
        FOR UPDATE`,
      [tokenHash(challenge), LOCK_MINUTES, kind],
    );
    const ch = r.rows[0];
    if (!ch || ch.disabled) return { error: errors.challengeExpired() };
    if (ch.locked) return { error: errors.secondFactorLocked(LOCK_MINUTES) };
    const actor: Actor = { userId: ch.user_id, orgId: ch.org_id, role: ch.role, governorates: ch.governorates, deviceId };
    if (await check(c, ch, actor)) {
      await c.query('UPDATE app_user SET second_factor_failures = 0, second_factor_locked_until = NULL WHERE id = $1', [ch.user_id]);
      await c.query('DELETE FROM login_challenge WHERE id = $1', [ch.id]);
      return { ok: await onSuccess(c, ch, actor) };
    }
    // Counted from the recent ones only (ch.failures is 0 when the last wrong code is old).
    return { error: await countWrongCode(c, actor, ch.user_id, ch.failures, 401) };
  });
  if ('error' in outcome) throw outcome.error;
  return outcome.ok;
}

/** Replaces all of a user's recovery codes with new ones (returned, shown once); counts the unused ones replaced. */
export async function replaceRecoveryCodes(c: pg.PoolClient, userId: string): Promise<{ codes: string[]; unusedReplaced: number }> {
  const old = await c.query<{ unused: boolean }>('DELETE FROM recovery_code WHERE user_id = $1 RETURNING used_at IS NULL AS unused', [
    userId,
  ]);
  const codes = newRecoveryCodes();
  await c.query('INSERT INTO recovery_code (user_id, code_hash) SELECT $1, unnest($2::bytea[])', [userId, codes.map(recoveryHash)]);
  return { codes, unusedReplaced: old.rows.filter((r) => r.unused).length };
}

/** Secrets sealed with a key other than `key` (a server started with the wrong key cannot check their codes). */
export async function secretsUnderOtherKeys(db: pg.Pool | pg.PoolClient, key: SecretKey): Promise<number> {
  return (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM user_totp WHERE key_id <> $1', [key.id])).rows[0]!.n;
}
