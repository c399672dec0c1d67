// Register or edit a shelter site (POST / PUT /api/v1/sites), and close it (status "closed").
import { useMemo, useState, type FormEvent } from 'react';
import { newOperationId } from '../api/client.ts';
import type { z } from 'zod';
import type { Locality } from '../../../src/api/routes/places/schema.ts';
import type { SiteViewT } from '../api/types.ts';
import { useLoad } from '../components/useLoad.ts';
import { siteKinds, sitePhases, siteStatuses } from '../../../src/shared/siteVocabulary.ts';
import { ErrorState, SelectField, TextField } from '../components/ui.tsx';
import { GovernorateSelect } from '../components/GovernorateSelect.tsx';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { useSession } from '../session.tsx';
import { kindKey, statusKey } from './Sites.tsx';

type Fields = {
  kind: string;
  name: string;
  governorate: string;
  locality: string;
  managingOrganisation: string;
  coveredAreaM2: string;
  toilets: string;
  waterPoints: string;
  waterLitresPerDay: string;
  phase: string;
  status: string;
  lat: string;
  lon: string;
};
const NUMBERS = ['coveredAreaM2', 'toilets', 'waterPoints', 'waterLitresPerDay'] as const;
const INTEGERS: readonly string[] = ['toilets', 'waterPoints'];
const str = (n: number | null) => (n === null ? '' : String(n));

function fieldsOf(s: SiteViewT | undefined, governorate: string): Fields {
  return {
    kind: s?.kind ?? 'school',
    name: s?.name ?? '',
    governorate: s?.governorate ?? governorate,
    locality: s?.locality ?? '',
    managingOrganisation: s?.managingOrganisation ?? '',
    coveredAreaM2: str(s?.coveredAreaM2 ?? null),
    toilets: str(s?.toilets ?? null),
    waterPoints: str(s?.waterPoints ?? null),
    waterLitresPerDay: str(s?.waterLitresPerDay ?? null),
    phase: s?.phase ?? 'initial',
    status: s?.status ?? 'open',
    lat: str(s?.lat ?? null),
    lon: str(s?.lon ?? null),
  };
}

/** Digits typed in Arabic-Indic are read as numbers too. */
const toNumber = (v: string) => Number(v.trim().replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660)));

function numberError(f: Fields, k: keyof Fields, min: number, max: number): boolean {
  if (f[k].trim() === '') return false;
  const n = toNumber(f[k]);
  return !Number.isFinite(n) || n < min || n > max || (INTEGERS.includes(k) && !Number.isInteger(n));
}

function bodyOf(f: Fields): Record<string, unknown> {
  const body: Record<string, unknown> = { kind: f.kind, name: f.name.trim(), governorate: f.governorate, phase: f.phase, status: f.status };
  if (f.locality) body.locality = f.locality;
  if (f.managingOrganisation.trim()) body.managingOrganisation = f.managingOrganisation.trim();
  for (const k of [...NUMBERS, 'lat', 'lon'] as const) if (f[k].trim() !== '') body[k] = toNumber(f[k]);
  return body;
}

/** The site as the form would send it (used by "close": the same fields, status closed). */
export function siteBody(s: SiteViewT): Record<string, unknown> {
  return bodyOf(fieldsOf(s, s.governorate));
}

