// In-memory links the API does not answer yet: which household a person was registered into in
// this tab. Never stored on disk or in URLs; cleared on sign-out.
const householdOfPerson = new Map<string, string>();

export function rememberHousehold(householdId: string, personIds: string[]) {
  for (const p of personIds) householdOfPerson.set(p, householdId);
}
export function householdOf(personId: string): string | undefined {
  return householdOfPerson.get(personId);
}
export function forgetHouseholds() {
  householdOfPerson.clear();
}
