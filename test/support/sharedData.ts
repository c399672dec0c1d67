// The shared reference data beside the project (../shared/data), wherever the clone lives.
import fs from 'node:fs';
import path from 'node:path';

export function sharedData(...parts: string[]): string {
  const roots = [process.env.SANAD_DATA, path.resolve('../shared/data'), '/work/shared/data'].filter((r): r is string => !!r);
  for (const root of roots) {
    const p = path.join(root, ...parts);
    if (fs.existsSync(p)) return p;
  }
  throw new Error(`Shared data ${parts.join('/')} not found beside the project (looked in ${roots.join(', ')}); set SANAD_DATA.`);
}
