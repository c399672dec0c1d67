// The governorates the signed-in user works in (GET /me), as one select or as checkboxes: P-codes
// as the values, names in the reader's language. A screen that may leave the choice open (all
// governorates, or none chosen yet) gives the text of an empty first choice.
import { useGovernorateName, useSession } from '../session.tsx';
import { SelectField } from './ui.tsx';

type SelectProps = {
  label: string;
  value: string;
  onChange: (pcode: string) => void;
  name?: string;
  error?: string | null;
  /** The text of an empty first choice ("all governorates"); none when absent. */
  blank?: string;
};

/** The P-codes of the reader's own governorates, in the order GET /me gives them. */
export function useOwnGovernorates(): string[] {
  return useSession().user?.me?.governorates ?? [];
}

/** One of the reader's governorates (or the empty choice, when `blank` is given). */
export function GovernorateSelect({ label, value, onChange, name, error, blank }: SelectProps) {
  const own = useOwnGovernorates();
  const govName = useGovernorateName();
  return (
    <SelectField label={label} name={name} value={value} onChange={(e) => onChange(e.target.value)} error={error}>
      {blank !== undefined && <option value="">{blank}</option>}
      {own.map((g) => (
        <option key={g} value={g}>
          {govName(g)}
        </option>
      ))}
    </SelectField>
  );
}

/** Several of the reader's governorates, as checkboxes named `governorate-<P-code>`. */
export function GovernorateChecks({ legend, value, onChange }: { legend: string; value: string[]; onChange: (pcodes: string[]) => void }) {
  const own = useOwnGovernorates();
  const govName = useGovernorateName();
  const toggle = (g: string) => onChange(value.includes(g) ? value.filter((x) => x !== g) : [...value, g]);
  return (
    <fieldset>
      <legend>{legend}</legend>
      {own.map((g) => (
        <label key={g} className="check">
          <input type="checkbox" name={`governorate-${g}`} checked={value.includes(g)} onChange={() => toggle(g)} /> {govName(g)}
        </label>
      ))}
    </fieldset>
  );
}
