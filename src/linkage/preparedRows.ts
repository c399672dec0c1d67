// The prepared comparison fields of the persons a full run read, kept with its blocks (issue #11,
// migration 0059), so that an incremental run takes its blocks' members as the full run prepared
// them instead of reading their records again and preparing them (their names normalised and
// split, their dates parsed, their IDs' check digits computed).
//  - A row is what the dataset holds for a record: the name parts (Arabic and Latin tokens, four
//    each), and per comparison field its value (date: year and month * 32 + day; ID: the digits
//    and whether the check digit holds; phone: the digits; sex; a category: its value).
//  - Tokens and category values are numbers into the set's dictionaries (kept once, in the
//    set), the digits as numbers (with their length, for leading zeros): each number a varint.
//  - Rows go in chunks of the row → person map (1,024 rows), in row (id) order.
// Only the kinds of field the registry compares are kept; a dataset with others (a household
// field, tokens, term frequencies of dates or categories) keeps none and the run reads records.
// A row is valid as long as its person has not changed since the full run read it: a person
// changed since is read again. No I/O.
import type { Dataset } from './dataset.ts';
import type { DigitDict } from './typedColumns.ts';
import { DateField, type Field, IdField, NamePartField, PhoneField, SexField, StringField } from './fields.ts';

type Kind = 'name' | 'date' | 'id' | 'phone' | 'sex' | 'dict';

/** The kind of each field of `ds`, or null when a field cannot be kept as prepared. */
function kindsOf(ds: Dataset): Kind[] | null {
  const kinds: Kind[] = [];
  for (const f of ds.fields) {
    const k = kindOf(f);
    if (!k) return null;
    kinds.push(k);
  }
  return kinds;
}

function kindOf(f: Field): Kind | null {
  if (f instanceof NamePartField) return 'name';
  // a term frequency of dates or categories is counted over the rows read: not kept
  if (f instanceof DateField) return f.tf ? null : 'date';
  if (f instanceof IdField) return 'id';
  if (f instanceof PhoneField) return 'phone';
  if (f instanceof SexField) return 'sex';
  if (f instanceof StringField) return f.tf ? null : 'dict';
  return null;
}

/** Whether the rows of `ds` can be kept as prepared. */
export const preparable = (ds: Dataset): boolean => kindsOf(ds) !== null;

/** A growing byte buffer of varints. */
class Bytes {
  a = new Uint8Array(1 << 16);
  n = 0;
  uint(v: number): void {
    if (this.n + 10 > this.a.length) {
      const b = new Uint8Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    while (v >= 128) {
      this.a[this.n++] = (v % 128) | 128;
      v = Math.floor(v / 128);
    }
    this.a[this.n++] = v;
  }
  ascii(s: string): void {
    for (let k = 0; k < s.length; k++) this.uint(s.charCodeAt(k));
  }
  take(): Buffer {
    const b = Buffer.from(this.a.subarray(0, this.n));
    this.n = 0;
    return b;
  }
}

/** Digits (an ID, a phone; id `v` of `dict`): 0 none; 1..15 the length, then the number; 16 longer: the length, then each digit. */
function putDigits(out: Bytes, dict: DigitDict, v: number): void {
  const len = dict.length.a[v]!,
    value = dict.value.a[v]!;
  if (len >= 1 && len <= 15 && !Number.isNaN(value)) {
    out.uint(len);
    out.uint(value);
  } else {
    const s = dict.string(v);
    out.uint(16);
    out.uint(s.length);
    out.ascii(s);
  }
}

/** The dictionaries of the set: the name tokens, then per field its values ('' for a field without). */
export type PreparedDicts = string[];

/**
 * The rows of a full run's dataset as prepared, a chunk at a time: `order` lists the dataset's
 * rows in kept-row order (the persons in id order). Null when the dataset cannot be kept so.
 */
export function preparedChunks(
  ds: Dataset,
  order: ArrayLike<number>,
  chunkRows: number,
): { dicts: PreparedDicts; chunks: Generator<Buffer> } | null {
  const kinds = kindsOf(ds);
  if (!kinds) return null;
  const dicts: PreparedDicts = [ds.names.dict.strings.join('\n')];
  ds.fields.forEach((f, k) => dicts.push(kinds[k] === 'dict' ? (f as StringField).dict.strings.join('\n') : ''));
  // a newline in a value would split it: keep nothing then
  if (ds.names.dict.strings.some((s) => s.includes('\n'))) return null;
  if (ds.fields.some((f, k) => kinds[k] === 'dict' && (f as StringField).dict.strings.some((s) => s.includes('\n')))) return null;
  function* chunks(): Generator<Buffer> {
    const out = new Bytes();
    for (let s = 0; s < order.length; s += chunkRows) {
      const end = Math.min(order.length, s + chunkRows);
      for (let k = s; k < end; k++) putRow(ds, kinds!, order[k]!, out);
      yield out.take();
    }
  }
  return { dicts, chunks: chunks() };
}

function putRow(ds: Dataset, kinds: Kind[], r: number, out: Bytes): void {
  const names = ds.names;
  for (let p = 0; p < 4; p++) out.uint(names.ar.a[r * 4 + p]! + 1);
  for (let p = 0; p < 4; p++) out.uint(names.lat.a[r * 4 + p]! + 1);
  ds.fields.forEach((f, k) => {
    switch (kinds[k]) {
      case 'date':
        out.uint((f as DateField).y.a[r]!);
        out.uint((f as DateField).md.a[r]!);
        break;
      case 'id': {
        const id = f as IdField;
        const v = id.v.a[r]!;
        if (v === 0) out.uint(0);
        else putDigits(out, id.dict, v - 1);
        out.uint(id.valid.a[r]!);
        break;
      }
      case 'phone': {
        const ph = f as PhoneField;
        const v = ph.v.a[r]!;
        if (v === 0) out.uint(0);
        else putDigits(out, ph.dict, v - 1);
        break;
      }
      case 'sex':
        out.uint((f as SexField).v.a[r]!);
        break;
      case 'dict':
        out.uint((f as StringField).v.a[r]!);
        break;
    }
  });
}

/**
 * Writes kept prepared rows into a dataset being built (rows appended in the order asked), as
 * the full run's dataset held them: the same tokens, values and digits, under this dataset's
 * own dictionary ids.
 */
export class PreparedReader {
  private readonly kinds: Kind[];
  private readonly tokens: string[];
  private readonly tokenId: Int32Array;
  private readonly values: (string[] | null)[];
  private readonly valueId: (Int32Array | null)[];
  private at = 0;
  private buf: Uint8Array = new Uint8Array(0);
  /** a row's name parts, reused */
  private readonly ar = [0, 0, 0, 0];
  private readonly lat = [0, 0, 0, 0];

