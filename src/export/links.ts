// Export of the registry's identities: one row per linked person in the actor's scope, with the
// identity (cluster) it belongs to: `record_id,cluster_id,sanad_id`. An identity is a connected
// component of the active links; its cluster_id is the smallest Sanad id among its persons. The
// registry's deduplication is scored from this file exactly as `sanad link`'s output is.
import fs from 'node:fs';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import { commandAllows } from '../access/matrix.ts';
import type { Actor } from '../access/actor.ts';
import { linksInScope } from '../store/duplicates/links.ts';
import { appendLog } from '../store/write.ts';
import { ExportError } from './persons.ts';
import { writeTable } from './table.ts';

export const LINK_COLUMNS = ['record_id', 'cluster_id', 'sanad_id'] as const;

/** Persons grouped by identity: [record_id, cluster_id, sanad_id] rows, by cluster then person. */
export function identityRows(links: { a: string; b: string; recordA: string | null; recordB: string | null }[]): string[][] {
  const parent = new Map<string, string>();
  const record = new Map<string, string | null>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    for (let y = x; parent.get(y) !== r; ) {
      const next = parent.get(y)!;
      parent.set(y, r);
      y = next;
    }
    return r;
  };
  for (const l of links) {
    for (const [id, rec] of [
      [l.a, l.recordA],
      [l.b, l.recordB],
    ] as const) {
      if (!parent.has(id)) parent.set(id, id);
      record.set(id, rec);
    }
    const ra = find(l.a),
      rb = find(l.b);
    // the smaller id becomes the root: the cluster id is the smallest id of the component
    if (ra !== rb) ra < rb ? parent.set(rb, ra) : parent.set(ra, rb);
  }
  const rows = [...parent.keys()].map((id) => [record.get(id) ?? '', find(id), id]);
  return rows.sort((p, q) => (p[1]! < q[1]! ? -1 : p[1]! > q[1]! ? 1 : p[2]! < q[2]! ? -1 : 1));
}

export async function exportLinks(
  pool: pg.Pool,
  actor: Actor,
  opts: { output: string | Writable },
): Promise<{ rows: number; identities: number; seconds: number }> {
  if (!commandAllows('export links', actor.role)) throw new ExportError(`Your role (${actor.role}) may not export the registry's links.`);
  const started = performance.now();
  const rows = identityRows(await linksInScope(pool, actor));
  const identities = new Set(rows.map((r) => r[1])).size;
  await appendLog(pool, actor, {
    entity: 'export',
    entityId: null,
    action: 'export_links',
    after: { rows: rows.length, identities, governorates: actor.governorates, columns: [...LINK_COLUMNS] },
  });
  const out = typeof opts.output === 'string' ? fs.createWriteStream(opts.output, { mode: 0o600 }) : opts.output;
  await writeTable(out, 'csv', [[...LINK_COLUMNS]], rows, { bom: false });
  if (out !== process.stdout) {
    out.end();
    if (!out.writableFinished) await finished(out, { readable: false });
  }
  return { rows: rows.length, identities, seconds: (performance.now() - started) / 1000 };
}
