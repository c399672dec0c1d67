// Layers: domain code (and src/shared) has no I/O and imports neither store, api nor cli; store
// imports no api/cli; src/shared imports only src/shared (and types); src/api does no SQL.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

const SRC = path.resolve('src');
const DOMAIN = ['shared', 'registry', 'names', 'linkage', 'places', 'access', 'sites', 'aid', 'reconstruction'];
const IO_MODULES =
  /^(node:)?(fs|fs\/promises|net|http|https|child_process|dgram|worker_threads)$|^(pg|pg-copy-streams|fastify|@fastify\/.*|exceljs|csv-parse|csv-stringify)$/;

function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

type Import = { spec: string; typeOnly: boolean };

/** The modules a file imports; `typeOnly` when the statement brings in types alone (erased at build). */
function importsOf(file: string): Import[] {
  const src = fs.readFileSync(file, 'utf8');
  const statements = [...src.matchAll(/^\s*(import|export)(\s+type\b)?([^'"]*?)from\s+['"]([^'"]+)['"]/gm)].map((m) => {
    const names = /\{([^}]*)\}/
      .exec(m[3]!)?.[1]
      ?.split(',')
      .map((n) => n.trim())
      .filter(Boolean);
    const allTypes = !!names?.length && names.every((n) => n.startsWith('type ')) && !/^\s*\w/.test(m[3]!.replace(/\{[^}]*\}/, ''));
    return { spec: m[4]!, typeOnly: !!m[2] || allTypes };
  });
  const dynamic = [...src.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => ({ spec: m[1]!, typeOnly: false }));
  return [...statements, ...dynamic];
}

function imports(file: string): string[] {
  return importsOf(file).map((i) => i.spec);
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

test('src/shared imports only src/shared: no other layer, no Node built-in, no npm package (types excepted)', () => {
  const offences = files(path.join(SRC, 'shared')).flatMap((f) =>
    importsOf(f)
      .filter((i) => !i.typeOnly && (!i.spec.startsWith('.') || layerOf(f, i.spec) !== 'shared'))
      .map((i) => `${path.relative(SRC, f)} imports ${i.spec}`),
  );
  expect(offences).toEqual([]);
});

test('src/api does no SQL: no pg or pg-copy-streams, no .query( (SQL lives in src/store)', () => {
  const offences = files(path.join(SRC, 'api')).flatMap((f) => {
    const rel = path.relative(SRC, f);
    const found = imports(f)
      .filter((s) => /^(pg|pg-copy-streams)$/.test(s))
      .map((s) => `${rel} imports ${s}`);
    if (/\.query\s*(<[^>]*>)?\s*\(/.test(fs.readFileSync(f, 'utf8'))) found.push(`${rel} calls .query(`);
    return found;
  });
  expect(offences).toEqual([]);
});
