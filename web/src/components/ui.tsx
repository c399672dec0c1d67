// Small shared pieces: form fields with their label, hint and error; alerts; loading states.
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { type ProblemId, problemIdOf } from '../../../src/shared/problems.ts';
import { textLimitOf } from '../../../src/shared/limits.ts';
import { ApiError, NetworkError } from '../api/client.ts';
import { fieldErrorSentence } from '../serverReasons.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';

type FieldProps = { label: string; hint?: string; error?: string | null; warning?: string | null; optional?: boolean };

function FieldShell({ id, label, hint, error, warning, optional, children }: FieldProps & { id: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {label} {optional && <span className="muted">{t('common.optional')}</span>}
      </label>
      {children}
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="error-text" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
      {!error && warning && (
        <p className="warning-text" id={`${id}-error`}>
          {warning}
        </p>
      )}
    </div>
  );
}

/**
 * A text input with its label, hint and error. Its maxLength comes from the shared limits by the
 * input's name (src/shared/limits.ts: the server refuses the same lengths), unless given.
 */
export function TextField({ label, hint, error, warning, optional, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  const maxLength = input.maxLength ?? (input.type === 'date' ? undefined : textLimitOf(input.name));
  const describedBy = [hint ? `${id}-hint` : '', error || warning ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} warning={warning} optional={optional}>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} maxLength={maxLength} />
    </FieldShell>
  );
}

export function SelectField({ label, hint, error, optional, children, ...select }: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} optional={optional}>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        {...select}
      >
        {children}
      </select>
    </FieldShell>
  );
}

/** A longer text (a case note), with its label and error, like TextField. */
export function TextAreaField({ label, hint, error, optional, ...area }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} optional={optional}>
      <textarea id={id} rows={4} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...area} />
    </FieldShell>
  );
}

export function Alert({ kind, children }: { kind: 'error' | 'info' | 'success' | 'warning'; children: ReactNode }) {
  return (
    <div className={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

/** A screen's own words for some problems (e.g. a wrong code on the sign-in screen). */
export type ProblemWords = Partial<Record<ProblemId, MessageKey>>;

/**
 * The message for an error from the API client, in the current language: by the problem's id
 * (every id has a text, `problem.<id>`; a screen may choose its own words for some), else by status.
 */
export function errorKey(e: unknown, words: ProblemWords = {}): MessageKey {
  if (e instanceof NetworkError) return 'common.network';
  if (e instanceof ApiError) {
    const id = problemIdOf(e.problem?.type);
    if (id === 'payload_too_large' || (!id && e.status === 413)) return words.payload_too_large ?? 'errors.tooLarge';
    if (id) return words[id] ?? `problem.${id}`;
    if (e.status === 404) return 'common.notFound';
    if (e.status === 403) return 'common.forbidden';
    if (e.status === 409) return 'common.conflict';
    if (e.status === 422 || e.status === 400) return 'common.fixFields';
  }
  return 'common.error';
}

/** The fields the server refused, each named, with its reason in the reader's language. */
export function FieldErrorList({ error }: { error: unknown }) {
  const i18n = useI18n();
  const fields = error instanceof ApiError ? error.fieldErrors : [];
  if (fields.length === 0) return null;
  return (
    <ul className="field-errors">
      {fields.map((f) => (
        <li key={`${f.field} ${f.reason}`}>{fieldErrorSentence(i18n, f)}</li>
      ))}
    </ul>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <Alert kind="error">
      <p>{t(errorKey(error))}</p>
      <FieldErrorList error={error} />
      {onRetry && (
        <button type="button" className="btn btn-secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </Alert>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="muted" role="status">
      {t('common.loading')}
    </p>
  );
}

/** A person's name: isolated for bidirectional text, with the Latin form beside it in English. */
export function PersonName({ fullName, fullNameEn }: { fullName: string; fullNameEn?: string | null }) {
  const { lang } = useI18n();
  if (lang === 'en' && fullNameEn) {
    return (
      <>
        <bdi>{fullNameEn}</bdi>{' '}
        <bdi className="muted" lang="ar" dir="rtl">
          {fullName}
        </bdi>
      </>
    );
  }
  return <bdi lang={/[\u0600-\u06FF]/.test(fullName) ? 'ar' : undefined}>{fullName}</bdi>;
}

export function Screen({
  title,
  children,
  actions,
  narrow,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
  narrow?: boolean;
}) {
  return (
    <section className={narrow ? 'screen narrow' : 'screen'}>
      <div className="screen-head">
        <h1 tabIndex={-1}>{title}</h1>
        {actions && <div className="screen-actions">{actions}</div>}
      </div>
      {children}
    </section>
  );
}
