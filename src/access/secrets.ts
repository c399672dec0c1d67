// Secrets: passwords hashed with argon2id; session and API tokens are random, stored as sha256.
import { hash, verify } from '@node-rs/argon2';
import { createHash, randomBytes } from 'node:crypto';
import { PASSWORD_MAX, PASSWORD_MIN } from '../shared/firstRun.ts';

// OWASP-recommended argon2id parameters (19 MiB, 2 passes).
// algorithm 2 = Argon2id (the package's const enum cannot be imported under verbatimModuleSyntax).
const ARGON = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, ARGON);

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    // Same work as a real check, so timing does not reveal which usernames exist.
    await hash(password, ARGON);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

export type TokenKind = 'session' | 'api';
export const newToken = (kind: TokenKind): string => `${kind === 'session' ? 'ses' : 'sat'}_${randomBytes(32).toString('base64url')}`;
export const tokenHash = (token: string): Buffer => createHash('sha256').update(token).digest();

export function checkPasswordStrength(password: string): string | undefined {
  if (password.length < PASSWORD_MIN) return `must have at least ${PASSWORD_MIN} characters`;
  if (password.length > PASSWORD_MAX) return `must have at most ${PASSWORD_MAX} characters`;
  return undefined;
}
