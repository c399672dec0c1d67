// The web app imports from the server exactly two things: the pure modules of src/shared (values:
// no zod, no Node APIs, nothing else of the server) and the API schemas of
// src/api/routes/*/schema.ts, type-only (no server code ends up in the browser bundle).
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
}

/** Every relative import or re-export of a file: the target and whether it is type-only. */
function relativeImports(file: string): { target: string; typeOnly: boolean }[] {
  const src = fs.readFileSync(file, 'utf8');
  const found = [...src.matchAll(/^\s*(?:import|export)\s+(type\s+)?[^'";]*?from\s+['"](\.[^'"]+)['"]/gm)];
  const dynamic = [...src.matchAll(/\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g)];
  return [
    ...found.map((m) => ({ target: path.resolve(path.dirname(file), m[2]!), typeOnly: Boolean(m[1]) })),
    ...dynamic.map((m) => ({ target: path.resolve(path.dirname(file), m[1]!), typeOnly: false })),
  ];
}

const offencesIn = (dir: string, allowed: (rel: string, typeOnly: boolean) => boolean) =>
  files(dir).flatMap((f) =>
    relativeImports(f)
      .filter(({ target }) => target.startsWith(path.resolve('src') + path.sep))
      .map(({ target, typeOnly }) => ({ rel: path.relative(process.cwd(), target).split(path.sep).join('/'), typeOnly }))
      .filter(({ rel, typeOnly }) => !allowed(rel, typeOnly))
      .map(({ rel, typeOnly }) => `${path.relative(dir, f)} imports ${rel}${typeOnly ? '' : ' (not type-only)'}`),
  );

test('web/src imports src/shared/** and, type-only, src/api/routes/*/schema.ts: nothing else of the server', () => {
  const allowed = (rel: string, typeOnly: boolean) =>
    /^src\/shared\/[\w/]+\.ts$/.test(rel) || (typeOnly && /^src\/api\/routes\/[^/]+(\/[^/]+)?\/schema\.ts$/.test(rel));
  expect(offencesIn(path.resolve('web/src'), allowed)).toEqual([]);
});

test('src/shared is pure: it imports only src/shared (no zod, no Node APIs)', () => {
  const shared = path.resolve('src/shared');
  const offences = files(shared).flatMap((f) => {
    const src = fs.readFileSync(f, 'utf8');
    const specs = [...src.matchAll(/^\s*(?:import|export)\s+[^'";]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
    return specs
      .filter((s) => !s.startsWith('./') || !path.resolve(path.dirname(f), s).startsWith(shared + path.sep))
      .map((s) => `${path.relative(shared, f)} imports ${s}`);
  });
  expect(offences).toEqual([]);
});
