import { z } from 'zod';
import { roles } from '../../../access/roles.ts';
import { governorateCodes } from '../../../places/governorates.ts';

export const UserInput = z.object({
  username: z
    .string()
    .trim()
    .min(3)
    .max(100)
    .regex(/^[a-z0-9._-]+$/, 'must be lower-case letters, digits, dot, dash or underscore'),
  password: z.string().min(12, 'must have at least 12 characters').max(200),
  role: z.enum(roles),
  governorates: z
    .array(z.enum(governorateCodes as [string, ...string[]]))
    .min(1)
    .max(16),
});

export const UserView = z.object({
  id: z.string(),
  username: z.string(),
  role: z.string(),
  governorates: z.array(z.string()),
  disabled: z.boolean(),
  /** an authenticator app is set up (false until the first sign-in, and after a reset) */
  secondFactor: z.boolean(),
});
