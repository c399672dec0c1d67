// The first worksheet of an XLSX workbook as rows of text cells, streamed and bounded: every part
// is inflated with a size bound (zip.ts), each shared string and cell is bounded while it is read
// (a 2.5 MB file with one gigantic shared string stops at the limit, it is never built in memory),
// and cells without a reference (no r attribute, which the format allows) take the next column.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { importLimits } from '../shared/limits.ts';
import { ImportLimitError } from './columns.ts';
import { openEntry, type ZipEntry, zipEntries } from './zip.ts';

type Handlers = {
  open?: (name: string, attrs: Record<string, string>) => void;
  text?: (text: string) => void;
  close?: (name: string) => void;
};

const localName = (name: string) => name.slice(name.indexOf(':') + 1);
const DECODER_OPTS = { fatal: false } as const;

/**
 * A streaming XML reader for one part. Text between two tags is bounded before the parser holds
 * it: more than 12 x `limit` characters since the last '<' stop the read (a character reference
 * such as &#1114111; is ten characters for one: the margin keeps a text within the limit readable;
 * the handlers check the limit exactly).
 */
export class PartReader {
  private readonly parser = new SaxesParser();
  private readonly decoder = new TextDecoder('utf-8', DECODER_OPTS);
  private run = 0;
  private readonly maxRun: number;
  constructor(
    h: Handlers,
    private readonly limit: number,
    private readonly what: string,
  ) {
    this.maxRun = 12 * limit + 1024;
    if (h.open) {
      const open = h.open;
      this.parser.on('opentag', (t: SaxesTagPlain) => open(localName(t.name), t.attributes as Record<string, string>));
    }
    if (h.text) this.parser.on('text', h.text);
    if (h.close) {
      const close = h.close;
      this.parser.on('closetag', (t: SaxesTagPlain) => close(localName(t.name)));
    }
    this.parser.on('error', () => {
      throw new ImportLimitError(`${this.what} is not well-formed XML.`);
    });
  }

  write(bytes: Buffer): void {
    const text = this.decoder.decode(bytes, { stream: true });
    const lt = text.lastIndexOf('<');
    this.run = lt < 0 ? this.run + text.length : text.length - lt - 1;
    if (this.run > this.maxRun) throw new ImportLimitError(`a text in ${this.what} is longer than ${this.limit} characters.`);
    this.parser.write(text);
  }

  end(): void {
    this.parser.write(this.decoder.decode());
    this.parser.close();
  }
}

/** Reads a whole (small or bounded) part through the handlers. */
async function readPart(file: string, entry: ZipEntry | undefined, what: string, h: Handlers, limit: number): Promise<void> {
  if (!entry) return;
  const s = await openEntry(file, entry, importLimits.xlsxPartBytes, what);
  try {
    const r = new PartReader(h, limit, what);
    for await (const c of s.chunks) r.write(c);
    r.end();
  } finally {
    s.close();
  }
}

