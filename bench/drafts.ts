// Drafts of the duplicate check made from registered persons, as a registration officer retypes them
// (bench:national's check-while-typing rows and bench/checkProfile.ts), and drafts of new persons.
import { generateHouseholds } from '../src/synthetic/households.ts';

/** What a draft is made from: a person row's name parts, sex, date of birth and governorate. */
export type DraftSource = {
  given_name: string | null;
  father_name: string | null;
  grandfather_name: string | null;
  family_name: string | null;
  sex: string | null;
  date_of_birth: string | null;
  dob_precision: string | null;
  governorate: string | null;
};

/** A typical field spelling of an Arabic name: hamza dropped, taa marbuta as haa, alef maqsura as yaa. */
export const variant = (s: string) =>
  s
    .replace(/[أإآ]/g, 'ا')
    .replace(/ة(?=\s|$)/g, 'ه')
    .replace(/ى(?=\s|$)/g, 'ي')
    .replace(/عبد ال/g, 'عبدال');

/** A registered person retyped: names with spelling variants, sex, the date of birth as precise as recorded. */
export function draftOf(p: DraftSource): Record<string, string> {
  const d: Record<string, string> = p.governorate ? { governorate: p.governorate } : {};
  for (const [k, v] of [
    ['givenName', p.given_name],
    ['fatherName', p.father_name],
    ['grandfatherName', p.grandfather_name],
    ['familyName', p.family_name],
  ] as const)
    if (v) d[k] = variant(v);
  if (p.sex) d.sex = p.sex;
  if (p.date_of_birth && p.dob_precision !== 'estimated')
    d.dateOfBirth = p.dob_precision === 'exact' ? p.date_of_birth : p.date_of_birth.slice(0, p.dob_precision === 'month' ? 7 : 4);
  return d;
}

/**
 * Persons not in a bench:national registry of `registered` persons, as it draws them (src/synthetic,
 * seed 14: the same name tables, clans and ages), from households numbered past any it holds (it has
 * fewer households than persons): `n` drafts of new persons, most with common names.
 */
export function newPersonSources(registered: number, n: number): DraftSource[] {
  const out: DraftSource[] = [];
  for (const h of generateHouseholds({ households: Number.MAX_SAFE_INTEGER, seed: 14, startIndex: registered + 1000 })) {
    for (const p of h.members) {
      if (out.length >= n) return out;
      out.push({
        given_name: p.givenName,
        father_name: p.fatherName || null,
        grandfather_name: p.grandfatherName || null,
        family_name: p.familyName,
        sex: p.sex,
        date_of_birth: p.dateOfBirth ?? null,
        dob_precision: p.dobPrecision ?? null,
        governorate: p.governorate,
      });
    }
  }
  return out;
}
