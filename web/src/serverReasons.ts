// The server's reasons for a field error (src/registry checks, zod rules) are English text for
// developers; the web app shows words of the reader's language for each, never the English.
import type { MessageKey } from './i18n/ar.ts';

/** The server's reasons for a field (src/registry, zod), in words of the reader's language; never its English text. */
const SERVER_REASONS: [RegExp, MessageKey][] = [
  [/^must not contain digits/, 'valid.noDigits'],
  [/^must contain letters/, 'valid.letters'],
  [/^is in the future/, 'valid.future'],
  [/^(must be YYYY|is too far in the past|has a month|is not a calendar date|must be a whole number of years)/, 'valid.date'],
  [/^(must start with|has the wrong number of digits|must contain digits)/, 'valid.phone'],
  [/^is outside the governorates you work in/, 'edit.server.outside'],
  [/^(is required|required|too small)/, 'valid.required'],
  [/^too big/, 'edit.server.tooLong'],
];

export function serverReasonKey(reason: string): MessageKey {
  return SERVER_REASONS.find(([re]) => re.test(reason))?.[1] ?? 'edit.server.other';
}
