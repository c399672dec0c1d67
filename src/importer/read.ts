// Streaming readers for import files: CSV (csv-parse) and XLSX (exceljs' streaming reader, first
// worksheet). Both yield the header, then rows in chunks of string cells, in constant memory.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { ImportSetupError } from './columns.ts';

export type FileFormat = 'csv' | 'xlsx';

export type RowSource = {
  header: string[];
  /** Data rows in file order, in chunks. */
  chunks: AsyncGenerator<string[][]>;
  /** Bytes of the file read so far (progress). */
  bytesRead: () => number;
  totalBytes: number;
  close: () => void;
};

export function formatOf(file: string, explicit?: string): FileFormat {
  const f = (explicit ?? path.extname(file).slice(1)).toLowerCase();
  if (f === 'xlsx') return 'xlsx';
  if (f === 'csv' || f === 'txt' || f === 'tsv' || f === '') return 'csv';
  throw new ImportSetupError(`Unknown file format '${f}': give a .csv or .xlsx file (or --format csv|xlsx).`);
}

export async function openRows(file: string, format: FileFormat, opts: { delimiter?: string } = {}): Promise<RowSource> {
  const totalBytes = (await fs.promises.stat(file)).size;
  return format === 'xlsx' ? openXlsx(file, totalBytes) : openCsv(file, totalBytes, opts.delimiter ?? (file.toLowerCase().endsWith('.tsv') ? '\t' : ','));
}

const CHUNK = 2000;

async function openCsv(file: string, totalBytes: number, delimiter: string): Promise<RowSource> {
  const input = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  const parser = parse({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: true });
  let failure: Error | undefined;
  const fail = (e: Error) => {
    failure ??= e;
  };
  input.on('error', (e) => {
    fail(e);
    parser.destroy(e);
  });
  parser.on('error', fail);
  input.pipe(parser);

  const wait = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        parser.off('readable', done);
        parser.off('end', done);
        parser.off('error', done);
        parser.off('close', done);
        resolve();
      };
      parser.on('readable', done);
      parser.on('end', done);
      parser.on('error', done);
      parser.on('close', done);
    });

  async function* records(): AsyncGenerator<string[][]> {
    for (;;) {
      if (failure) throw csvError(failure);
      const batch: string[][] = [];
      let rec: string[] | null;
      while (batch.length < CHUNK && (rec = parser.read() as string[] | null) !== null) batch.push(rec);
      if (batch.length > 0) {
        yield batch;
        continue;
      }
      if (parser.readableEnded || parser.destroyed) {
        if (failure) throw csvError(failure);
        return;
      }
      await wait();
    }
  }
  const gen = records();
  const first = await gen.next();
  const head = first.done ? undefined : first.value[0];
  if (!head) throw new ImportSetupError('The file is empty: it needs a header row and data rows.');
  const rest = first.done ? [] : first.value.slice(1);
  async function* chunks(): AsyncGenerator<string[][]> {
    if (rest.length > 0) yield rest;
    yield* gen;
  }
  return {
    header: head,
    chunks: chunks(),
    bytesRead: () => input.bytesRead,
    totalBytes,
    close: () => {
      input.destroy();
      parser.destroy();
    },
  };
}

/** CSV syntax errors name the line, never the content. */
function csvError(e: Error): Error {
  const c = e as Error & { code?: string; lines?: number };
  if (c.code && c.code.startsWith('CSV_')) return new ImportSetupError(`The CSV file cannot be read near line ${c.lines ?? '?'} (${c.code}).`);
  return e;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v);
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if ('result' in o) return cellText(o.result);
    if (typeof o.text === 'string') return o.text;
  }
  return '';
}

async function openXlsx(file: string, totalBytes: number): Promise<RowSource> {
  const input = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { entries: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit' });
  async function* rows(): AsyncGenerator<string[][]> {
    for await (const sheet of reader) {
      let batch: string[][] = [];
      // Blank rows are skipped, as in CSV files (rows are numbered as they come).
      for await (const row of sheet) {
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
        batch.push(cells);
        if (batch.length >= CHUNK) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
      return; // first worksheet only
    }
  }
  const gen = rows();
  const first = await gen.next();
  const head = first.done ? undefined : first.value[0];
  if (!head || head.length === 0) throw new ImportSetupError('The first worksheet is empty: it needs a header row and data rows.');
  const rest = first.done ? [] : first.value.slice(1);
  async function* chunks(): AsyncGenerator<string[][]> {
    if (rest.length > 0) yield rest;
    yield* gen;
  }
  return {
    header: head,
    chunks: chunks(),
    bytesRead: () => input.bytesRead,
    totalBytes,
    close: () => input.destroy(),
  };
}
