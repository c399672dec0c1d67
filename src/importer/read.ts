// Streaming readers for import files: CSV (our own RFC 4180 parser, for speed) and XLSX (xlsx.ts, first
// worksheet). Both yield the header, then rows in chunks of string cells, in constant memory.
import fs from 'node:fs';
import path from 'node:path';
import { importLimits } from '../shared/limits.ts';
import { ImportLimitError, ImportSetupError } from './columns.ts';
import { PartReader, SheetRows, openWorkbook } from './xlsx.ts';
import { openEntry } from './zip.ts';

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
  if (totalBytes > importLimits.fileBytes)
    throw new ImportLimitError(
      `it is larger than ${importLimits.fileBytes} bytes (the limit of an import file); split it into smaller files.`,
    );
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

/** Row n of the file (the header is row 1) for the n-th record (the header is record 1). */
function tooLongRecord(record: number): ImportLimitError {
  return new ImportLimitError(`row ${record} is longer than ${importLimits.rowChars} characters (the limit of a row).`);
}

/** Each record within the bounds of a row and of a cell; `before` records came earlier. */
function checkRecords(records: readonly string[][], before: number): void {
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    const n = before + i + 1;
    if (r.length > importLimits.rowCells)
      throw new ImportLimitError(`row ${n} has more than ${importLimits.rowCells} cells (the limit of a row).`);
    let chars = 0;
    for (const cell of r) {
      if (cell.length > importLimits.cellChars)
        throw new ImportLimitError(`row ${n} has a cell longer than ${importLimits.cellChars} characters (the limit of a cell).`);
      chars += cell.length;
    }
    if (chars > importLimits.rowChars) throw tooLongRecord(n);
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
      checkRecords(r.records, count);
      rest = r.rest;
      count += r.records.length;
      // an unfinished record is kept until its end comes: bounded, a record never outgrows the limit
      if (rest.length > importLimits.rowChars) throw tooLongRecord(count + 1);
      if (r.records.length > 0) yield r.records;
    }
    if (rest !== '') {
      const r = parseCsvChunk(rest, delimiter, true, count);
      checkRecords(r.records, count);
      if (r.records.length > 0) yield r.records;
    }
  }
  return withHeader(
    records(),
    'The file is empty: it needs a header row and data rows.',
    { bytesRead: () => input.bytesRead, close: () => input.destroy() },
    totalBytes,
  );
}

/** The first row of the first chunk as the header; the rest as the data chunks. */
async function withHeader(
  gen: AsyncGenerator<string[][]>,
  emptyMessage: string,
  input: { bytesRead: () => number; close: () => void },
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
  return { header: head, chunks: chunks(), bytesRead: input.bytesRead, totalBytes, close: input.close };
}

async function openXlsx(file: string, totalBytes: number): Promise<RowSource> {
  const wb = await openWorkbook(file);
  const entry = await openEntry(file, wb.sheet, importLimits.xlsxPartBytes, 'the worksheet');
  const rows = new SheetRows(wb);
  const reader = new PartReader(rows, importLimits.cellChars, 'the worksheet');
  async function* chunks(): AsyncGenerator<string[][]> {
    for await (const c of entry.chunks) {
      reader.write(c);
      if (rows.done.length >= CHUNK) yield rows.done.splice(0);
    }
    reader.end();
    if (rows.done.length > 0) yield rows.done.splice(0);
  }
  return withHeader(
    chunks(),
    'The first worksheet is empty: it needs a header row and data rows.',
    { bytesRead: () => entry.start + entry.compressedRead(), close: entry.close },
    totalBytes,
  );
}