/** Sends the site once: one operation id per form, so a retry after a dropped connection cannot register it twice. */
function useSaveSite(site: SiteViewT | undefined, onDone: (s: SiteViewT) => void) {
  const { api } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const operationId = useMemo(newOperationId, []);
  async function save(body: Record<string, unknown>) {
    setBusy(true);
    setError(null);
    try {
      const saved = site
        ? await api.put<SiteViewT>(`/api/v1/sites/${site.id}`, { ...body, version: site.version }, { idempotencyKey: operationId })
        : await api.post<SiteViewT>('/api/v1/sites', body, { idempotencyKey: operationId });
      onDone(saved);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, save };
}

export function SiteForm({ site, onDone, onCancel }: { site?: SiteViewT; onDone: (s: SiteViewT) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const { user } = useSession();
  const [f, setF] = useState<Fields>(() => fieldsOf(site, user?.me?.governorates[0] ?? ''));
  const [touched, setTouched] = useState(false);
  const { busy, error, save } = useSaveSite(site, onDone);
  // a new governorate clears the locality, which belongs to the old one
  const set = (k: keyof Fields) => (e: { target: { value: string } }) =>
    setF((x) => ({ ...x, [k]: e.target.value, ...(k === 'governorate' ? { locality: '' } : {}) }));
  const numberProps = { f, set, touched };
  const invalid =
    !f.name.trim() ||
    !f.governorate ||
    NUMBERS.some((k) => numberError(f, k, 0, 1e10)) ||
    numberError(f, 'lat', -90, 90) ||
    numberError(f, 'lon', -180, 180);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (invalid) return;
    await save(bodyOf(f));
  }

  return (
    <form className="card" onSubmit={submit} noValidate>
      <SiteIdentity f={f} set={set} touched={touched} />
      <NumberInput label={t('siteEdit.area')} name="coveredAreaM2" mode="decimal" {...numberProps} />
      <NumberInput label={t('siteEdit.toilets')} name="toilets" mode="numeric" {...numberProps} />
      <NumberInput label={t('siteEdit.waterPoints')} name="waterPoints" mode="numeric" {...numberProps} />
      <NumberInput label={t('siteEdit.water')} name="waterLitresPerDay" mode="decimal" {...numberProps} />
      <SelectField label={t('siteEdit.phase')} name="phase" value={f.phase} onChange={set('phase')}>
        {sitePhases.map((p) => (
          <option key={p} value={p}>
            {t(`siteEdit.phase.${p}` as MessageKey)}
          </option>
        ))}
      </SelectField>
      <NumberInput label={t('siteEdit.lat')} name="lat" mode="decimal" min={-90} max={90} {...numberProps} />
      <NumberInput label={t('siteEdit.lon')} name="lon" mode="decimal" min={-180} max={180} {...numberProps} />
      {error !== null && <ErrorState error={error} />}
      <FormButtons busy={busy} label={site ? t('common.save') : t('siteEdit.create')} onCancel={onCancel} />
    </form>
  );
}

type Localities = { items: z.infer<typeof Locality>[] };
type SetField = (k: keyof Fields) => (e: { target: { value: string } }) => void;

function SiteIdentity({ f, set, touched }: { f: Fields; set: SetField; touched: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <TextField
        label={t('siteEdit.name')}
        name="name"
        value={f.name}
        onChange={set('name')}
        error={touched && !f.name.trim() ? t('valid.required') : null}
      />
      <SelectField label={t('sites.kind')} name="kind" value={f.kind} onChange={set('kind')}>
        {siteKinds.map((k) => (
          <option key={k} value={k}>
            {t(kindKey(k))}
          </option>
        ))}
      </SelectField>
      <GovernorateSelect
        label={t('siteEdit.governorate')}
        name="governorate"
        value={f.governorate}
        onChange={(value) => set('governorate')({ target: { value } })}
        error={touched && !f.governorate ? t('valid.required') : null}
      />
      <LocalityField governorate={f.governorate} value={f.locality} set={set} />
      <SelectField label={t('sites.status')} name="status" value={f.status} onChange={set('status')}>
        {siteStatuses.map((s) => (
          <option key={s} value={s}>
            {t(statusKey(s))}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('siteEdit.org')}
        optional
        name="managingOrganisation"
        value={f.managingOrganisation}
        onChange={set('managingOrganisation')}
      />
    </>
  );
}

function FormButtons({ busy, label, onCancel }: { busy: boolean; label: string; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <div className="row">
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? t('common.loading') : label}
      </button>
      <button type="button" className="btn btn-secondary" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}

/** The locality, among those of the chosen governorate (optional; absent when it has none on record). */
function LocalityField({ governorate, value, set }: { governorate: string; value: string; set: SetField }) {
  const { t, lang } = useI18n();
  const { api } = useSession();
  const list = useLoad(
    () => (governorate ? api.get<Localities>(`/api/v1/places/localities?governorate=${governorate}`) : Promise.resolve({ items: [] })),
    [governorate, api],
  );
  const items = list.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <SelectField label={t('siteEdit.locality')} optional name="locality" value={value} onChange={set('locality')}>
      <option value="">{t('common.none')}</option>
      {items.map((l) => (
        <option key={l.id} value={l.id}>
          {lang === 'en' && l.nameEn ? l.nameEn : l.nameAr}
        </option>
      ))}
    </SelectField>
  );
}

/** An optional number of the site (area, toilets, water, coordinates), with its range checked once tried. */
function NumberInput({
  label,
  name,
  mode,
  min = 0,
  max = 1e10,
  f,
  set,
  touched,
}: {
  label: string;
  name: keyof Fields;
  mode: 'numeric' | 'decimal';
  min?: number;
  max?: number;
  f: Fields;
  set: SetField;
  touched: boolean;
}) {
  const { t } = useI18n();
  return (
    <TextField
      label={label}
      optional
      name={name}
      inputMode={mode}
      value={f[name]}
      onChange={set(name)}
      error={touched && numberError(f, name, min, max) ? t('siteEdit.notNumber') : null}
    />
  );
}
