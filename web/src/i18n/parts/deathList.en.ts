// English texts of the health ministry's death list, typed against the Arabic ones.
import type { deathListAr, deathListProblemsAr } from './deathList.ar.ts';

export const deathListProblemsEn: Record<keyof typeof deathListProblemsAr, string> = {
  'problem.death_list_unreadable':
    'The death list cannot be read. Check that the file is a CSV whose first row names the required columns.',
};

export const deathListEn: Record<keyof typeof deathListAr, string> = {
  'nav.deaths': 'Death list',
  'deaths.title': 'Health ministry death list',
  'deaths.intro':
    'Each row is matched by ID number, then checked against the name. A matched row is recorded as a confirmed death and its tasks open: a new head to propose, a child-protection case for a child left without care. Other rows are held with the reason and nothing of them is applied. Uploading the same list again adds nothing.',
  'deaths.columns': 'The file’s columns, in this order:',
  'deaths.file': 'List file (CSV)',
  'deaths.apply': 'Apply the list',
  'deaths.applying': 'Applying the list…',
  'deaths.chooseFile': 'Choose the list file first.',
  'deaths.tooLarge': 'The file is too large to upload here. Split it, or apply it from the command line.',
  'deaths.summary': 'Result',
  'deaths.rows': 'Rows read',
  'deaths.applied': 'Applied (new confirmed deaths)',
  'deaths.alreadyKnown': 'Already known (nothing added)',
  'deaths.held': 'Held for review',
  'deaths.heldRows': 'Held rows',
  'deaths.row': 'Row',
  'deaths.reason': 'Reason',
  'deaths.tasks': 'Open the resulting tasks',
  'deaths.reason.malformed_id': 'The ID number is not nine digits',
  'deaths.reason.malformed_date': 'The date of death is not valid',
  'deaths.reason.missing_name': 'The row has no name',
  'deaths.reason.future_date': 'The date of death is in the future',
  'deaths.reason.not_found': 'No one in the registry has this number',
  'deaths.reason.ambiguous': 'More than one record has this number',
  'deaths.reason.name_mismatch': 'The name is not that of the number’s holder',
  'deaths.reason.duplicate_in_list': 'The number is on the list twice',
};
