// The server's reasons for a field are stable codes (src/shared/reasons.ts) with their limits; the
// web app shows words of the reader's language for each (`reason.<code>`), never the server's English.
// The field's name and the numbers are isolated inside the sentence (FSI ... PDI), so a Latin field
// name or a number never scrambles the direction of an Arabic sentence.
import type { FieldError } from '../../src/shared/problems.ts';
import { isFieldReason } from '../../src/shared/reasons.ts';
import { ar, type MessageKey } from './i18n/ar.ts';

/** What the words need of the language context (useI18n()). */
type Words = { t: (key: MessageKey, vars?: Record<string, string | number>) => string; num: (n: number) => string };

/** U+2068 FIRST STRONG ISOLATE ... U+2069 POP DIRECTIONAL ISOLATE. */
export const isolate = (s: string): string => `\u2068${s}\u2069`;

const has = (k: string): k is MessageKey => Object.hasOwn(ar, k);

/** Words for a reason without its numbers (beside a field: the field's limit is its input's maxLength). */
export function serverReasonKey(reason: string): MessageKey {
  if (!isFieldReason(reason)) return 'edit.server.other';
  const short = `reason.${reason}.short`;
  if (has(short)) return short;
  const key = `reason.${reason}`;
  return has(key) ? key : 'edit.server.other';
}

/** Words for a reason with its numbers, each in the reader's digits and isolated. */
export function reasonText(i18n: Words, e: Pick<FieldError, 'reason' | 'params'>): string {
  const key = `reason.${e.reason}`;
  if (!isFieldReason(e.reason) || !has(key)) return i18n.t('edit.server.other');
  if (!e.params) return i18n.t(serverReasonKey(e.reason));
  return i18n.t(key, Object.fromEntries(Object.entries(e.params).map(([k, v]) => [k, isolate(i18n.num(v))])));
}

/** The person fields, named by their labels on the person form. */
const PERSON_FIELDS = new Set([
  'givenName',
  'fatherName',
  'grandfatherName',
  'familyName',
  'fullName',
  'fullNameEn',
  'sex',
  'dateOfBirth',
  'nationalId',
  'phone',
  'governorate',
  'recordId',
]);

/** The name of a field the server named (`members.0.personId` -> members), in the reader's language. */
export function fieldNameKey(field: string): MessageKey {
  const first = field.split(/[.[]/)[0] ?? field;
  const key = PERSON_FIELDS.has(first) ? `person.${first}` : `fieldName.${first}`;
  return has(key) ? key : 'fieldName.other';
}

/** "«Given name»: too long: at most 100 characters." with the name and numbers isolated. */
export function fieldErrorSentence(i18n: Words, e: FieldError): string {
  return i18n.t('errors.fieldSentence', { field: isolate(i18n.t(fieldNameKey(e.field))), reason: reasonText(i18n, e) });
}