/** Where the first worksheet, the shared strings and the styles are (workbook.xml and its relationships). */
async function partsOf(file: string, entries: Map<string, ZipEntry>) {
  const firstSheet: { rid?: string } = {};
  let date1904 = false;
  await readPart(
    file,
    entries.get('xl/workbook.xml'),
    'the workbook',
    {
      open: (n, a) => {
        if (n === 'sheet' && firstSheet.rid === undefined) firstSheet.rid = a['r:id'] ?? a.id;
        if (n === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      },
    },
    65_536,
  );
  const targets = new Map<string, string>();
  const byType = new Map<string, string>();
  await readPart(
    file,
    entries.get('xl/_rels/workbook.xml.rels'),
    'the workbook relationships',
    {
      open: (n, a) => {
        if (n !== 'Relationship' || !a.Target) return;
        const target = a.Target.startsWith('/') ? a.Target.slice(1) : `xl/${a.Target}`;
        if (a.Id) targets.set(a.Id, target);
        if (a.Type) byType.set(a.Type.slice(a.Type.lastIndexOf('/') + 1), target);
      },
    },
    65_536,
  );
  const sheet = (firstSheet.rid && targets.get(firstSheet.rid)) ?? 'xl/worksheets/sheet1.xml';
  return {
    sheet: entries.get(sheet),
    sharedStrings: entries.get(byType.get('sharedStrings') ?? 'xl/sharedStrings.xml'),
    styles: entries.get(byType.get('styles') ?? 'xl/styles.xml'),
    date1904,
  };
}

/** The shared strings, each bounded (sharedStringChars), all together bounded too. */
async function readSharedStrings(file: string, entry: ZipEntry | undefined): Promise<string[]> {
  const max = importLimits.sharedStringChars;
  const strings: string[] = [];
  let total = 0;
  let cur: string | null = null;
  let inT = false;
  let phonetic = 0;
  await readPart(
    file,
    entry,
    'the shared strings',
    {
      open: (n) => {
        if (n === 'si') cur = '';
        else if (n === 't') inT = true;
        else if (n === 'rPh') phonetic++;
      },
      text: (t) => {
        if (cur === null || !inT || phonetic > 0) return;
        cur += t;
        if (cur.length > max)
          throw new ImportLimitError(`shared string ${strings.length + 1} is longer than ${max} characters (the limit of a cell).`);
      },
      close: (n) => {
        if (n === 't') inT = false;
        else if (n === 'rPh') phonetic--;
        else if (n === 'si' && cur !== null) {
          total += cur.length;
          if (total > importLimits.sharedStringsChars)
            throw new ImportLimitError(`the shared strings are longer than ${importLimits.sharedStringsChars} characters together.`);
          strings.push(cur);
          cur = null;
        }
      },
    },
    max,
  );
  return strings;
}

const BUILTIN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

/** Whether a number format shows a date: a built-in date format, or a code with d, m or y outside quotes and brackets. */
export function isDateFormat(id: number, code: string | undefined): boolean {
  if (BUILTIN_DATES.has(id)) return true;
  if (code === undefined) return false;
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return /[dmy]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

/** For each cell style (the s attribute), whether it shows a date. */
async function readDateStyles(file: string, entry: ZipEntry | undefined): Promise<boolean[]> {
  const codes = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  await readPart(
    file,
    entry,
    'the styles',
    {
      open: (n, a) => {
        if (n === 'numFmt' && a.numFmtId) codes.set(Number(a.numFmtId), a.formatCode ?? '');
        else if (n === 'cellXfs') inCellXfs = true;
        else if (n === 'xf' && inCellXfs) xfs.push(Number(a.numFmtId ?? 0));
      },
      close: (n) => {
        if (n === 'cellXfs') inCellXfs = false;
      },
    },
    65_536,
  );
  return xfs.map((id) => isDateFormat(id, codes.get(id)));
}

/** The column of a cell reference (A1 -> 0, AB7 -> 27), or undefined without one. */
export function columnOf(ref: string | undefined): number | undefined {
  if (!ref) return undefined;
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return i === 0 ? undefined : col - 1;
}

const DAY_MS = 86_400_000;

/** A date serial as YYYY-MM-DD (the 1900 system counts from 1899-12-30, the 1904 system from 1904-01-01). */
export function serialDay(serial: number, date1904: boolean): string {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const d = new Date(epoch + Math.round(serial * DAY_MS));
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

export type Workbook = { sheet: ZipEntry; strings: string[]; dateStyles: boolean[]; date1904: boolean };

/** Opens the workbook: finds the first worksheet, reads the shared strings and styles (bounded). */
export async function openWorkbook(file: string): Promise<Workbook> {
  const entries = await zipEntries(file);
  const parts = await partsOf(file, entries);
  if (!parts.sheet) throw new ImportLimitError('the workbook has no worksheet.');
  const strings = await readSharedStrings(file, parts.sharedStrings);
  const dateStyles = await readDateStyles(file, parts.styles);
  return { sheet: parts.sheet, strings, dateStyles, date1904: parts.date1904 };
}

/** One cell's text by its type: shared string, inline string, formula string, boolean, error, date or number. */
function cellValue(wb: Workbook, type: string | undefined, style: number, v: string, inline: string): string {
  switch (type) {
    case 's':
      return wb.strings[Number(v)] ?? '';
    case 'inlineStr':
      return inline;
    case 'str':
      return v;
    case 'b':
      return v === '1' || v === 'true' ? 'true' : 'false';
    case 'e':
      return '';
    case 'd':
      return v.slice(0, 10);
    default: {
      if (v === '') return '';
      const n = Number(v);
      if (!Number.isFinite(n)) return v;
      return wb.dateStyles[style] ? serialDay(n, wb.date1904) : String(n);
    }
  }
}

/** Builds rows from a worksheet's XML events; cells without a reference take the next column. */
export class SheetRows {
  readonly done: string[][] = [];
  private row: string[] | null = null;
  private rowChars = 0;
  private rowNumber = 0;
  private col = 0;
  private cell: { type?: string; style: number; v: string; inline: string } | null = null;
  private inV = false;
  private inT = false;
  private phonetic = 0;

  constructor(private readonly wb: Workbook) {}

  private limit(message: string): ImportLimitError {
    return new ImportLimitError(`row ${this.rowNumber} of the worksheet ${message}`);
  }

  open = (n: string, a: Record<string, string>): void => {
    if (n === 'row') {
      this.row = [];
      this.rowChars = 0;
      this.col = 0;
      this.rowNumber = a.r ? Number(a.r) : this.rowNumber + 1;
    } else if (n === 'c' && this.row) {
      this.col = columnOf(a.r) ?? this.col;
      if (this.col >= importLimits.rowCells) throw this.limit(`has more than ${importLimits.rowCells} columns (the limit of a row).`);
      this.cell = { type: a.t, style: Number(a.s ?? 0), v: '', inline: '' };
    } else if (n === 'v') this.inV = true;
    else if (n === 't') this.inT = true;
    else if (n === 'rPh') this.phonetic++;
  };

  text = (t: string): void => {
    const c = this.cell;
    if (!c) return;
    if (this.inV) c.v += t;
    else if (this.inT && this.phonetic === 0) c.inline += t;
    else return;
    if (c.v.length + c.inline.length > importLimits.cellChars)
      throw this.limit(`has a cell longer than ${importLimits.cellChars} characters (the limit of a cell).`);
  };

  close = (n: string): void => {
    if (n === 'v') this.inV = false;
    else if (n === 't') this.inT = false;
    else if (n === 'rPh') this.phonetic--;
    else if (n === 'c' && this.row && this.cell) {
      const value = cellValue(this.wb, this.cell.type, this.cell.style, this.cell.v, this.cell.inline);
      this.rowChars += value.length;
      if (this.rowChars > importLimits.rowChars)
        throw this.limit(`is longer than ${importLimits.rowChars} characters (the limit of a row).`);
      while (this.row.length < this.col) this.row.push('');
      this.row[this.col] = value;
      this.col++;
      this.cell = null;
    } else if (n === 'row' && this.row) {
      // Blank rows are skipped, as in CSV files (rows are numbered as they come).
      if (this.row.some((x) => x !== '')) this.done.push(this.row);
      this.row = null;
    }
  };
}
