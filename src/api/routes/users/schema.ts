import { z } from 'zod';
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
    .max(100)
    .regex(/^[a-z0-9._-]+$/, 'must be lower-case letters, digits, dot, dash or underscore'),
  password: z.string().min(12, 'must have at least 12 characters').max(200),
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
