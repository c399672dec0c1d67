// The relationship of a member to the head, for every step that places someone in a household
// (add, merge, the previous head staying on). "Head" is never offered: the head changes by its own step.
import { relationships, type Relationship } from '../../../../src/shared/vocabulary.ts';
import { SelectField } from '../../components/ui.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { relKey } from '../HouseholdPage.tsx';

export function RelationshipSelect({
  label,
  name,
  value,
  onChange,
}: {
  label: string;
  name: string;
  value: Relationship;
  onChange: (r: Relationship) => void;
}) {
  const { t } = useI18n();
  return (
    <SelectField label={label} name={name} value={value} onChange={(e) => onChange(e.target.value as Relationship)}>
      {relationships
        .filter((r) => r !== 'head')
        .map((r) => (
          <option key={r} value={r}>
            {t(relKey(r))}
          </option>
        ))}
    </SelectField>
  );
}
