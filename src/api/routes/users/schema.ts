// User administration: accounts (people and machines), their role and governorates, disabling,
// second-factor resets, temporary passwords; API tokens for machine accounts.
import { z } from 'zod';
import { textLimits as L } from '../../../shared/limits.ts';
import type { FieldReason } from '../../../shared/reasons.ts';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../../shared/firstRun.ts';
import { roles } from '../../../access/roles.ts';
import { TOKEN_MAX_DAYS } from '../../../shared/tokens.ts';
import { userKinds } from '../../../access/users.ts';
import { governorateCodes } from '../../../places/governorates.ts';
import { digits, Uuid } from '../../schemas.ts';

const Governorates = z
  .array(z.enum(governorateCodes as [string, ...string[]]))
  .min(1)
  .max(16)
  .refine((g) => new Set(g).size === g.length, 'must not repeat a governorate');

const Password = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);

export const UserInput = z.object({
  username: z
    .string()
    .trim()
    .min(3)
    .max(L.username)
    .regex(/^[a-z0-9._-]+$/, 'username_form' satisfies FieldReason),
  /** person (default): signs in; machine: a service account that acts only through API tokens */
  kind: z.enum(userKinds).default('person'),
  /** A person's initial password, TEMPORARY: they choose their own at the first sign-in. Left out for a machine. */
  password: Password.optional(),
  role: z.enum(roles),
  governorates: Governorates,
});

export const UserView = z.object({
  id: Uuid,
  username: z.string(),
  kind: z.enum(userKinds),
  role: z.enum(roles),
  governorates: z.array(z.string()),
  disabled: z.boolean(),
  /** an authenticator app is set up (false until the first sign-in, and after a reset) */
  secondFactor: z.boolean(),
  /** the password was set by an administrator and not yet replaced by the person */
  passwordTemporary: z.boolean(),
});

export const UserListQuery = z.object({
  role: z.enum(roles).optional(),
  kind: z.enum(userKinds).optional(),
  status: z.enum(['active', 'disabled']).optional(),
  /** the nextCursor of the previous page (opaque: an account's id, never a name) */
  cursor: z.string().max(200).optional(),
  limit: digits(1, 100).optional(),
});

export const UserList = z.object({ items: z.array(UserView), nextCursor: z.string().nullable() });

/** A new role and governorates (never more governorates than the administrator's own). */
export const AccessInput = z.object({ role: z.enum(roles), governorates: Governorates }).strict();

/** Disabling ends the sessions and revokes the tokens at once; enabling gives neither back. */
export const DisableView = z.object({ user: UserView, sessionsEnded: z.number().int(), tokensRevoked: z.number().int() });

export const TemporaryPasswordInput = z.object({ password: Password }).strict();
export const TemporaryPasswordView = z.object({ sessionsEnded: z.number().int() });

export const TokenInput = z.object({
  userId: Uuid,
  name: z.string().trim().min(1).max(100),
  /** required: every token ends, at most TOKEN_MAX_DAYS days after it is made */
  days: z.number().int().min(1).max(TOKEN_MAX_DAYS),
});

export const TokenRecord = z.object({
  id: Uuid,
  userId: Uuid,
  username: z.string(),
  name: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
});

/** The token, shown once, and the record of it (listed later without the token). */
export const TokenView = z.object({ token: z.string(), record: TokenRecord });

export const TokenListQuery = z.object({ userId: Uuid.optional(), limit: digits(1, 200).optional() });
export const TokenList = z.object({ items: z.array(TokenRecord) });

export const SecondFactorResetView = z.object({
  wasEnrolled: z.boolean(),
  sessionsEnded: z.number().int(),
  tokensRevoked: z.number().int(),
});
