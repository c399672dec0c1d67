// The fields of a life event report: what happened, when, who says so, how sure, and the detail of
// an injury (severity, life-changing, amputation) or a disability (the Washington Group short set).
import {
  confidences,
  injurySeverities,
  type LifeEventKind,
  lifeEventKinds,
  lifeEventSources,
  wgDomains,
  wgLevels,
} from '../../../../src/shared/lifeEvents.ts';
import { SelectField, TextField } from '../../components/ui.tsx';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { checkDay } from '../../validate.ts';
import { today } from '../household/useAction.ts';

export type EventValues = {
  kind: LifeEventKind | '';
  date: string;
  source: string;
  confidence: string;
  severity: string;
  lifeChanging: boolean;
  amputation: boolean;
  wg: Record<string, string>;
  note: string;
};
export const blankEvent = (): EventValues => ({
  kind: '',
  date: '',
  source: '',
  confidence: 'medium',
  severity: '',
  lifeChanging: false,
  amputation: false,
  wg: {},
  note: '',
});

/** The body of a report or a correction from the values (detail only for its kind; empty parts left out). */
export function eventBody(v: EventValues) {
  const detail: Record<string, unknown> = {};
  if (v.kind === 'injury') {
    if (v.severity) detail.severity = v.severity;
    if (v.lifeChanging) detail.lifeChanging = true;
    if (v.amputation) detail.amputation = true;
  }
  if (v.kind === 'disability' && Object.keys(v.wg).length > 0) detail.washingtonGroup = v.wg;
  return {
    ...(v.date ? { date: v.date } : {}),
    source: v.source,
    confidence: v.confidence,
    detail,
    ...(v.note.trim() ? { note: v.note.trim() } : {}),
  };
}

export const eventProblem = (v: EventValues) => !v.kind || !v.source || (v.date !== '' && checkDay(v.date) !== null);

export function EventFields({
  v,
  set,
  tried,
  kindFixed = false,
}: {
  v: EventValues;
  set: (p: Partial<EventValues>) => void;
  tried: boolean;
  kindFixed?: boolean;
}) {
  const { t } = useI18n();
  const dateErr = v.date ? checkDay(v.date) : null;
  return (
    <>
      {!kindFixed && (
        <SelectField
          label={t('life.kind')}
          name="lifeKind"
          value={v.kind}
          onChange={(e) => set({ kind: e.target.value as LifeEventKind })}
          error={tried && !v.kind ? t('valid.required') : null}
        >
          <option value="">{t('common.none')}</option>
          {lifeEventKinds.map((k) => (
            <option key={k} value={k}>
              {t(`life.kind.${k}`)}
            </option>
          ))}
        </SelectField>
      )}
      <TextField
        label={t('life.date')}
        optional
        hint={t('life.dateHint')}
        type="date"
        name="lifeDate"
        value={v.date}
        max={today()}
        onChange={(e) => set({ date: e.target.value })}
        error={dateErr ? t(dateErr) : null}
      />
      <SelectField
        label={t('life.source')}
        name="lifeSource"
        value={v.source}
        onChange={(e) => set({ source: e.target.value })}
        error={tried && !v.source ? t('valid.required') : null}
      >
        <option value="">{t('common.none')}</option>
        {lifeEventSources.map((s) => (
          <option key={s} value={s}>
            {t(`life.source.${s}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('life.confidence')}
        name="lifeConfidence"
        value={v.confidence}
        onChange={(e) => set({ confidence: e.target.value })}
      >
        {confidences.map((c) => (
          <option key={c} value={c}>
            {t(`life.confidence.${c}`)}
          </option>
        ))}
      </SelectField>
      {v.kind === 'injury' && <InjuryFields v={v} set={set} />}
      {v.kind === 'disability' && <WashingtonGroup v={v} set={set} />}
      <TextField
        label={t('life.note')}
        optional
        name="lifeNote"
        maxLength={1000}
        value={v.note}
        onChange={(e) => set({ note: e.target.value })}
      />
    </>
  );
}

function InjuryFields({ v, set }: { v: EventValues; set: (p: Partial<EventValues>) => void }) {
  const { t } = useI18n();
  return (
    <>
      <SelectField
        label={t('life.severity')}
        optional
        name="lifeSeverity"
        value={v.severity}
        onChange={(e) => set({ severity: e.target.value })}
      >
        <option value="">{t('common.none')}</option>
        {injurySeverities.map((s) => (
          <option key={s} value={s}>
            {t(`life.severity.${s}`)}
          </option>
        ))}
      </SelectField>
      <label className="check">
        <input type="checkbox" name="lifeChanging" checked={v.lifeChanging} onChange={(e) => set({ lifeChanging: e.target.checked })} />{' '}
        {t('life.lifeChanging')}
      </label>
      <label className="check">
        <input type="checkbox" name="lifeAmputation" checked={v.amputation} onChange={(e) => set({ amputation: e.target.checked })} />{' '}
        {t('life.amputation')}
      </label>
    </>
  );
}

function WashingtonGroup({ v, set }: { v: EventValues; set: (p: Partial<EventValues>) => void }) {
  const { t } = useI18n();
  return (
    <fieldset className="wg">
      <legend>{t('life.wg')}</legend>
      {wgDomains.map((d) => (
        <SelectField
          key={d}
          label={t(`life.wg.${d}` as MessageKey)}
          optional
          name={`wg-${d}`}
          value={v.wg[d] ?? ''}
          onChange={(e) => {
            const wg = { ...v.wg };
            if (e.target.value) wg[d] = e.target.value;
            else delete wg[d];
            set({ wg });
          }}
        >
          <option value="">{t('common.none')}</option>
          {wgLevels.map((l) => (
            <option key={l} value={l}>
              {t(`life.wg.${l}`)}
            </option>
          ))}
        </SelectField>
      ))}
    </fieldset>
  );
}
