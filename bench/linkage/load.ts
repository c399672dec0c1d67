// CSV loading for the linkage benchmarks.
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';

export function readCsv(path: string): { columns: string[]; rows: Record<string, string>[] } {
  const text = fs.readFileSync(path, 'utf8');
  const rows = parse(text, {
    columns: (h: string[]) => h.map((x) => x.trim()),
    trim: true,
    skip_empty_lines: true,
    relax_column_count: true,
  }) as Record<string, string>[];
  const first = text.slice(0, text.indexOf('\n'));
  const columns = (parse(first, { trim: true }) as string[][])[0] ?? [];
  return { columns, rows };
}
