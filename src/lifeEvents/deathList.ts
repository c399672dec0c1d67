// Rows of a health ministry's death list: read, checked and compared with the registry's person the
// ID number finds. Pure: no I/O.
import { nameScore, queryWords } from '../names/index.ts';
import type { NameParts } from '../names/searchTokens.ts';
import { type DeathListHeldReason, deathListColumns } from '../shared/deathList.ts';
import { parseNationalId } from '../shared/nationalId.ts';

/** A row that can be looked up in the registry. */
export type DeathRow = {
  rowNumber: number;
  nationalId: string;
  name: string;
  date: string;
  listReference: string | null;
  raw: Record<string, string>;
};
/** A row held before any look-up (or after one), with its reason. */
export type HeldRow = { rowNumber: number; reason: DeathListHeldReason; raw: Record<string, string>; personId?: string };

/** How close the list's name must be to the registry's (src/names nameScore: 1 is the same words in order). */
export const NAME_MATCH = 0.8;

const norm = (h: string) =>
  h
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '_');

/** Where each column is, or the columns missing (the file is refused as a whole). */
export function deathListLayout(header: readonly string[]): { ok: true; index: number[] } | { ok: false; missing: string[] } {
  const names = header.map(norm);
  const index = deathListColumns.map((c) => names.indexOf(c));
  const missing = deathListColumns.filter((c, i) => index[i]! < 0 && c !== 'list_reference');
  return missing.length > 0 ? { ok: false, missing } : { ok: true, index };
}

/** A calendar day from YYYY-MM-DD or DD/MM/YYYY (also with dashes or dots), or null. */
export function deathDay(s: string): string | null {
  const t = s.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  let [y, mo, d] = m ? [m[1]!, m[2]!, m[3]!] : ['', '', ''];
  if (!m) {
    m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
    if (!m) return null;
    [d, mo, y] = [m[1]!, m[2]!, m[3]!];
  }
  const day = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const at = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(at) || new Date(at).toISOString().slice(0, 10) !== day ? null : day;
}

/** One data row: ready to look up, or held with its reason. `today` is YYYY-MM-DD. */
export function readDeathRow(
  cells: readonly string[],
  index: readonly number[],
  header: readonly string[],
  rowNumber: number,
  today: string,
): DeathRow | HeldRow {
  const raw: Record<string, string> = {};
  header.forEach((h, i) => {
    raw[norm(h) || `column_${i + 1}`] = (cells[i] ?? '').slice(0, 200);
  });
  const cell = (c: number) => (index[c]! >= 0 ? (cells[index[c]!] ?? '').trim() : '');
  const id = parseNationalId(cell(0));
  if (!id.ok) return { rowNumber, reason: 'malformed_id', raw };
  const name = [cell(1), cell(2), cell(3), cell(4)].filter((x) => x !== '').join(' ');
  if (name === '') return { rowNumber, reason: 'missing_name', raw };
  const date = deathDay(cell(5));
  if (date === null) return { rowNumber, reason: 'malformed_date', raw };
  if (date > today) return { rowNumber, reason: 'future_date', raw };
  return { rowNumber, nationalId: id.value, name, date, listReference: cell(6) || null, raw };
}

export const isHeld = (r: DeathRow | HeldRow): r is HeldRow => 'reason' in r;

/** Whether the list's name is the registry person's (either script, spelling variants allowed). */
export function sameName(listName: string, person: NameParts): boolean {
  return nameScore(queryWords(listName), person) >= NAME_MATCH;
}

/**
 * Matches the rows with the persons their ID numbers find (`found`: ID -> persons in scope): one
 * person with the same name is a match; none, several or another name is held. A second row with
 * an ID already on the list is held as a duplicate.
 */
export function matchDeathRows(
  rows: readonly DeathRow[],
  found: ReadonlyMap<string, readonly (NameParts & { id: string })[]>,
  seen: Set<string>,
): { matched: (DeathRow & { personId: string })[]; held: HeldRow[] } {
  const matched: (DeathRow & { personId: string })[] = [];
  const held: HeldRow[] = [];
  for (const r of rows) {
    const hold = (reason: DeathListHeldReason, personId?: string) =>
      held.push({ rowNumber: r.rowNumber, reason, raw: r.raw, ...(personId ? { personId } : {}) });
    if (seen.has(r.nationalId)) {
      hold('duplicate_in_list');
      continue;
    }
    seen.add(r.nationalId);
    const persons = found.get(r.nationalId) ?? [];
    if (persons.length === 0) hold('not_found');
    else if (persons.length > 1) hold('ambiguous');
    else if (!sameName(r.name, persons[0]!)) hold('name_mismatch', persons[0]!.id);
    else matched.push({ ...r, personId: persons[0]!.id });
  }
  return { matched, held };
}
