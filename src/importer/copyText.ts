// PostgreSQL COPY text format: tab-separated, \N for NULL, backslash escapes.
const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_G = /[\\\t\n\r]/g;
const ESC: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

export function copyField(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v !== 'string') return String(v);
  return SPECIAL.test(v) ? v.replace(SPECIAL_G, (c) => ESC[c]!) : v;
}

/** A text[] literal ({"a","b"}), COPY-escaped. */
export function copyArray(items: readonly string[]): string {
  let s = '{';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) s += ',';
    s += '"' + items[i]!.replace(/["\\]/g, (c) => '\\' + c) + '"';
  }
  return copyField(s + '}');
}
