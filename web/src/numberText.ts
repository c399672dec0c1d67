// Numbers typed in a form: read in Latin or Arabic-Indic digits, with a dot, a comma or the Arabic
// decimal sign, checked against a range. Shared by the rule editors (programmes, claim rules). Pure.

/** Latin digits and a dot for what was typed with Arabic-Indic digits or the Arabic decimal sign. */
export const latinDigits = (s: string): string =>
  s
    .trim()
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x6f0))
    .replace(/[\u066B,]/g, '.');

/** A number typed in a field: undefined when empty, NaN when not a number in range. */
export function numberOf(text: string, opts: { integer?: boolean; min?: number; max?: number } = {}): number | undefined {
  const s = latinDigits(text);
  if (s === '') return undefined;
  if (!/^[0-9]{1,10}(\.[0-9]{1,4})?$/.test(s)) return Number.NaN;
  const n = Number(s);
  if (opts.integer && !Number.isInteger(n)) return Number.NaN;
  if (n < (opts.min ?? 0) || n > (opts.max ?? 1e9)) return Number.NaN;
  return n;
}
