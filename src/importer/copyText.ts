// PostgreSQL COPY text format: tab-separated, \N for NULL, backslash escapes.
const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_G = /[\\\t\n\r]/g;
const ESC: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

export function copyField(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v !== 'string') return String(v);
  return SPECIAL.test(v) ? v.replace(SPECIAL_G, (c) => ESC[c]!) : v;
}

const ARRAY_SPECIAL = /["\\]/;
const ARRAY_SPECIAL_G = /["\\]/g;

/** A text[] literal ({"a","b"}), COPY-escaped. */
export function copyArray(items: readonly string[]): string {
  let s = '{';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) s += ',';
    const item = items[i]!;
    s += `"${ARRAY_SPECIAL.test(item) ? item.replace(ARRAY_SPECIAL_G, (c) => `\\${c}`) : item}"`;
  }
  return copyField(`${s}}`);
}
