// IATI identifiers (pure): organisation identifiers (a registration agency's prefix from the
// OrganisationRegistrationAgency codelist, a dash, the organisation's number there) and activity
// identifiers (the reporting organisation's ref, a dash, a suffix). The IATI rulesets refuse spaces
// and / & | ? in both (rulesets/standard.json: no_spaces, regex_matches).
import { iatiRegistrationAgencies } from '../shared/iatiCodelists.ts';

const FORBIDDEN = /[\s/&|?]/;
const AGENCIES: ReadonlySet<string> = new Set(iatiRegistrationAgencies);

/** No spaces and none of / & | ? (what the IATI ruleset allows in identifiers). */
export const hasForbiddenCharacters = (s: string): boolean => FORBIDDEN.test(s);

/** An organisation identifier a registration agency of the codelist issued, e.g. PS-MOI-1234 or XM-DAC-41114. */
export function isOrgRef(ref: string): boolean {
  if (hasForbiddenCharacters(ref)) return false;
  // agency prefixes have one or two dashes (PS-MOI, XM-DAC, XI-IATI, GB-COH...): try each split
  const parts = ref.split('-');
  for (let i = 1; i < parts.length; i++) {
    const prefix = parts.slice(0, i).join('-');
    if (AGENCIES.has(prefix) && parts.slice(i).join('-').length > 0) return true;
  }
  return false;
}

/** Why an activity identifier is refused, or undefined: it starts with the reporting org's ref and a dash, then something. */
export function activityIdentifierProblem(
  identifier: string,
  reportingOrgRef: string,
): 'identifier_characters' | 'identifier_prefix' | undefined {
  if (hasForbiddenCharacters(identifier)) return 'identifier_characters';
  if (!identifier.startsWith(`${reportingOrgRef}-`) || identifier.length <= reportingOrgRef.length + 1) return 'identifier_prefix';
  return undefined;
}
