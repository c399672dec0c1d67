// Small pieces of the household page: the date of a change, an error in the reader's language,
// a step that asks before it does something that cannot simply be taken back, and counts in words.
import { useState, type ReactNode } from 'react';
import { ApiError } from '../../api/client.ts';
import { Alert, errorKey, TextField } from '../../components/ui.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { pluralForm } from '../../i18n/plural.ts';
import { serverReasonKey } from '../../serverReasons.ts';
import { checkDay } from '../../validate.ts';
import { today } from './useAction.ts';

/** The day a change takes effect (today by default; not in the future). */
export function DateField({ value, onChange, name = 'date' }: { value: string; onChange: (v: string) => void; name?: string }) {
  const { t } = useI18n();
  const err = checkDay(value);
  return (
    <TextField
      label={t('hh.date')}
      type="date"
      name={name}
      value={value}
      max={today()}
      onChange={(e) => onChange(e.target.value)}
      error={err ? t(err) : null}
    />
  );
}

/**
 * Why the household is changed, kept in its history. `required` for the steps that take people
 * out of it (leave, split, merge): the error shows once the step was tried without one.
 */
export function ReasonField({
  value,
  onChange,
  required = false,
  tried = false,
  hint,
}: {
  value: string;
  onChange: (v: string) => void;
  required?: boolean;
  tried?: boolean;
  hint?: string;
}) {
  const { t } = useI18n();
  return (
    <TextField
      label={t('hh.reason')}
      optional={!required}
      hint={hint ?? t('hh.reason.hint')}
      name="reason"
      dir="auto"
      maxLength={500}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={required && tried && !value.trim() ? t('valid.required') : null}
    />
  );
}

/** The body with the reason when one was given (trimmed). */
export const withReason = <T extends object>(body: T, reason: string): T & { reason?: string } =>
  reason.trim() ? { ...body, reason: reason.trim() } : body;

/** The household rules' reasons for a field, in the reader's words; the others as everywhere. */
const HOUSEHOLD_REASONS: [RegExp, MessageKey][] = [
  [/^must (all )?be (a )?current members? of this household/, 'hh.reason.notMember'],
  [/^is before the membership began/, 'hh.reason.beforeMembership'],
  [/^is before the vulnerability was recorded/, 'hh.reason.beforeVulnerability'],
  [/^must have exactly one head/, 'valid.onlyOneHead'],
  [/^must leave at least the head behind/, 'hh.reason.keepHead'],
  [/^must be another household/, 'hh.reason.sameHousehold'],
];
const reasonKey = (reason: string): MessageKey => HOUSEHOLD_REASONS.find(([re]) => re.test(reason))?.[1] ?? serverReasonKey(reason);

/** A refused write in words: the cause by its problem id, and each field the server named. */
export function ActionError({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (error === null) return null;
  const fields = error instanceof ApiError ? error.fieldErrors : [];
  return (
    <Alert kind="error">
      <p>{t(errorKey(error))}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map((f) => (
            <li key={f.field}>{t(reasonKey(f.reason))}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

/**
 * A destructive step: the first press asks the question in words, the second does it.
 * `disabled` while the form is incomplete or a write is under way.
 */
export function ConfirmButton({
  label,
  question,
  onConfirm,
  disabled,
  ready = () => true,
}: {
  label: string;
  question: string;
  onConfirm: () => void;
  disabled?: boolean;
  /** Checked on the first press: the question is asked only when the form is complete. */
  ready?: () => boolean;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button type="button" className="btn btn-primary" disabled={disabled} onClick={() => setAsking(ready())}>
        {label}
      </button>
    );
  return (
    <div className="alert alert-warning confirm" role="alertdialog" aria-label={question}>
      <p>{question}</p>
      <div className="row">
        <button
          type="button"
          className="btn btn-primary"
          disabled={disabled}
          onClick={() => {
            setAsking(false);
            onConfirm();
          }}
        >
          {t('hh.confirm.yes')}
        </button>
        <button type="button" className="btn btn-secondary" onClick={() => setAsking(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}

/** "n people" with the plural form of the language (Arabic has six): keys `<base>.zero` ... `<base>.other`. */
export function usePlural(): (base: string, n: number) => string {
  const { t, lang } = useI18n();
  return (base, n) => {
    const form = pluralForm(lang, n);
    return t(`${base}.${form}` as MessageKey, { count: n });
  };
}

/**
 * A section whose form opens on demand (the accordion pattern: its heading is the button), so that
 * the page stays short on a phone.
 */
export function Collapsible({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <section className="card hh-collapsible" aria-labelledby={id}>
      <h2 id={id}>
        <button type="button" className="hh-toggle" aria-expanded={open} aria-controls={`${id}-body`} onClick={() => setOpen(!open)}>
          {title}
        </button>
      </h2>
      {open && <div id={`${id}-body`}>{children}</div>}
    </section>
  );
}
