import type { trustAr } from './trust.ar.ts';

export const trustEn: Record<keyof typeof trustAr, string> = {
  'audit.check.problem.rolled_back':
    'The log is shorter than its last anchor says: an older copy of the database was put back (an old backup, for example).',
  'audit.check.problem.anchor_mismatch': 'This entry differs from what an anchor says: the log was rewritten.',
  'audit.check.problem.anchor_invalid': "An anchor is not signed with this server's key: it cannot be relied on.",
  'audit.check.problem.keying_moved': "Where the sealing with the server's key starts was moved after it was written.",
  'audit.check.problem.other_key': "The log is sealed with another server's key: start the server with its secret key.",
  'audit.anchor.none':
    'No anchor yet. An administrator makes one with {command} and keeps the file away from the server, so that going back to an older copy shows.',
  'audit.anchor.latest': 'Last anchor at entry no. {seq}, made on {date}. Anchors compared: {count}.',
  'audit.anchor.keyedFrom': "Entries from no. {seq} on are sealed with the server's secret key.",
  'audit.entity.person_list': 'People shown in a list or a search',
  'audit.entity.change_log_anchor': 'An anchor of the change log',
  'audit.action.anchor': 'Anchor',
};
