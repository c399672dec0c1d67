// Streaming readers for import files: CSV (our own RFC 4180 parser, for speed) and XLSX (exceljs' streaming reader, first
// worksheet). Both yield the header, then rows in chunks of string cells, in constant memory.
import fs from 'node:fs';
import path from 'node:path';
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
  return format === 'xlsx'
    ? openXlsx(file, totalBytes)
    : openCsv(file, totalBytes, opts.delimiter ?? (file.toLowerCase().endsWith('.tsv') ? '\t' : ','));
}

const CHUNK = 2000;
/** A CSV syntax error: names the record, never the content. */
function csvSyntax(record: number): ImportSetupError {
  return new ImportSetupError(`The CSV file cannot be read at data record ${record}: a quoted field is not closed properly.`);
}

/**
 * RFC 4180 CSV, parsed chunk by chunk: quoted fields (with "" inside, delimiters and line breaks),
 * CRLF or LF line ends, blank lines skipped. Returns the complete records and the unparsed rest.
 */
export function parseCsvChunk(text: string, delimiter: string, final: boolean, recordsBefore = 0): { records: string[][]; rest: string } {
  const records: string[][] = [];
  const n = text.length;
  const D = delimiter.charCodeAt(0);
  // Fast path: no quotes in this chunk.
  if (text.indexOf('"') === -1) {
    const lines = text.split('\n');
    const rest = final ? '' : (lines.pop() ?? '');
    for (let line of lines) {
      if (line.length > 0 && line.charCodeAt(line.length - 1) === 13) line = line.slice(0, -1);
      if (line.length === 0) continue;
      records.push(line.split(delimiter));
    }
    if (final && rest !== '') records.push(rest.split(delimiter));
    return { records, rest };
  }
  let i = 0;
  let recStart = 0;
  let row: string[] = [];
  for (;;) {
    if (i >= n) {
      // End of the text at the start of a field.
      if (final && row.length > 0) {
        row.push('');
        records.push(row);
      }
      return { records, rest: final ? '' : text.slice(recStart) };
    }
    const c = text.charCodeAt(i);
    if (row.length === 0 && (c === 10 || c === 13)) {
      // Blank line.
      i++;
      recStart = i;
      continue;
    }
    let value: string;
    let j: number;
    if (c === 34) {
      value = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q === -1) {
          if (final) throw csvSyntax(recordsBefore + records.length + 1);
          return { records, rest: text.slice(recStart) };
        }
        if (q + 1 < n && text.charCodeAt(q + 1) === 34) {
          value += text.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        if (q + 1 >= n && !final) return { records, rest: text.slice(recStart) };
        value += text.slice(from, q);
        j = q + 1;
        break;
      }
      if (j < n) {
        const e = text.charCodeAt(j);
        if (e !== D && e !== 10 && e !== 13) throw csvSyntax(recordsBefore + records.length + 1);
      }
    } else {
      j = i;
      while (j < n) {
        const e = text.charCodeAt(j);
        if (e === D || e === 10 || e === 13) break;
        j++;
      }
      if (j >= n && !final) return { records, rest: text.slice(recStart) };
      value = text.slice(i, j);
    }
    row.push(value);
    if (j >= n) {
      records.push(row);
      return { records, rest: '' };
    }
    const e = text.charCodeAt(j);
    if (e === D) {
      i = j + 1;
      if (i >= n && !final) return { records, rest: text.slice(recStart) };
      continue;
    }
    // End of record: CR, LF or CRLF.
    if (e === 13 && j + 1 >= n && !final) return { records, rest: text.slice(recStart) };
    i = e === 13 && text.charCodeAt(j + 1) === 10 ? j + 2 : j + 1;
    records.push(row);
    row = [];
    recStart = i;
  }
}

async function openCsv(file: string, totalBytes: number, delimiter: string): Promise<RowSource> {
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r')
    throw new ImportSetupError('The CSV delimiter must be one character (not a quote or line break).');
  const input = fs.createReadStream(file, { highWaterMark: 1 << 20, encoding: 'utf8' });
  async function* records(): AsyncGenerator<string[][]> {
    let rest = '';
    let count = 0;
    let first = true;
    for await (const chunk of input) {
      let text = rest + (chunk as string);
      if (first) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        first = false;
      }
      const r = parseCsvChunk(text, delimiter, false, count);
      rest = r.rest;
      count += r.records.length;
      if (r.records.length > 0) yield r.records;
    }
    if (rest !== '') {
      const r = parseCsvChunk(rest, delimiter, true, count);
      if (r.records.length > 0) yield r.records;
    }
  }
  return withHeader(records(), 'The file is empty: it needs a header row and data rows.', input, totalBytes);
}

/** The first row of the first chunk as the header; the rest as the data chunks. */
async function withHeader(
  gen: AsyncGenerator<string[][]>,
  emptyMessage: string,
  input: fs.ReadStream,
  totalBytes: number,
): Promise<RowSource> {
  const first = await gen.next();
  const head = first.done ? undefined : first.value[0];
  if (!head || head.length === 0) throw new ImportSetupError(emptyMessage);
  const rest = first.done ? [] : first.value.slice(1);
  async function* chunks(): AsyncGenerator<string[][]> {
    if (rest.length > 0) yield rest;
    yield* gen;
  }
  return { header: head, chunks: chunks(), bytesRead: () => input.bytesRead, totalBytes, close: () => input.destroy() };
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
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
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    entries: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  });
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
  return withHeader(rows(), 'The first worksheet is empty: it needs a header row and data rows.', input, totalBytes);
}
