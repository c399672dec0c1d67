// Layers: domain code has no I/O and imports neither store, api nor cli; store imports no api/cli.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

const SRC = path.resolve('src');
const DOMAIN = ['registry', 'names', 'linkage', 'places', 'access', 'sites', 'aid'];
const IO_MODULES =
  /^(node:)?(fs|fs\/promises|net|http|https|child_process|dgram|worker_threads)$|^(pg|pg-copy-streams|fastify|@fastify\/.*|exceljs|csv-parse|csv-stringify)$/;

function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

function imports(file: string): string[] {
  const src = fs.readFileSync(file, 'utf8');
  return [
    ...src.matchAll(/^\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/gm),
    ...src.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1]!);
}

function layerOf(file: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const rel = path.relative(SRC, path.resolve(path.dirname(file), spec));
  return rel.split(path.sep)[0];
}

test('domain code does no I/O and does not depend on store, api or cli', () => {
  const offences: string[] = [];
  for (const layer of DOMAIN) {
    for (const f of files(path.join(SRC, layer))) {
      if (f.includes(`${path.sep}cli${path.sep}`) || f.endsWith('.io.ts')) continue; // explicit I/O adapters are named *.io.ts
      for (const spec of imports(f)) {
        const target = layerOf(f, spec);
        if (target && ['store', 'api', 'cli', 'importer', 'export', 'web'].includes(target))
          offences.push(`${path.relative(SRC, f)} imports ${spec}`);
        if (IO_MODULES.test(spec)) offences.push(`${path.relative(SRC, f)} imports ${spec}`);
      }
    }
  }
  expect(offences).toEqual([]);
});

test('the store does not depend on api or cli', () => {
  const offences = files(path.join(SRC, 'store')).flatMap((f) =>
    imports(f)
      .filter((s) => ['api', 'cli'].includes(layerOf(f, s) ?? ''))
      .map((s) => `${path.relative(SRC, f)} imports ${s}`),
  );
  expect(offences).toEqual([]);
});
