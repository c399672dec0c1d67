// A validation failure that names the field and the reason. Reasons never quote the value.
import type { z } from 'zod';
import type { FieldError } from '../shared/problems.ts';
import { isFieldReason } from '../shared/reasons.ts';

export type { FieldError };
export type Result<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/**
 * A zod issue as a stable reason code with its limits: never zod's English text. A schema names its
 * own reason by giving the code as the rule's message (`.regex(re, 'not_a_uuid')`).
 */
export function zodReason(i: z.core.$ZodIssue, root?: unknown): Pick<FieldError, 'reason' | 'params'> {
  if (isFieldReason(i.message)) return { reason: i.message };
  // zod does not report the input: a missing value is found at the issue's path in the parsed root
  const missing = root !== undefined ? valueAt(root, i.path) === undefined : /received undefined$/.test(i.message);
  switch (i.code) {
    case 'invalid_type':
      return { reason: missing ? 'required' : 'wrong_type' };
    case 'too_big': {
      const max = Number(i.maximum);
      if (i.origin === 'string') return { reason: 'too_long', params: { max } };
      if (i.origin === 'array' || i.origin === 'set') return { reason: 'too_many', params: { max } };
      return { reason: 'too_big', params: { max } };
    }
    case 'too_small': {
      const min = Number(i.minimum);
      if (i.origin === 'string') return min <= 1 ? { reason: 'required' } : { reason: 'too_short', params: { min } };
      if (i.origin === 'array' || i.origin === 'set') return { reason: 'too_few', params: { min } };
      return { reason: 'too_small', params: { min } };
    }
    case 'invalid_value':
      return { reason: root !== undefined && missing ? 'required' : 'not_allowed' };
    case 'unrecognized_keys':
      return { reason: 'unknown_field' };
    default:
      return { reason: 'wrong_form' };
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}
