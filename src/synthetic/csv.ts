// Synthetic persons as CSV in the layout the registry import and `sanad link` read, plus an
// optional truth column for benchmark files (e.g. `cluster`). Rows are built into large string
// chunks and written through a stream with backpressure, so a million rows take seconds and
// memory stays flat.
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { SyntheticPerson } from './households.ts';
import { PERSON_CSV_COLUMNS } from '../shared/personColumns.ts';

export { PERSON_CSV_COLUMNS };

export interface PersonCsvOptions<T> {
  /** name of an extra last column holding the truth (cluster or entity id) */
  truthColumn?: string;
  /** the truth value of a row; by default its field named like the column, else its `cluster` */
  truth?: (row: T) => string | number | undefined;
  /** start the file with a UTF-8 byte order mark (for spreadsheet programs) */
  bom?: boolean;
}

function needsQuotes(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 44 || c === 34 || c === 10 || c === 13) return true;
  }
  return false;
}
const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;
function field(v: string | number | undefined): string {
  if (v === undefined) return '';
  if (typeof v === 'number') return String(v);
  return needsQuotes(v) ? quote(v) : v;
}

/** The Arabic full name: the known parts joined by single spaces. */
export function fullName(p: Pick<SyntheticPerson, 'givenName' | 'fatherName' | 'grandfatherName' | 'familyName'>): string {
  if (p.givenName && p.fatherName && p.grandfatherName && p.familyName)
    return `${p.givenName} ${p.fatherName} ${p.grandfatherName} ${p.familyName}`;
  let s = p.givenName;
  if (p.fatherName) s = s ? `${s} ${p.fatherName}` : p.fatherName;
  if (p.grandfatherName) s = s ? `${s} ${p.grandfatherName}` : p.grandfatherName;
  if (p.familyName) s = s ? `${s} ${p.familyName}` : p.familyName;
  return s;
}

export function personCsvHeader(truthColumn?: string): string {
  return `${PERSON_CSV_COLUMNS.join(',') + (truthColumn ? `,${field(truthColumn)}` : '')}\n`;
}

/** By default the truth is the row's field of the column's name, else its `cluster`. */
function defaultTruth(row: object, column: string): string | number | undefined {
  const r = row as Record<string, unknown>;
  const v = r[column] ?? r.cluster;
  return typeof v === 'string' || typeof v === 'number' ? v : undefined;
}

/** One CSV line (with its newline) for a person. */
export function personCsvLine<T extends SyntheticPerson>(p: T, opts?: PersonCsvOptions<T>): string {
  // The full name holds every name part, so one scan tells whether any part needs quoting. The
  // other fields are generated in fixed formats (ids, dates, digits, codes) without commas or
  // quotes. Age is written only where the date of birth is unknown, as the registry reads it.
  let given = p.givenName;
  let father = p.fatherName;
  let grand = p.grandfatherName;
  let family = p.familyName;
  let full = fullName(p);
  if (needsQuotes(full))
    (given = field(given)), (father = field(father)), (grand = field(grand)), (family = field(family)), (full = quote(full));
  const en = p.fullNameEn === undefined ? '' : field(p.fullNameEn);
  let line =
    p.recordId +
    ',' +
    given +
    ',' +
    father +
    ',' +
    grand +
    ',' +
    family +
    ',' +
    full +
    ',' +
    en +
    ',' +
    p.sex +
    ',' +
    (p.dateOfBirth ?? '') +
    ',' +
    (p.dateOfBirth === undefined ? (p.age ?? '') : '') +
    ',' +
    (p.nationalId ?? '') +
    ',' +
    (p.phone ?? '') +
    ',' +
    p.governorate +
    ',' +
    p.householdId +
    ',' +
    p.relationship;
  if (opts?.truthColumn) line += `,${field(opts.truth ? opts.truth(p) : defaultTruth(p, opts.truthColumn))}`;
  return `${line}\n`;
}

export interface CsvWriteResult {
  rows: number;
  bytes: number;
}

const BUFFER_BYTES = 1 << 20;

/**
 * Writes the rows to a file path or a writable stream (which is ended afterwards). Lines are
 * encoded straight into 1 MiB buffers; a full buffer is written and, when the stream's own buffer
 * is full, the writer waits for 'drain', so a slow disk never makes memory grow.
 */
export async function writePersonsCsv<T extends SyntheticPerson>(
  rows: Iterable<T> | AsyncIterable<T>,
  out: string | Writable,
  opts: PersonCsvOptions<T> = {},
): Promise<CsvWriteResult> {
  const stream = typeof out === 'string' ? createWriteStream(out, { highWaterMark: 4 * BUFFER_BYTES }) : out;
  // An error may come while rows are being generated (e.g. the file cannot be opened): keep it
  // and fail at the next wait instead of crashing on an unhandled 'error' event.
  const state: { failure?: unknown } = {};
  const onError = (e: unknown) => (state.failure ??= e);
  stream.on('error', onError);
  try {
    return await writeAll(stream, rows, opts, state);
  } finally {
    stream.off('error', onError);
  }
}

async function writeAll<T extends SyntheticPerson>(
  stream: Writable,
  rows: Iterable<T> | AsyncIterable<T>,
  opts: PersonCsvOptions<T>,
  state: { failure?: unknown },
): Promise<CsvWriteResult> {
  let bytes = 0;
  let count = 0;
  let buf = Buffer.allocUnsafe(BUFFER_BYTES);
  let pos = 0;
  const flush = async () => {
    if (pos === 0) return;
    const ok = stream.write(buf.subarray(0, pos));
    bytes += pos;
    buf = Buffer.allocUnsafe(BUFFER_BYTES);
    pos = 0;
    if (!ok || state.failure !== undefined) await event(stream, 'drain', state);
  };
  // A UTF-16 code unit takes at most 3 bytes in UTF-8.
  const put = (s: string): boolean => {
    if (pos + s.length * 3 > BUFFER_BYTES) {
      if (s.length * 3 > BUFFER_BYTES) throw new RangeError('CSV line too long');
      return false;
    }
    pos += buf.write(s, pos, 'utf8');
    return true;
  };
  put((opts.bom ? '\uFEFF' : '') + personCsvHeader(opts.truthColumn));
  if (Symbol.iterator in rows) {
    // Synchronous sources are read without a microtask per row; only full buffers wait.
    for (const row of rows) {
      const line = personCsvLine(row, opts);
      if (!put(line)) await flush(), put(line);
      count++;
    }
  } else {
    for await (const row of rows) {
      const line = personCsvLine(row, opts);
      if (!put(line)) await flush(), put(line);
      count++;
    }
  }
  await flush();
  const finished = event(stream, 'finish', state);
  stream.end();
  await finished;
  return { rows: count, bytes };
}

/** Resolves on `name`, rejects on an error (past or coming), and leaves no listener behind. */
function event(stream: Writable, name: 'drain' | 'finish', state: { failure?: unknown }): Promise<void> {
  if (state.failure !== undefined) return Promise.reject(state.failure);
  return new Promise((resolve, reject) => {
    const done = () => {
      stream.off('error', fail);
      resolve();
    };
    const fail = (e: unknown) => {
      stream.off(name, done);
      reject(e);
    };
    stream.once(name, done);
    stream.once('error', fail);
  });
}