  /** Null when the kept rows were made for other fields than `ds`'s. */
  static of(ds: Dataset, dicts: PreparedDicts): PreparedReader | null {
    const kinds = kindsOf(ds);
    if (!kinds || dicts.length !== ds.fields.length + 1) return null;
    return new PreparedReader(ds, kinds, dicts);
  }

  private constructor(
    private readonly ds: Dataset,
    kinds: Kind[],
    dicts: PreparedDicts,
  ) {
    this.kinds = kinds;
    this.tokens = dicts[0] ? dicts[0].split('\n') : [];
    this.tokenId = new Int32Array(this.tokens.length).fill(-1);
    this.values = dicts.slice(1).map((d, k) => (kinds[k] === 'dict' ? (d ? d.split('\n') : []) : null));
    this.valueId = this.values.map((v) => (v ? new Int32Array(v.length).fill(-1) : null));
  }

  /** The byte offset of each row of a chunk (rows' lengths vary). */
  offsets(chunk: Uint8Array, rows: number): Int32Array {
    const off = new Int32Array(rows);
    this.buf = chunk;
    this.at = 0;
    for (let k = 0; k < rows; k++) {
      off[k] = this.at;
      this.skipRow();
    }
    return off;
  }

  private uint(): number {
    const b = this.buf;
    let v = 0,
      mul = 1;
    for (;;) {
      const x = b[this.at++]!;
      v += (x & 127) * mul;
      if (x < 128) return v;
      mul *= 128;
    }
  }

  /** The digits' id + 1 in `dict` (0 none): by their value, without a string, up to 15 digits. */
  private digits(dict: DigitDict | null): number {
    const h = this.uint();
    if (h === 0) return 0;
    if (h <= 15) {
      const value = this.uint();
      return dict ? dict.idOf(h, value) + 1 : 1;
    }
    const len = this.uint();
    let s = '';
    for (let k = 0; k < len; k++) s += String.fromCharCode(this.uint());
    return dict ? dict.id(s) + 1 : 1;
  }

  private skipRow(): void {
    for (let k = 0; k < 8; k++) this.uint();
    for (const kind of this.kinds) {
      if (kind === 'date') {
        this.uint();
        this.uint();
      } else if (kind === 'id') {
        this.digits(null);
        this.uint();
      } else if (kind === 'phone') this.digits(null);
      else if (kind !== 'name') this.uint();
    }
  }

  private token(stored: number): number {
    if (stored < 0) return -1;
    let t = this.tokenId[stored]!;
    if (t < 0) this.tokenId[stored] = t = this.ds.names.token(this.tokens[stored]!);
    return t;
  }

  /** Appends the row at byte `offset` of `chunk` to the dataset as person `id`; its row. */
  append(chunk: Uint8Array, offset: number, id: string): number {
    this.buf = chunk;
    this.at = offset;
    const ds = this.ds;
    const row = ds.appendRow(id);
    const ar = this.ar,
      lat = this.lat;
    for (let p = 0; p < 4; p++) ar[p] = this.token(this.uint() - 1);
    for (let p = 0; p < 4; p++) lat[p] = this.token(this.uint() - 1);
    ds.names.setRow(row, ar, lat);
    const fields = ds.fields;
    for (let k = 0; k < fields.length; k++) {
      const f = fields[k]!;
      switch (this.kinds[k]) {
        case 'date':
          (f as DateField).y.set(row, this.uint());
          (f as DateField).md.set(row, this.uint());
          break;
        case 'id':
          (f as IdField).v.set(row, this.digits((f as IdField).dict));
          (f as IdField).valid.set(row, this.uint());
          break;
        case 'phone':
          (f as PhoneField).v.set(row, this.digits((f as PhoneField).dict));
          break;
        case 'sex':
          (f as SexField).v.set(row, this.uint());
          break;
        case 'dict':
          (f as StringField).v.set(row, this.value(k, this.uint()));
          break;
      }
    }
    return row;
  }

  /** A category's value id + 1 in this dataset (0 none). */
  private value(k: number, stored: number): number {
    if (stored === 0) return 0;
    const ids = this.valueId[k]!;
    let v = ids[stored - 1]!;
    if (v < 0) ids[stored - 1] = v = (this.ds.fields[k] as StringField).dict.id(this.values[k]![stored - 1]!);
    return v + 1;
  }
}
