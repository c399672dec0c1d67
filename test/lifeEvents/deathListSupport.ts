// A household with national ID numbers, and a ministry death list about it, for the death-list tests.
import { nationalIdCheckDigit } from '../../src/shared/nationalId.ts';
import type { TestUser } from '../support/factories.ts';
import type { TestApp } from '../support/testApp.ts';
import { person } from '../households/support.ts';

let next = 40_000_000 + Math.floor(Math.random() * 9_000_000);
/** A fresh national ID number with a good check digit. */
export function nid(): string {
  const first8 = String(next++);
  return `${first8}${nationalIdCheckDigit(first8)}`;
}

export const HEADER = 'national_id,given_name,father_name,grandfather_name,family_name,date_of_death,list_reference';
export const line = (...cells: string[]) => cells.join(',');

export type Family = {
  householdId: string;
  head: string;
  spouse: string;
  child: string;
  ids: { head: string; spouse: string; child: string };
};

/** A head (father), his wife and their son of ten, registered through the API with ID numbers. */
export async function family(t: TestApp, user: TestUser): Promise<Family> {
  const ids = { head: nid(), spouse: nid(), child: nid() };
  const head = await person(t, user, { givenName: 'سامر', nationalId: ids.head, sex: 'male', dateOfBirth: '1980-02-01' });
  const spouse = await person(t, user, { givenName: 'ليلى', nationalId: ids.spouse, sex: 'female', dateOfBirth: '1984-06-01' });
  const child = await person(t, user, { givenName: 'كريم', nationalId: ids.child, sex: 'male', dateOfBirth: '2016-04-01' });
  const r = await t.post(user, '/api/v1/households', {
    governorate: 'PS0260',
    date: '2023-01-01',
    members: [
      { personId: head, relationship: 'head' },
      { personId: spouse, relationship: 'spouse' },
      { personId: child, relationship: 'son' },
    ],
  });
  if (r.statusCode !== 201) throw new Error(r.body);
  return { householdId: r.json().id, head, spouse, child, ids };
}

/** The name parts personInput gives, after the given name. */
export const rest = ['خليل', 'إبراهيم', 'الحداد'] as const;
