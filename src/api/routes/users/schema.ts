import { z } from 'zod';
import { textLimits as L } from '../../../shared/limits.ts';
import type { FieldReason } from '../../../shared/reasons.ts';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../../shared/firstRun.ts';
import { roles } from '../../../access/roles.ts';
import { governorateCodes } from '../../../places/governorates.ts';
import { Uuid } from '../../schemas.ts';

const Governorates = z
  .array(z.enum(governorateCodes as [string, ...string[]]))
  .min(1)
  .max(16);

export const UserInput = z.object({
  username: z
    .string()
    .trim()
    .min(3)
    .max(L.username)
    .regex(/^[a-z0-9._-]+$/, 'username_form' satisfies FieldReason),
  password: z.string().min(PASSWORD_MIN).max(PASSWORD_MAX),
  role: z.enum(roles),
  governorates: Governorates,
});

export const UserView = z.object({
  id: Uuid,
  username: z.string(),
  role: z.enum(roles),
  governorates: z.array(z.string()),
  disabled: z.boolean(),
  /** an authenticator app is set up (false until the first sign-in, and after a reset) */
  secondFactor: z.boolean(),
});

export const UserList = z.object({ items: z.array(UserView) });

export const TokenInput = z.object({
  userId: Uuid,
  name: z.string().trim().min(1).max(100),
  days: z.number().int().min(1).max(3650).optional(),
});

/** The token, shown once. */
export const TokenView = z.object({ token: z.string() });

export const SecondFactorResetView = z.object({ wasEnrolled: z.boolean(), sessionsEnded: z.number().int() });
