// The parts of the claim rules editor: the three groups of fields (who may claim, the grant by damage
// class, the priority weights), each field with its error beside it; a saved version read-only; the
// preview of the effect of proposed rules. Numbers in <bdi>, counts in the plural of the language.
import type { ReactNode } from 'react';
import type { ClaimRulesT, RulesPreviewT } from '../../api/claimTypes.ts';
import { ChoiceChecks } from '../../components/ChoiceChecks.tsx';
import { SelectField, TextField } from '../../components/ui.tsx';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { type PluralBase, usePluralParts } from '../../i18n/plural.ts';
import { useGovernorateName } from '../../session.tsx';
import { claimBases, fieldClasses, grantStreams } from '../../../../src/shared/claims.ts';
import { type ClaimRulesForm, type WeightKey, weightKeys } from './claimRulesForm.ts';

export type ErrorOf = (path: string) => string | null;
type Edit = (patch: Partial<ClaimRulesForm>) => void;

/** A weight's label: the priority field's name, or the editor's own words where the weight is per unit. */
export const weightLabel = (k: WeightKey): MessageKey =>
  k === 'children' || k === 'children_max' || k === 'household_size' ? `rules.weight.${k}` : `claims.field.${k}`;

export function Eligibility({ f, edit, errorOf }: { f: ClaimRulesForm; edit: Edit; errorOf: ErrorOf }) {
  const { t } = useI18n();
  return (
    <fieldset className="rule-part">
      <legend>{t('rules.eligibility')}</legend>
      <ChoiceChecks
        legend={t('rules.bases')}
        name="bases"
        open
        options={claimBases.map((b) => ({ value: b, label: t(`claims.basis.${b}`) }))}
        value={f.bases}
        onChange={(bases) => edit({ bases })}
        error={errorOf('eligibility.bases')}
      />
      <ChoiceChecks
        legend={t('rules.classes')}
        name="classes"
        open
        options={fieldClasses.map((c) => ({ value: c, label: t(`claims.class.${c}`) }))}
        value={f.classes}
        onChange={(classes) => edit({ classes })}
        error={errorOf('eligibility.classes')}
      />
      <label className="check">
        <input
          type="checkbox"
          name="requireOccupancy"
          checked={f.requireOccupancy}
          onChange={(e) => edit({ requireOccupancy: e.target.checked })}
        />
        {t('rules.requireOccupancy')}
      </label>
    </fieldset>
  );
}

export function Grants({ f, edit, errorOf }: { f: ClaimRulesForm; edit: Edit; errorOf: ErrorOf }) {
  const { t } = useI18n();
  return (
    <fieldset className="rule-part">
      <legend>{t('rules.grants')}</legend>
      <p className="hint">{t('rules.grantsHint')}</p>
      {fieldClasses.map((c) => {
        const g = f.grants[c];
        const set = (patch: Partial<typeof g>) => edit({ grants: { ...f.grants, [c]: { ...g, ...patch } } });
        const cls = t(`claims.class.${c}`);
        return (
          <div className="rule-grid" key={c}>
            <SelectField
              label={t('rules.stream', { class: cls })}
              name={`stream-${c}`}
              value={g.stream}
              onChange={(e) => set({ stream: e.target.value as typeof g.stream })}
              error={errorOf(`grants.${c}.stream`)}
            >
              <option value="">{t('rules.noGrant')}</option>
              {grantStreams.map((s) => (
                <option key={s} value={s}>
                  {t(`claims.stream.${s}`)}
                </option>
              ))}
            </SelectField>
            {g.stream !== '' && (
              <TextField
                label={t('rules.amount', { class: cls })}
                name={`amount-${c}`}
                inputMode="decimal"
                dir="ltr"
                maxLength={16}
                value={g.amount}
                onChange={(e) => set({ amount: e.target.value })}
                error={errorOf(`grants.${c}.amount`)}
              />
            )}
          </div>
        );
      })}
    </fieldset>
  );
}

export function Weights({ f, edit, errorOf }: { f: ClaimRulesForm; edit: Edit; errorOf: ErrorOf }) {
  const { t } = useI18n();
  return (
    <fieldset className="rule-part">
      <legend>{t('rules.priority')}</legend>
      <p className="hint">{t('rules.priorityHint')}</p>
      <div className="rule-grid">
        {weightKeys.map((k) => (
          <TextField
            key={k}
            label={t(weightLabel(k))}
            name={`weight-${k}`}
            inputMode={k === 'children_max' ? 'numeric' : 'decimal'}
            dir="ltr"
            maxLength={12}
            value={f.priority[k]}
            onChange={(e) => edit({ priority: { ...f.priority, [k]: e.target.value } })}
            error={errorOf(`priority.${k}`)}
          />
        ))}
      </div>
    </fieldset>
  );
}

