// File mode helpers (the engine itself does no I/O): stream CSV inputs into a Dataset, write the
// clusters and scored pairs.
import fs from 'node:fs';
import { once } from 'node:events';
import { parse } from 'csv-parse';
import { Dataset } from './dataset.ts';
import { DECISION_NAMES, type LinkResult } from './engine.ts';
import type { LinkSettings } from './settings.ts';
import type { RawRecord } from './fields.ts';

/** Header row of a CSV file (first line only). */
export async function readHeader(path: string): Promise<string[]> {
  const stream = fs.createReadStream(path, { encoding: 'utf8', highWaterMark: 64 * 1024 });
  const parser = stream.pipe(parse({ trim: true, bom: true, to_line: 1, relax_column_count: true }));
  for await (const row of parser as AsyncIterable<string[]>) {
    stream.destroy();
    return row.map((x) => x.trim());
  }
  return [];
}

/** Streams the inputs' rows into a new Dataset. */
export async function loadInputs(paths: string[], settings: LinkSettings, onRow?: (rows: number, bytes: number) => void): Promise<Dataset> {
  const headers = await Promise.all(paths.map(readHeader));
  const ds = new Dataset(settings, headers.flat());
  let bytes = 0;
  for (let s = 0; s < paths.length; s++) {
    const stream = fs.createReadStream(paths[s]!, { highWaterMark: 1 << 20 });
    stream.on('data', (c) => (bytes += c.length));
    const parser = stream.pipe(
      parse({ columns: (h: string[]) => h.map((x) => x.trim()), trim: true, bom: true, skip_empty_lines: true, relax_column_count: true }),
    );
    for await (const rec of parser as AsyncIterable<RawRecord>) {
      ds.add(rec, s);
      if (onRow && (ds.n & 4095) === 0) onRow(ds.n, bytes);
    }
  }
  ds.finalize();
  return ds;
}

const esc = (s: string): string => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

async function writeLines(path: string, gen: Iterable<string>): Promise<void> {
  const out = fs.createWriteStream(path, { encoding: 'utf8' });
  let buf = '';
  for (const line of gen) {
    buf += `${line}\n`;
    if (buf.length > 1 << 16) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
}

/** clusters.csv: record_id,cluster_id (plus input, 1 or 2, when two inputs were linked). */
export async function writeClusters(path: string, r: LinkResult, inputs: number): Promise<void> {
  const ds = r.dataset;
  function* lines(): Iterable<string> {
    yield inputs > 1 ? 'record_id,cluster_id,input' : 'record_id,cluster_id';
    for (let i = 0; i < ds.n; i++) {
      const base = `${esc(ds.ids[i]!)},${r.clusterOf[i]}`;
      yield inputs > 1 ? `${base},${ds.source.a[i]! + 1}` : base;
    }
  }
  await writeLines(path, lines());
}

/**
 * pairs.csv: one row per scored candidate pair (by default those linked or sent to review), with
 * the match weight, probability, decision, and per field the level and weight it contributed.
 */
export async function writePairs(path: string, r: LinkResult, inputs: number, all = false): Promise<void> {
  const ds = r.dataset;
  const fields = ds.fields.map((f) => f.name);
  function* lines(): Iterable<string> {
    const head = ['record_id_l', 'record_id_r'];
    if (inputs > 1) head.push('input_l', 'input_r');
    head.push('match_weight', 'match_probability', 'decision', 'conflict');
    for (const f of fields) head.push(`${f}_level`, `${f}_weight`);
    yield head.join(',');
    for (let k = 0; k < r.a.length; k++) {
      if (!all && r.decision[k] === 0) continue;
      const i = r.a[k]!,
        j = r.b[k]!;
      const w = r.weight[k]!;
      const row = [esc(ds.ids[i]!), esc(ds.ids[j]!)];
      if (inputs > 1) row.push(String(ds.source.a[i]! + 1), String(ds.source.a[j]! + 1));
      row.push(w.toFixed(3), (1 / (1 + 2 ** -w)).toFixed(6), DECISION_NAMES[r.decision[k]!]!, ds.conflict(i, j) ? '1' : '0');
      for (const c of r.explain(i, j)) row.push(esc(c.level), (c.weight + c.tf).toFixed(3));
      yield row.join(',');
    }
  }
  await writeLines(path, lines());
}
