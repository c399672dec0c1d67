// A bounded memo for pure string functions. Names repeat enormously (a few thousand given and
// family names cover most of a population), so normalising each distinct string once makes bulk
// work (imports, linkage) several times faster. When full, the memo is simply emptied.
export function memo<R>(fn: (s: string) => R, max = 100_000): (s: string) => R {
  const cache = new Map<string, R>();
  return (s: string) => {
    let r = cache.get(s);
    if (r === undefined) {
      r = fn(s);
      if (cache.size >= max) cache.clear();
      cache.set(s, r);
    }
    return r;
  };
}
