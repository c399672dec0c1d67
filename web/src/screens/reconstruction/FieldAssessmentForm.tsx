// The fields of a field assessment: the building (from the prepared list, nearest first once the
// phone knows where it is) and unit, the shelter-cluster class, habitability, the day, notes, the
// bill of quantities priced from the catalogue, and photos from the camera (kept as they are on
// the device; the server strips their metadata). Works with no connection.
import { type ChangeEvent, type Dispatch, type SetStateAction, useState } from 'react';
import { fieldDamageClasses, PHOTO_MAX_BYTES, photoTypes } from '../../../../src/shared/fieldAssessment.ts';
import { newOperationId } from '../../api/client.ts';
import { Alert, SelectField, TextAreaField, TextField } from '../../components/ui.tsx';
import type { AssessmentBody, Pack, QueuedPhoto } from '../../fieldAssessment/db.ts';
import { isolate } from '../../i18n/bidi.tsx';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { usePlural } from '../../i18n/plural.ts';

type Material = Pack['materials'][number];
type Line = { key: string; itemCode: string; quantity: string; unitCost: string };
export type FormState = {
  buildingId: string;
  unitId: string;
  damageClass: string;
  habitable: '' | 'yes' | 'no';
  assessedOn: string;
  notes: string;
  lines: Line[];
  photos: QueuedPhoto[];
};

const localDay = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
export const emptyForm = (): FormState => ({
  buildingId: '',
  unitId: '',
  damageClass: '',
  habitable: '',
  assessedOn: localDay(),
  notes: '',
  lines: [],
  photos: [],
});
const amount = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.replace(',', '.')));
export const shortRef = (id: string) => id.slice(0, 8);

/** What is sent, or null while something required is missing. */
export function readyBody(f: FormState, id: string): AssessmentBody | null {
  const lines = f.lines.map((l) => ({ itemCode: l.itemCode, quantity: amount(l.quantity), unitCostUsd: amount(l.unitCost) }));
  if (!f.buildingId || !f.damageClass || !f.habitable) return null;
  if (lines.some((l) => !(l.quantity > 0) || !(l.unitCostUsd >= 0))) return null;
  return {
    id,
    buildingId: f.buildingId,
    unitId: f.unitId || null,
    damageClass: f.damageClass as AssessmentBody['damageClass'],
    habitable: f.habitable === 'yes',
    notes: f.notes.trim() || null,
    assessedOn: f.assessedOn,
    lines,
  };
}

type Props = { pack: Pack; materials: Map<string, Material>; form: FormState; setForm: Dispatch<SetStateAction<FormState>> };

