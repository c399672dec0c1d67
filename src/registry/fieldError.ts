// A validation failure that names the field and the reason. Reasons never quote the value.
export type FieldError = { field: string; reason: string };
export type Result<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };
