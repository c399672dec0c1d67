// A set of choices as checkboxes folded under a summary that counts the chosen ones (the rule
// editors: governorates and vulnerabilities of a programme rule; bases and damage classes of the
// claim rules). An error, when given, is shown under the summary and the group is marked invalid.
import { type ReactNode, useId } from 'react';
import { useI18n } from '../i18n/index.tsx';

export function ChoiceChecks({
  legend,
  name,
  options,
  value,
  onChange,
  error,
  open,
}: {
  legend: string;
  name: string;
  options: { value: string; label: ReactNode }[];
  value: string[];
  onChange: (v: string[]) => void;
  error?: string | null;
  open?: boolean;
}) {
  const { num } = useI18n();
  const id = useId();
  return (
    <details className="field rule-choices" open={open || Boolean(error) || undefined}>
      <summary>
        {legend}
        {value.length > 0 && <> ({num(value.length)})</>}
      </summary>
      <fieldset className="governorate-picker" aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        <legend className="visually-hidden">{legend}</legend>
        <div className="governorate-options">
          {options.map((o) => (
            <label key={o.value} className="check">
              <input
                type="checkbox"
                name={name}
                value={o.value}
                checked={value.includes(o.value)}
                onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((x) => x !== o.value))}
              />
              {o.label}
            </label>
          ))}
        </div>
      </fieldset>
      {error && (
        <p className="error-text" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </details>
  );
}
