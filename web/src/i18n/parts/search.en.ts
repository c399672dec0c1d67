import type { searchAr } from './search.ar.ts';

export const searchEn: Record<keyof typeof searchAr, string> = {
  'search.found.zero': 'No one found.',
  'search.found.one': 'One person found.',
  'search.found.two': 'Two people found.',
  'search.found.few': '{count} people found.',
  'search.found.many': '{count} people found.',
  'search.found.other': '{count} people found.',
  'search.foundAbout.zero': 'About {count} people found.',
  'search.foundAbout.one': 'About {count} people found.',
  'search.foundAbout.two': 'About {count} people found.',
  'search.foundAbout.few': 'About {count} people found.',
  'search.foundAbout.many': 'About {count} people found.',
  'search.foundAbout.other': 'About {count} people found.',
  'search.shown': 'Showing {shown} of {total}',
  'search.advice.nationalIdCheckDigit':
    "This ID number's check digit (the last digit) is wrong: it may be mistyped. Check the number with its holder or on the card.",
  'search.advice.nationalIdNotFound': 'No one with this ID number in your area. Search by name or phone.',
  'search.advice.phoneNotFound': 'No one with this phone number in your area. Search by name or ID number.',
  'search.advice.queryLooksLikeNationalId': 'This looks like an ID number: choose "National ID" to search by it.',
  'search.advice.queryLooksLikePhone': 'This looks like a phone number: choose "Phone" to search by it.',
  'search.advice.queryTooShort': 'Too short to search: type at least the given name and the family name.',
  'search.advice.addNameParts': "Many people have this name: add another part of it (the given, father's or family name).",
  'search.advice.crowded':
    "Many people have this name, so the results are only some of them. Add the father's or grandfather's name, or search by national ID or phone.",
  'search.advice.noNameMatch': 'No one found with this name. Try another spelling, fewer parts of the name, or the ID number.',
  'search.switch.nationalId': 'Search it as an ID number',
  'search.switch.phone': 'Search it as a phone number',
};
