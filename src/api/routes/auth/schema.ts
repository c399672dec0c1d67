// Sign-in: password, then the second factor (TOTP code or recovery code), or enrolment on the first sign-in.
import { z } from 'zod';
import { textLimits as L } from '../../../shared/limits.ts';
import type { FieldReason } from '../../../shared/reasons.ts';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../../shared/firstRun.ts';

export const LoginInput = z.object({
  username: z.string().min(1).max(L.username),
  password: z.string().min(1).max(L.password),
  /** Only when one username and password open accounts of several organisations (401 organisation_required). */
  organisation: z.string().trim().min(1).max(L.name).optional(),
});

/** Never a session: a short-lived, single-use challenge for the second step. */
export const LoginStep = z.discriminatedUnion('status', [
  z.object({ status: z.literal('second_factor_required'), challenge: z.string(), expiresAt: z.string() }),
  z.object({
    status: z.literal('enrolment_required'),
    challenge: z.string(),
    expiresAt: z.string(),
    /** base32, shown once for the authenticator app; also inside otpauthUri (for a QR code) */
    secret: z.string(),
    otpauthUri: z.string(),
  }),
]);

const Challenge = z.string().min(10).max(100);
const Code = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'six_digits' satisfies FieldReason);

export const SecondFactorInput = z.union([
  z.object({ challenge: Challenge, code: Code }).strict(),
  z.object({ challenge: Challenge, recoveryCode: z.string().trim().min(16).max(40) }).strict(),
]);

export const EnrolInput = z.object({ challenge: Challenge, code: Code });

export const SessionView = z.object({ token: z.string(), expiresAt: z.string(), role: z.string() });
export const SecondFactorSession = SessionView.extend({ recoveryCodesLeft: z.number().int() });
/** The recovery codes are shown once, here. */
export const EnrolSession = SessionView.extend({ recoveryCodes: z.array(z.string()) });

/** Making new recovery codes while signed in: a current code proves the authenticator is at hand. */
export const RecoveryCodesInput = z.object({ code: Code }).strict();
/** The new recovery codes, shown once. */
export const RecoveryCodesView = z.object({ recoveryCodes: z.array(z.string()) });

/** Who is signed in (GET /me): the account, its organisation and the state of its second factor. */
export const MeView = z.object({
  userId: z.string().nullable(),
  username: z.string().nullable(),
  orgId: z.string(),
  organisation: z.string().nullable(),
  role: z.string(),
  governorates: z.array(z.string()),
  /** An authenticator app is set up (always true for a session; API tokens need none). */
  secondFactor: z.boolean(),
  /** Unused recovery codes. */
  recoveryCodesLeft: z.number().int(),
  /** The password was set by an administrator: choose your own (POST /auth/password, no code needed) before anything else. */
  passwordTemporary: z.boolean(),
});

/** Signing out ends the session that sent the request. */
export const LogoutView = z.object({ ok: z.boolean() });

/** The first run: whether any account exists yet (nothing else). */
export const SetupView = z.object({ hasUsers: z.boolean() });

/**
 * Changing one's own password: the current one, the new one (the rules of a new account) and a
 * current code. Replacing a temporary password (set by an administrator) needs no code.
 */
export const PasswordChangeInput = z
  .object({
    currentPassword: z.string().min(1).max(L.currentPassword),
    newPassword: z.string().min(PASSWORD_MIN).max(PASSWORD_MAX),
    code: Code.optional(),
  })
  .strict();
/** The password is changed; the person's other sessions have ended (this one stays). */
export const PasswordChangeView = z.object({ sessionsEnded: z.number().int() });
