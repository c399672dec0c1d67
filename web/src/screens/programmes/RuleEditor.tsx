// The rule editor: each rule as form fields (who is eligible, how much per household and per
// person, how often) instead of JSON; the order matters (the first rule that fits wins per item).
import type { z } from 'zod';
import type { ItemView } from '../../../../src/api/routes/aid/schema.ts';
import { derivedVulnerabilities, vulnerabilityKinds } from '../../../../src/shared/vocabulary.ts';
import { ChoiceChecks } from '../../components/ChoiceChecks.tsx';
import { SelectField, TextField } from '../../components/ui.tsx';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { useGovernorateName, useSession } from '../../session.tsx';
import type { RuleForm, TriState } from './ruleForm.ts';

type Item = z.infer<typeof ItemView>;
type Edit = (patch: Partial<RuleForm>) => void;
const VULNS: readonly string[] = [...vulnerabilityKinds, ...derivedVulnerabilities];

function Tri({ label, name, value, onChange }: { label: string; name: string; value: TriState; onChange: (v: TriState) => void }) {
  const { t } = useI18n();
  return (
    <SelectField label={label} name={name} value={value} onChange={(e) => onChange(e.target.value as TriState)}>
      <option value="">{t('prog.rule.any')}</option>
      <option value="yes">{t('prog.rule.yes')}</option>
      <option value="no">{t('prog.rule.no')}</option>
    </SelectField>
  );
}

function Num({
  label,
  name,
  value,
  bad,
  onChange,
}: {
  label: string;
  name: string;
  value: string;
  bad: boolean;
  onChange: (v: string) => void;
}) {
  const { t } = useI18n();
  return (
    <TextField
      label={label}
      name={name}
      inputMode="decimal"
      dir="ltr"
      maxLength={16}
      value={value}
      optional={name !== 'base'}
      onChange={(e) => onChange(e.target.value)}
      error={bad ? t('prog.rule.invalid') : null}
    />
  );
}

function Who({ f, edit, bad }: { f: RuleForm; edit: Edit; bad: string[] }) {
  const { t } = useI18n();
  const { governorates } = useSession();
  const gname = useGovernorateName();
  return (
    <fieldset className="rule-part">
      <legend>{t('prog.rule.who')}</legend>
      <ChoiceChecks
        legend={t('prog.rule.governorates')}
        name="governorates"
        options={governorates.map((g) => ({ value: g.pcode, label: gname(g.pcode) }))}
        value={f.governorates}
        onChange={(governorates) => edit({ governorates })}
      />
      <div className="rule-grid">
        <Tri label={t('prog.rule.displaced')} name="displaced" value={f.displaced} onChange={(displaced) => edit({ displaced })} />
        <Tri label={t('prog.rule.inSite')} name="inSite" value={f.inSite} onChange={(inSite) => edit({ inSite })} />
        <Num
          label={t('prog.rule.minSize')}
          name="minSize"
          value={f.minSize}
          bad={bad.includes('minSize')}
          onChange={(minSize) => edit({ minSize })}
        />
        <Num
          label={t('prog.rule.maxSize')}
          name="maxSize"
          value={f.maxSize}
          bad={bad.includes('maxSize')}
          onChange={(maxSize) => edit({ maxSize })}
        />
      </div>
      <ChoiceChecks
        legend={t('prog.rule.vulns')}
        name="vulnerabilities"
        options={VULNS.map((v) => ({ value: v, label: t(`vuln.${v}` as MessageKey) }))}
        value={f.vulnerabilities}
        onChange={(vulnerabilities) => edit({ vulnerabilities })}
      />
    </fieldset>
  );
}

function HowMuch({ f, edit, bad }: { f: RuleForm; edit: Edit; bad: string[] }) {
  const { t } = useI18n();
  return (
    <>
      <fieldset className="rule-part">
        <legend>{t('prog.rule.howMuch')}</legend>
        <div className="rule-grid">
          <Num label={t('prog.rule.base')} name="base" value={f.base} bad={bad.includes('base')} onChange={(base) => edit({ base })} />
          <Num
            label={t('prog.rule.perPerson')}
            name="perPerson"
            value={f.perPerson}
            bad={bad.includes('perPerson')}
            onChange={(perPerson) => edit({ perPerson })}
          />
          <Num label={t('prog.rule.max')} name="max" value={f.max} bad={bad.includes('max')} onChange={(max) => edit({ max })} />
          <SelectField
            label={t('prog.rule.rounding')}
            name="rounding"
            value={f.rounding}
            onChange={(e) => edit({ rounding: e.target.value as RuleForm['rounding'] })}
          >
            {(['none', 'up', 'down'] as const).map((r) => (
              <option key={r} value={r}>
                {t(`prog.rule.rounding.${r}`)}
              </option>
            ))}
          </SelectField>
        </div>
      </fieldset>
      <fieldset className="rule-part">
        <legend>{t('prog.rule.howOften')}</legend>
        <Num
          label={t('prog.rule.everyCycles')}
          name="everyCycles"
          value={f.everyCycles}
          bad={bad.includes('everyCycles')}
          onChange={(everyCycles) => edit({ everyCycles })}
        />
        <label className="check">
          <input type="checkbox" name="once" checked={f.once} onChange={(e) => edit({ once: e.target.checked })} />
          {t('prog.rule.once')}
        </label>
      </fieldset>
    </>
  );
}

/** One rule: its item, who, how much, how often. */
export function RuleEditor({
  n,
  f,
  items,
  bad,
  onChange,
  onRemove,
}: {
  n: number;
  f: RuleForm;
  items: Item[];
  bad: string[];
  onChange: (f: RuleForm) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const edit: Edit = (patch) => onChange({ ...f, ...patch });
  return (
    <fieldset className="card rule" aria-label={t('prog.rule.n', { n })}>
      <legend>{t('prog.rule.n', { n })}</legend>
      <SelectField
        label={t('prog.rule.item')}
        name="item"
        value={f.item}
        onChange={(e) => edit({ item: e.target.value })}
        error={bad.includes('item') ? t('valid.required') : null}
      >
        <option value="">{t('admin.pick')}</option>
        {items.map((i) => (
          <option key={i.code} value={i.code}>
            {i.name} ({i.unit})
          </option>
        ))}
      </SelectField>
      <Who f={f} edit={edit} bad={bad} />
      <HowMuch f={f} edit={edit} bad={bad} />
      <button type="button" className="btn btn-secondary btn-small" onClick={onRemove}>
        {t('prog.rules.remove')}
      </button>
    </fieldset>
  );
}
