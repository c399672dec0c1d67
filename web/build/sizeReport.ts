// The JavaScript a browser loads on first visit: the scripts and module preloads named in
// index.html (lazy chunks are not counted), measured gzipped.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export type SizeReport = { jsBytes: number; jsGzipBytes: number; files: { file: string; bytes: number; gzipBytes: number }[] };

export function firstLoadReport(dist: string): SizeReport {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const refs = new Set<string>();
  for (const m of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) refs.add(m[1]!);
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)) refs.add(m[1]!);
  const files = [...refs].map((ref) => {
    const buf = fs.readFileSync(path.join(dist, ref.replace(/^\//, '')));
    return { file: ref, bytes: buf.length, gzipBytes: gzipSync(buf, { level: 9 }).length };
  });
  return { jsBytes: files.reduce((s, f) => s + f.bytes, 0), jsGzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0), files };
}
