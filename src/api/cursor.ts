// Opaque pagination cursors (base64url JSON). They carry ids or offsets, never personal data.
import { errors } from '../errors.ts';

export const encodeCursor = (v: Record<string, string | number>): string => Buffer.from(JSON.stringify(v)).toString('base64url');

export function decodeCursor<T extends Record<string, string | number>>(
  s: string | undefined,
  check: (v: unknown) => v is T,
): T | undefined {
  if (s === undefined) return undefined;
  try {
    const v: unknown = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
    if (check(v)) return v;
  } catch {
    // fall through
  }
  throw errors.invalidField('cursor', 'not_a_cursor');
}