export function AssessmentFields({ pack, materials, form, setForm }: Props) {
  const { t } = useI18n();
  const set = (patch: Partial<FormState>) => setForm((f) => ({ ...f, ...patch }));
  return (
    <>
      <BuildingPicker pack={pack} form={form} set={set} />
      <fieldset className="field">
        <legend>{t('assess.class')}</legend>
        <div className="segmented">
          {fieldDamageClasses.map((c) => (
            <label key={c} className="check">
              <input type="radio" name="damageClass" value={c} checked={form.damageClass === c} onChange={() => set({ damageClass: c })} />
              {t(`assess.class.${c}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="field">
        <legend>{t('assess.habitable')}</legend>
        {(['yes', 'no'] as const).map((h) => (
          <label key={h} className="check">
            <input type="radio" name="habitable" value={h} checked={form.habitable === h} onChange={() => set({ habitable: h })} />
            {t(`assess.habitable.${h}`)}
          </label>
        ))}
      </fieldset>
      <TextField
        label={t('assess.assessedOn')}
        name="assessedOn"
        type="date"
        value={form.assessedOn}
        max={localDay()}
        onChange={(e) => set({ assessedOn: e.target.value })}
      />
      <TextAreaField
        label={t('assess.notes')}
        name="notes"
        optional
        value={form.notes}
        maxLength={2000}
        onChange={(e) => set({ notes: e.target.value })}
      />
      <BillOfQuantities materials={materials} lines={form.lines} setLines={(lines) => set({ lines })} />
      <Photos photos={form.photos} setPhotos={(photos) => set({ photos })} />
    </>
  );
}

function useNearest(pack: Pack) {
  const [here, setHere] = useState<{ lon: number; lat: number } | null>(null);
  const distance = (b: Pack['buildings'][number]) =>
    here ? Math.round(Math.hypot((b.lon - here.lon) * 95_000, (b.lat - here.lat) * 111_000)) : null;
  const sorted = here ? [...pack.buildings].sort((a, b) => distance(a)! - distance(b)!) : pack.buildings;
  const locate = () =>
    navigator.geolocation?.getCurrentPosition(
      (p) => setHere({ lon: p.coords.longitude, lat: p.coords.latitude }),
      () => undefined,
      {
        timeout: 10_000,
      },
    );
  return { sorted, distance, locate };
}

function BuildingPicker({ pack, form, set }: { pack: Pack; form: FormState; set: (p: Partial<FormState>) => void }) {
  const { t, num } = useI18n();
  const { sorted, distance, locate } = useNearest(pack);
  const building = pack.buildings.find((b) => b.id === form.buildingId);
  return (
    <>
      <SelectField
        label={t('assess.building')}
        name="buildingId"
        value={form.buildingId}
        onChange={(e) => set({ buildingId: e.target.value, unitId: '' })}
      >
        <option value="">{t('assess.building.choose')}</option>
        {sorted.slice(0, 300).map((b) => {
          const d = distance(b);
          const label = t('assess.building.option', {
            ref: isolate(shortRef(b.id)),
            use: t(`assess.use.${b.use}` as MessageKey),
            floors: num(b.floors ?? 1),
          });
          return (
            <option key={b.id} value={b.id}>
              {d === null ? label : `${label} — ${t('assess.building.near', { m: num(d) })}`}
            </option>
          );
        })}
      </SelectField>
      <button type="button" className="btn btn-secondary btn-small" onClick={locate}>
        {t('assess.nearest')}
      </button>
      {building && building.units.length > 0 && (
        <SelectField label={t('assess.unit')} name="unitId" optional value={form.unitId} onChange={(e) => set({ unitId: e.target.value })}>
          <option value="">{t('assess.unit.whole')}</option>
          {building.units.map((u) => (
            <option key={u.id} value={u.id}>
              {t('assess.unit.option', { floor: num(u.floor), unit: isolate(u.unitNumber) })}
            </option>
          ))}
        </SelectField>
      )}
    </>
  );
}

function BillOfQuantities({
  materials,
  lines,
  setLines,
}: {
  materials: Map<string, Material>;
  lines: Line[];
  setLines: (l: Line[]) => void;
}) {
  const { t, lang, num } = useI18n();
  const usd = (n: number) => t('assess.usd', { amount: isolate(num(Math.round(n * 100) / 100)) });
  const unused = [...materials.values()].filter((m) => !lines.some((l) => l.itemCode === m.code));
  const add = () => {
    const m = unused[0];
    if (m) setLines([...lines, { key: newOperationId(), itemCode: m.code, quantity: '', unitCost: String(m.defaultUnitCostUsd) }]);
  };
  const change = (key: string, patch: Partial<Line>) => setLines(lines.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  const lineTotal = (l: Line) => (amount(l.quantity) > 0 && amount(l.unitCost) >= 0 ? amount(l.quantity) * amount(l.unitCost) : 0);
  return (
    <fieldset className="field field-boq">
      <legend>{t('assess.boq')}</legend>
      {lines.length === 0 && <p className="muted">{t('assess.boq.empty')}</p>}
      {lines.map((l, i) => {
        const m = materials.get(l.itemCode);
        return (
          <div key={l.key} className="field-boq-line" data-line={i}>
            <SelectField
              label={t('assess.boq.item')}
              name={`item-${i}`}
              value={l.itemCode}
              onChange={(e) =>
                change(l.key, { itemCode: e.target.value, unitCost: String(materials.get(e.target.value)?.defaultUnitCostUsd ?? '') })
              }
            >
              {[...materials.values()]
                .filter((x) => x.code === l.itemCode || unused.includes(x))
                .map((x) => (
                  <option key={x.code} value={x.code}>
                    {lang === 'ar' ? x.nameAr : x.nameEn} ({t(`assess.unit.${x.unit}`)})
                  </option>
                ))}
            </SelectField>
            <TextField
              label={m ? `${t('assess.boq.quantity')} (${t(`assess.unit.${m.unit}`)})` : t('assess.boq.quantity')}
              name={`quantity-${i}`}
              inputMode="decimal"
              value={l.quantity}
              onChange={(e) => change(l.key, { quantity: e.target.value })}
            />
            <TextField
              label={t('assess.boq.unitCost')}
              name={`unitCost-${i}`}
              inputMode="decimal"
              value={l.unitCost}
              onChange={(e) => change(l.key, { unitCost: e.target.value })}
            />
            <p className="field-line-total">{t('assess.boq.lineTotal', { amount: usd(lineTotal(l)) })}</p>
            <button type="button" className="btn btn-secondary btn-small" onClick={() => setLines(lines.filter((x) => x.key !== l.key))}>
              {t('assess.boq.remove')}
            </button>
          </div>
        );
      })}
      {unused.length > 0 && (
        <button type="button" className="btn btn-secondary btn-small" onClick={add}>
          {t('assess.boq.add')}
        </button>
      )}
      <p className="field-boq-total">
        <strong>{t('assess.boq.total', { amount: usd(lines.reduce((s, l) => s + lineTotal(l), 0)) })}</strong>
      </p>
    </fieldset>
  );
}

/** Where the phone is, if it says within a few seconds (no permission, no fix: no location). */
const position = () =>
  new Promise<{ lon: number; lat: number } | null>((resolve) => {
    if (!navigator.geolocation) return resolve(null);
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lon: p.coords.longitude, lat: p.coords.latitude }),
      () => resolve(null),
      { timeout: 5_000, maximumAge: 60_000 },
    );
    return undefined;
  });

function Photos({ photos, setPhotos }: { photos: QueuedPhoto[]; setPhotos: (p: QueuedPhoto[]) => void }) {
  const { t } = useI18n();
  const plural = usePlural();
  const [refusal, setRefusal] = useState<MessageKey | null>(null);
  const attach = async (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    e.target.value = '';
    setRefusal(null);
    const where = files.length ? await position() : null;
    const taken: QueuedPhoto[] = [];
    for (const f of files) {
      if (!(photoTypes as readonly string[]).includes(f.type)) setRefusal('problem.photo_type_not_allowed');
      else if (f.size > PHOTO_MAX_BYTES) setRefusal('problem.photo_too_large');
      else {
        const at = Math.min(f.lastModified || Date.now(), Date.now());
        // A copy of the bytes with no file name: the name stays on the phone.
        const blob = new Blob([await f.arrayBuffer()], { type: f.type });
        taken.push({
          photoId: newOperationId(),
          type: f.type,
          blob,
          takenAt: new Date(at).toISOString(),
          lon: where?.lon ?? null,
          lat: where?.lat ?? null,
          sent: false,
        });
      }
    }
    setPhotos([...photos, ...taken]);
  };
  return (
    <fieldset className="field">
      <legend>{t('assess.photos')}</legend>
      <label className="btn btn-secondary">
        {t('assess.photos.take')}
        <input
          className="visually-hidden"
          type="file"
          name="photo"
          accept="image/*"
          capture="environment"
          multiple
          onChange={(e) => void attach(e)}
        />
      </label>
      <p className="hint">{t('assess.photos.hint')}</p>
      <p className="field-photo-count">{plural('assess.photos.count', photos.length)}</p>
      {photos.length > 0 && (
        <button type="button" className="btn btn-secondary btn-small" onClick={() => setPhotos([])}>
          {t('assess.photos.remove')}
        </button>
      )}
      {refusal && <Alert kind="error">{t(refusal)}</Alert>}
    </fieldset>
  );
}
