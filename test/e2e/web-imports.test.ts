// The web app imports from the server only the API schemas, and only their types: no server code
// ends up in the browser bundle.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
}

test('web/src imports only types from src/api/routes/*/schema.ts', () => {
  const web = path.resolve('web/src');
  const offences: string[] = [];
  for (const f of files(web)) {
    const src = fs.readFileSync(f, 'utf8');
    for (const m of src.matchAll(/^\s*import\s+(type\s+)?[^'"]*?from\s+['"](\.[^'"]+)['"]/gm)) {
      const target = path.resolve(path.dirname(f), m[2]!);
      if (target.startsWith(web + path.sep)) continue;
      const rel = path.relative(process.cwd(), target).split(path.sep).join('/');
      if (!/^src\/api\/routes\/[^/]+\/schema\.ts$/.test(rel) || !m[1])
        offences.push(`${path.relative(web, f)} imports ${rel}${m[1] ? '' : ' (not type-only)'}`);
    }
  }
  expect(offences).toEqual([]);
});
