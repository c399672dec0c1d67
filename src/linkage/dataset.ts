// A Dataset holds the prepared records of one linkage job (one or two inputs) as integer columns,
// one Field per comparison.
import {
  DateField,
  HouseholdField,
  IdField,
  NamePartField,
  NameStore,
  PARTS,
  PhoneField,
  SexField,
  StringField,
  TokensField,
  type Field,
  type RawRecord,
} from './fields.ts';
import type { LinkSettings } from './settings.ts';
import { GrowI32 } from './typedColumns.ts';

export class Dataset {
  n = 0;
  readonly source = new GrowI32();
  readonly ids: string[] = [];
  readonly names: NameStore;
  readonly fields: Field[] = [];
  readonly conflictFields: Field[] = [];
  /** code multiplier of each field in a comparison pattern */
  readonly mult: number[] = [];
  readonly radix: number[] = [];
  readonly idColumn: string | null;
  private guard: { given: Field; father: Field | null; family: Field | null; id: Field | null } | null = null;

  /** the input column names this dataset was built for (to rebuild it elsewhere, e.g. in a worker) */
  readonly present: string[];

  /** `present`: the input column names available (union over inputs); `compareCacheBits`: see NameStore. */
  constructor(
    readonly settings: LinkSettings,
    present: Iterable<string>,
    opts: { compareCacheBits?: number } = {},
  ) {
    const have = new Set(present);
    this.present = [...have];
    const col = (c: keyof LinkSettings['columns']): string | null => {
      const v = settings.columns[c];
      return v && have.has(v) ? v : null;
    };
    const off = new Set(settings.disable);
    this.idColumn = col('record_id');
    const partCols = [col('given_name'), col('father_name'), col('grandfather_name'), col('family_name')];
    const full = col('full_name'),
      fullEn = col('full_name_en');
    this.names = new NameStore({ parts: partCols, fullName: full, fullNameEn: fullEn }, opts.compareCacheBits);
    const anyName = full || fullEn;
    PARTS.forEach((p, k) => {
      if ((partCols[k] || anyName) && !off.has(p)) this.fields.push(new NamePartField(p, this.names, p, true));
    });
    const dob = col('date_of_birth'),
      age = col('age');
    if ((dob || age) && !off.has('dob'))
      this.fields.push(new DateField('dob', dob ?? '\u0000none', age, settings.referenceYear, settings.placeholder0101, false));
    const nid = col('national_id');
    if (nid && !off.has('national_id'))
      this.fields.push(new IdField('national_id', nid, settings.idCheckDigit, settings.idCheckDigit === 'luhn'));
    const sex = col('sex');
    if (sex && !off.has('sex')) this.fields.push(new SexField('sex', sex));
    const phone = col('phone');
    if (phone && !off.has('phone')) this.fields.push(new PhoneField('phone', phone));
    const gov = col('governorate');
    if (gov && !off.has('governorate')) this.fields.push(new StringField('governorate', gov, 'category', false));
    const hh = col('household_id');
    if (hh && !off.has('household')) this.fields.push(new HouseholdField('household', hh, this.names));
    for (const f of settings.fields) {
      if (!have.has(f.column)) continue;
      if (this.fields.some((x) => x.name === f.name)) throw new Error(`settings: field "${f.name}" defined twice`);
      switch (f.type) {
        case 'string':
        case 'category':
        case 'number':
          this.fields.push(new StringField(f.name, f.column, f.type, f.tf ?? false));
          break;
        case 'tokens':
          this.fields.push(new TokensField(f.name, f.column));
          break;
        case 'date':
          this.fields.push(new DateField(f.name, f.column, null, settings.referenceYear, settings.placeholder0101, f.tf ?? false));
          break;
        case 'id':
          this.fields.push(new IdField(f.name, f.column, f.checkDigit ?? 'none', f.conflict ?? false));
          break;
        case 'phone':
          this.fields.push(new PhoneField(f.name, f.column));
          break;
        case 'sex':
          this.fields.push(new SexField(f.name, f.column));
          break;
      }
    }
    if (this.fields.length === 0) throw new Error('no comparable columns in the input');
    let m = 1;
    for (const f of this.fields) {
      this.mult.push(m);
      this.radix.push(f.levels.length + 1);
      m *= f.levels.length + 1;
      if (f.conflict) this.conflictFields.push(f);
    }
    if (m > 2 ** 52) throw new Error('too many comparison fields');
    const given = this.field('given');
    if (settings.siblingGuard && given)
      this.guard = {
        given,
        father: this.field('father') ?? null,
        family: this.field('family') ?? null,
        id: this.field('national_id') ?? null,
      };
  }

  field(name: string): Field | undefined {
    return this.fields.find((f) => f.name === name);
  }

  /** Writes a record at row `row` (row === n appends). `count` false for a scratch query row. */
  write(rec: RawRecord, row: number, source: number, count: boolean): void {
    this.names.add(rec, row, count);
    for (const f of this.fields) f.add(rec, row, source, count);
    this.source.set(row, source);
    const id = this.idColumn ? (rec[this.idColumn] ?? '').trim() : '';
    this.ids[row] = id || String(row);
  }

  /** Appends a row whose fields the caller sets (kept prepared rows, preparedRows.ts): person `id`, input 0. */
  appendRow(id: string): number {
    const row = this.n++;
    this.source.set(row, 0);
    this.ids[row] = id;
    return row;
  }

  add(rec: RawRecord, source: number): number {
    const row = this.n;
    this.write(rec, row, source, true);
    this.n++;
    return row;
  }

  finalize(): void {
    for (const f of this.fields) f.finalize?.();
  }

  /** Comparison pattern of rows i and j (levels of every field packed in one number). */
  pattern(i: number, j: number): number {
    let p = 0;
    const fs = this.fields,
      mult = this.mult;
    for (let f = 0; f < fs.length; f++) p += fs[f]!.compare(i, j) * mult[f]!;
    return p;
  }

  code(pattern: number, f: number): number {
    return Math.floor(pattern / this.mult[f]!) % this.radix[f]!;
  }

  /**
   * True when the pair must not be linked automatically: two different valid national IDs, or
   * (sibling guard) given names that clearly differ while the father's or family name agrees:
   * brothers, sisters, a parent and a child.
   */
  conflict(i: number, j: number): boolean {
    for (const f of this.conflictFields) if (f.conflict!(i, j)) return true;
    if (this.guard && !(this.guard.id && this.guard.id.compare(i, j) === 5)) {
      const g = this.guard.given.compare(i, j);
      if (g === 1 || g === 2) {
        if (this.guard.family && this.guard.family.compare(i, j) >= 5) return true;
        if (this.guard.father && this.guard.father.compare(i, j) >= 5) return true;
      }
    }
    return false;
  }
}
