// The map's shades and names, pure (no map data): which shade a value takes, what each shade
// stands for in the key, and a governorate name in one or two lines.
export const SHADES = ['#e6f2ee', '#b9ddd1', '#7fc1ac', '#3f9c80', '#0b5d4b'];
export const NONE = '#f4f4f2';

export function shade(value: number, max: number): string {
  if (value <= 0 || max <= 0) return NONE;
  const i = Math.min(SHADES.length - 1, Math.floor((value / max) * SHADES.length));
  return SHADES[i]!;
}

/** The values each shade stands for (from, to); none when no value falls in it. */
export function shadeRanges(max: number): { color: string; from: number; to: number }[] {
  const out: { color: string; from: number; to: number }[] = [];
  for (const [i, color] of SHADES.entries()) {
    const from = i === 0 ? 1 : Math.ceil((i * max) / SHADES.length);
    const to = i === SHADES.length - 1 ? max : Math.ceil(((i + 1) * max) / SHADES.length) - 1;
    if (from <= to && from >= 1) out.push({ color, from, to });
  }
  return out;
}

/** A name in one or two lines (split at the space nearest the middle when long). */
export function nameLines(name: string, max = 11): string[] {
  if (name.length <= max || !name.includes(' ')) return [name];
  const mid = name.length / 2;
  let best = -1;
  for (let i = name.indexOf(' '); i >= 0; i = name.indexOf(' ', i + 1)) if (best < 0 || Math.abs(i - mid) < Math.abs(best - mid)) best = i;
  return [name.slice(0, best), name.slice(best + 1)];
}
