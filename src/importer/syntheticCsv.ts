// Synthetic persons (src/synthetic, never real people) written as an import CSV, in constant memory.
import fs from 'node:fs';
import { once } from 'node:events';
import { generateHouseholds, type SyntheticHousehold, type SyntheticPerson } from '../synthetic/households.ts';

export const syntheticCsvColumns = [
  'record_id',
  'given_name',
  'father_name',
  'grandfather_name',
  'family_name',
  'full_name_en',
  'sex',
  'date_of_birth',
  'age',
  'national_id',
  'phone',
  'governorate',
  'household_id',
  'relationship',
] as const;

const Q = /[",\n\r]/;
const cell = (v: string | number | undefined): string => {
  if (v === undefined) return '';
  const s = String(v);
  return Q.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
};

export function personLine(p: SyntheticPerson): string {
  return (
    cell(p.recordId) + ',' + cell(p.givenName) + ',' + cell(p.fatherName) + ',' + cell(p.grandfatherName) + ',' + cell(p.familyName) + ',' +
    cell(p.fullNameEn) + ',' + p.sex + ',' + cell(p.dateOfBirth) + ',' + cell(p.dateOfBirth === undefined ? p.age : undefined) + ',' +
    cell(p.nationalId) + ',' + cell(p.phone) + ',' + p.governorate + ',' + p.householdId + ',' + p.relationship + '\n'
  );
}

/**
 * Writes the persons of `households` synthetic households (or exactly `persons` persons, cutting
 * the last household) to `file`. Returns the number of persons and the households generated.
 */
export async function writeSyntheticCsv(
  file: string,
  opts: { seed: number; households?: number; persons?: number; onHousehold?: (h: SyntheticHousehold) => void },
): Promise<{ persons: number; households: number }> {
  const out = fs.createWriteStream(file, { mode: 0o600 });
  let buf = syntheticCsvColumns.join(',') + '\n';
  let persons = 0;
  let households = 0;
  const maxHouseholds = opts.households ?? Number.MAX_SAFE_INTEGER;
  const maxPersons = opts.persons ?? Number.MAX_SAFE_INTEGER;
  outer: for (const h of generateHouseholds({ households: maxHouseholds, seed: opts.seed })) {
    households++;
    opts.onHousehold?.(h);
    for (const p of h.members) {
      if (persons >= maxPersons) break outer;
      buf += personLine(p);
      persons++;
    }
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
    if (persons >= maxPersons) break;
  }
  out.end(buf);
  await once(out, 'finish');
  return { persons, households };
}
