// Every reason the server gives for a refused field (`errors: [{field, reason, params?}]` in a
// problem, the warnings on a person, the importer's quarantine): one stable code per cause, with the
// English words for developers (the problem's `detail`, the command line, rejection reports). The
// web app has Arabic and English words for each code (`reason.<code>`; a test fails on a missing one)
// and never shows the server's English. Reasons never quote the value; params are limits and counts.
export const fieldReasons = {
  // the form of a value (zod issues are mapped to these in src/api/problem.ts)
  required: 'is required',
  wrong_type: 'has the wrong type',
  too_long: 'is longer than {max} characters',
  too_short: 'is shorter than {min} characters',
  too_many: 'has more than {max} entries',
  too_few: 'has fewer than {min} entries',
  too_big: 'must be at most {max}',
  too_small: 'must be at least {min}',
  not_allowed: 'is not one of the allowed values',
  unknown_field: 'is not a field of this request',
  wrong_form: 'has the wrong form',
  not_a_uuid: 'must be a UUID',
  not_a_day: 'must be a day written YYYY-MM-DD',
  not_a_whole_number: 'must be a whole number written in digits',
  not_a_cursor: 'is not a cursor this server gave',
  not_a_governorate: 'must be the P-code of one of the 16 governorates',
  outside_governorates: 'is outside the governorates you work in',
  // days and dates of birth
  not_a_calendar_date: 'is not a calendar date',
  in_future: 'is in the future',
  too_far_past: 'is too far in the past',
  date_form: 'must be YYYY-MM-DD, YYYY-MM or YYYY',
  bad_month: 'has a month outside 01-12',
  age_range: 'must be a whole number of years from 0 to 130',
  // names
  hidden_characters: 'must not contain invisible or direction-changing characters',
  letters_required: 'must contain letters',
  no_digits: 'must not contain digits',
  name_part_required: 'is required when the name is given in parts (or give fullName instead)',
  name_required: 'a name is required: the four parts, or the full name',
  // national ID, phone
  digits_only: 'must contain digits only',
  phone_characters: 'must contain digits, spaces, dashes or a leading +',
  national_id_length: 'must have 9 digits',
  check_digit_unverified: 'the check digit does not match: kept, but unverified',
  phone_prefix: 'must start with +970, +972 or a local 0',
  phone_length: 'has the wrong number of digits',
  // households
  one_head: 'must have exactly one head (has {count})',
  person_repeated: 'names a person more than once',
  not_current_member: 'must be a current member of this household',
  not_all_current_members: 'must all be current members of this household',
  head_must_stay: 'must leave at least the head behind',
  same_household: 'must be another household',
  head_kept: 'cannot be head: this household keeps its head',
  too_many_members: 'would make the household larger than {max} members',
  outside_record: 'names a person outside the governorates you work in',
  member_elsewhere: 'the person is already a current member of another household',
  household_has_head: 'the household already has a head',
  head_of_other_household: 'is the head of another household that has other members',
  // searches and moves
  search_terms_required: 'give a query, a nationalId or a phone',
  check_terms_required: 'give a name, a nationalId or a phone',
  destination_required: 'say where to: toGovernorate, toLocality or toSite',
  both_coordinates: 'give both coordinates or neither',
  // accounts
  wrong: 'is wrong',
  taken: 'is taken',
  already_used: 'is already used by another record',
  same_password: 'must differ from the current password',
  not_for_machine: 'must be left out for a machine account',
  six_digits: 'must be 6 digits',
  username_form: 'must be lower-case letters, digits, dot, dash or underscore',
  already_head: 'is already the head',
  // references
  no_such_record: 'refers to a record that does not exist',
  not_of_organisation: 'is not a record of your organisation',
  before_membership: 'is before the membership began',
  before_vulnerability: 'is before the vulnerability was recorded',
  // aid
  code_form: 'must be 1-40 of a-z 0-9 _',
  required_for_kind: 'is required for this kind of movement',
  not_for_kind: 'must not be given for this kind of movement',
  warehouse_or_point: 'give either warehouseId or pointId (where the loss happened)',
  card_or_number: 'give either card (the signed code) or cardNumber (the printed number)',
  required_for_presented: 'is required for the way the card was presented',
  not_for_presented: 'is not for the way the card was presented',
  twice_in_batch: 'appears twice in the batch',
  // import rows
  row_too_long: 'has more cells than the header',
  nul_character: 'contains a NUL character',
  unreadable: 'could not be read',
  // life events
  not_for_event_kind: 'is not recorded for this kind of event',
  member_deceased: 'is recorded as deceased',
  // data corrections
  no_change: 'changes nothing: every value is as recorded',
  // reconstruction projects and IATI (src/reconstruction/projects.ts)
  not_in_codelist: 'is not a code of its IATI codelist',
  identifier_prefix: "must start with the reporting organisation's ref and a dash",
  identifier_characters: 'must not contain spaces or / & | ?',
  org_ref_form: 'must be an IATI organisation identifier: a registration agency prefix (e.g. PS-MOI, XM-DAC), a dash, a number',
  before_start: 'must be after the start',
  percentages_sum: 'must add up to 100',
  role_required: 'must name at least one funding and one implementing organisation',
  period_over_year: 'must not be longer than a year',
  repeated: 'names the same thing twice',
  // reconstruction: buildings, occupancy, damage imports
  outside_palestine: "lies outside the State of Palestine's boundaries",
  bad_geometry: 'is not a GeoJSON Point or Polygon (closed rings of [longitude, latitude])',
  too_many_vertices: 'has more than {max} vertices',
  footprint_too_large: 'spans more than a building can',
  governorate_mismatch: 'is not the governorate the location lies in',
  ambiguous_match: 'two buildings are as near: matched to neither',
  same_building_twice: 'matches a building another row of the file already matched',
  overlapping_period: 'overlaps another period of this household in this unit',
} as const;

export type FieldReason = keyof typeof fieldReasons;
export const fieldReasonCodes = Object.keys(fieldReasons) as FieldReason[];

/** Numbers a reason's words need (a limit, a count); never a value from the request. */
export type ReasonParams = Record<string, number>;

export function isFieldReason(s: string): s is FieldReason {
  return Object.hasOwn(fieldReasons, s);
}

/** The English words of a reason, with its numbers. */
export function reasonText(reason: string, params?: ReasonParams): string {
  if (!isFieldReason(reason)) return reason;
  return fieldReasons[reason].replace(/\{(\w+)\}/g, (all, k: string) => (params && k in params ? String(params[k]) : all));
}