/** A saved version of the rules, read-only. */
export function RulesSummary({ rules }: { rules: ClaimRulesT }) {
  const { t, num, sep } = useI18n();
  const row = (label: ReactNode, value: ReactNode, key: string) => (
    <tr key={key}>
      <th scope="row">{label}</th>
      <td>{value}</td>
    </tr>
  );
  return (
    <table className="compare claim-rules-summary">
      <tbody>
        {row(t('rules.bases'), rules.eligibility.bases.map((b) => t(`claims.basis.${b}`)).join(sep), 'bases')}
        {row(t('rules.classes'), rules.eligibility.classes.map((c) => t(`claims.class.${c}`)).join(sep), 'classes')}
        {row(t('rules.requireOccupancy'), t(rules.eligibility.requireOccupancy ? 'rules.yes' : 'rules.no'), 'occ')}
        {fieldClasses.map((c) => {
          const g = rules.grants.find((x) => x.class === c);
          const value = g ? (
            <>
              {t(`claims.stream.${g.stream}`)}
              {sep}
              <bdi>{num(g.amount)}</bdi>
            </>
          ) : (
            t('rules.noGrant')
          );
          return row(t('rules.amount', { class: t(`claims.class.${c}`) }), value, `g-${c}`);
        })}
        {weightKeys.map((k) => row(t(weightLabel(k)), <bdi>{num(rules.priority[k])}</bdi>, `w-${k}`))}
      </tbody>
    </table>
  );
}

function Count({ base, n }: { base: PluralBase; n: number }) {
  const c = usePluralParts()(base, n);
  return c.number === undefined ? (
    c.text
  ) : (
    <>
      {c.before}
      <bdi>{c.number}</bdi>
      {c.after}
    </>
  );
}

/** What saving the proposed rules would do to the open cases: counts, and the top of the new ranking beside the old. */
export function PreviewResult({ p }: { p: RulesPreviewT }) {
  const { t, num, dir } = useI18n();
  const gname = useGovernorateName();
  const score = (s: number | null) => <bdi>{s === null ? '–' : num(s)}</bdi>;
  // on a phone the table's rows stack: each cell carries its column's name (hidden from screen readers, which read the header)
  const label = (k: MessageKey) => (
    <span className="compare-label" aria-hidden="true">
      {t(k)}
    </span>
  );
  return (
    <section className="card claim-rules-preview" aria-live="polite">
      <h3>{t('rules.previewTitle', { version: num(p.basedOn) })}</h3>
      <ul>
        <li className="big" data-count="rank">
          <Count base="rules.preview.rank" n={p.rankChanged} />
          {p.openCases > 0 && (
            <>
              {' '}
              <span className="muted">
                <Count base="rules.preview.open" n={p.openCases} />
              </span>
            </>
          )}
        </li>
        <li data-count="eligibility">
          <Count base="rules.preview.eligibility" n={p.eligibilityChanged} />
        </li>
        <li data-count="grant">
          <Count base="rules.preview.grant" n={p.grantChanged} />
        </li>
      </ul>
      {p.governorate && (
        <>
          <h4>{t('rules.top', { governorate: gname(p.governorate) })}</h4>
          {p.top.length === 0 ? (
            <p className="muted">{t('rules.topEmpty')}</p>
          ) : (
            <div className="table-scroll">
              <table className="compare claim-rules-top">
                <thead>
                  <tr>
                    <th scope="col">{t('rules.col.new')}</th>
                    <th scope="col">{t('rules.col.old')}</th>
                    <th scope="col">{t('rules.col.unit')}</th>
                    <th scope="col">{t('rules.col.score')}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.top.map((l) => (
                    <tr key={l.id} data-case={l.id} data-moved={l.oldRank !== l.newRank ? 'yes' : 'no'}>
                      <td>
                        {label('rules.col.new')}
                        <bdi>{num(l.newRank)}</bdi>
                      </td>
                      <td>
                        {label('rules.col.old')}
                        <bdi>{num(l.oldRank)}</bdi>
                      </td>
                      <td>
                        {label('rules.col.unit')}
                        <bdi>{l.unitNumber}</bdi>
                        {!l.eligible && <span className="chip chip-alert">{t('rules.notEligible')}</span>}
                      </td>
                      <td>
                        {label('rules.col.score')}
                        {score(l.oldScore)} {dir === 'rtl' ? '←' : '→'} {score(l.newScore)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
