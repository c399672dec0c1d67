// A validation failure that names the field and the reason. Reasons never quote the value.
import type { FieldError } from '../shared/problems.ts';

export type { FieldError };
export type Result<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };
