// Create or change a reconstruction project: its IATI identifier (the reporting organisation's
// identifier, a dash, a suffix), titles and descriptions in Arabic and English, the funding and
// implementing organisations, status and dates, currency, sectors with percentages, governorates
// and budgets. Codes come from the IATI codelists Sanad ships; the server checks the rest.
import { useEffect, useState } from 'react';
import { iatiActivityStatus, iatiCurrencies, iatiOrganisationType, iatiSectors } from '../../../../../src/shared/iatiCodelists.ts';
import type { ProjectInputT, ProjectViewT } from '../../../api/types.ts';
import { ErrorState, Loading, Screen, SelectField, TextAreaField, TextField } from '../../../components/ui.tsx';
import { GovernorateChecks } from '../../../components/GovernorateSelect.tsx';
import { type MessageKey, useI18n } from '../../../i18n/index.tsx';
import { useRouter } from '../../../router.tsx';
import { useSession } from '../../../session.tsx';
import { newOperationId } from '../../../api/client.ts';
import { Failure, parseAmount } from './parts.tsx';

type Org = { ref: string; type: string; name: string };
type Form = {
  iatiIdentifier: string;
  reporting: Org;
  funding: Org;
  implementing: Org;
  titleEn: string;
  titleAr: string;
  descriptionEn: string;
  descriptionAr: string;
  activityStatus: string;
  plannedStart: string;
  plannedEnd: string;
  actualStart: string;
  currency: string;
  sectors: { code: string; percentage: string }[];
  governorates: string[];
  budgets: { periodStart: string; periodEnd: string; value: string }[];
  housingUnits: string;
};

const CURRENCIES = ['ILS', 'USD', 'EUR', 'JOD', ...iatiCurrencies.filter((c) => !['ILS', 'USD', 'EUR', 'JOD'].includes(c))];
const blankOrg = (type = '22'): Org => ({ ref: '', type, name: '' });
const year = new Date().getUTCFullYear();
const blank = (): Form => ({
  iatiIdentifier: '',
  reporting: blankOrg(),
  funding: blankOrg('10'),
  implementing: blankOrg(),
  titleEn: '',
  titleAr: '',
  descriptionEn: '',
  descriptionAr: '',
  activityStatus: '2',
  plannedStart: `${year}-01-01`,
  plannedEnd: `${year}-12-31`,
  actualStart: '',
  currency: 'USD',
  sectors: [{ code: '73010', percentage: '100' }],
  governorates: [],
  budgets: [{ periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, value: '' }],
  housingUnits: '',
});

const orgOf = (p: ProjectViewT, role: string): Org => {
  const o = p.participatingOrgs.find((x) => x.role === role);
  return o ? { ref: o.ref ?? '', type: o.type, name: o.name } : blankOrg();
};
const formOf = (p: ProjectViewT): Form => ({
  iatiIdentifier: p.iatiIdentifier,
  reporting: { ref: p.reportingOrg.ref, type: p.reportingOrg.type, name: p.reportingOrg.name },
  funding: orgOf(p, '1'),
  implementing: orgOf(p, '4'),
  titleEn: p.title.en,
  titleAr: p.title.ar,
  descriptionEn: p.description.en,
  descriptionAr: p.description.ar,
  activityStatus: p.activityStatus,
  plannedStart: p.plannedStart,
  plannedEnd: p.plannedEnd,
  actualStart: p.actualStart ?? '',
  currency: p.currency,
  sectors: p.sectors.map((s) => ({ code: s.code, percentage: String(s.percentage) })),
  governorates: p.governorates,
  budgets: p.budgets.map((b) => ({ periodStart: b.periodStart, periodEnd: b.periodEnd, value: String(b.value) })),
  housingUnits: p.housingUnits === null ? '' : String(p.housingUnits),
});

const org = (o: Org) => ({ ...(o.ref.trim() ? { ref: o.ref.trim() } : {}), type: o.type, name: o.name.trim() });

/** The body the API takes; other participating organisations of an existing project are kept. */
function bodyOf(f: Form, before: ProjectViewT | null): ProjectInputT {
  const others = (before?.participatingOrgs ?? [])
    .filter((o) => o.role !== '1' && o.role !== '4')
    .map((o) => ({ role: o.role, type: o.type, name: o.name, ...(o.ref ? { ref: o.ref } : {}) }));
  return {
    iatiIdentifier: f.iatiIdentifier.trim(),
    reportingOrg: {
      ref: f.reporting.ref.trim(),
      type: f.reporting.type as ProjectInputT['reportingOrg']['type'],
      name: f.reporting.name.trim(),
    },
    title: { en: f.titleEn, ar: f.titleAr },
    description: { en: f.descriptionEn, ar: f.descriptionAr },
    participatingOrgs: [
      { role: '1', ...org(f.funding) },
      { role: '4', ...org(f.implementing) },
      ...others,
    ] as ProjectInputT['participatingOrgs'],
    activityStatus: f.activityStatus as ProjectInputT['activityStatus'],
    plannedStart: f.plannedStart,
    plannedEnd: f.plannedEnd,
    ...(f.actualStart ? { actualStart: f.actualStart } : {}),
    ...(before?.actualEnd ? { actualEnd: before.actualEnd } : {}),
    currency: f.currency as ProjectInputT['currency'],
    sectors: f.sectors.map((s) => ({ code: s.code as ProjectInputT['sectors'][number]['code'], percentage: parseAmount(s.percentage) })),
    locations: f.governorates.map((g) => {
      const point = before?.locations.find((l) => l.governorate === g)?.point;
      return point ? { governorate: g, point } : { governorate: g };
    }),
    budgets: f.budgets.map((b) => ({ periodStart: b.periodStart, periodEnd: b.periodEnd, value: parseAmount(b.value) })),
    ...(f.housingUnits.trim() ? { housingUnits: parseAmount(f.housingUnits) } : {}),
  };
}

export function ProjectForm({ id }: { id?: string }) {
  const { t } = useI18n();
  const { api } = useSession();
  const { go } = useRouter();
  const [before, setBefore] = useState<ProjectViewT | null>(null);
  const [form, setForm] = useState<Form | null>(id ? null : blank());
  const [loadError, setLoadError] = useState<unknown>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [operationId] = useState(newOperationId);
  useEffect(() => {
    if (!id) return;
    api
      .get<ProjectViewT>(`/api/v1/reconstruction/projects/${id}`)
      .then((p) => {
        setBefore(p);
        setForm(formOf(p));
      })
      .catch(setLoadError);
  }, [api, id]);
  if (loadError) return <ErrorState error={loadError} />;
  if (!form) return <Loading />;
  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch });
  async function save() {
    if (!form) return;
    setBusy(true);
    setError(null);
    try {
      const body = bodyOf(form, before);
      const p = before
        ? await api.put<ProjectViewT>(
            `/api/v1/reconstruction/projects/${before.id}`,
            { ...body, version: before.version },
            { idempotencyKey: operationId },
          )
        : await api.post<ProjectViewT>('/api/v1/reconstruction/projects', body, { idempotencyKey: operationId });
      go({ name: 'project', id: p.id });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Screen title={t(before ? 'projects.editTitle' : 'projects.newTitle')} narrow>
      <div className="card hh-form">
        <Identity form={form} set={set} />
        <Orgs form={form} set={set} />
        <Plan form={form} set={set} />
        <Sectors form={form} set={set} />
        <Places form={form} set={set} />
        <Budgets form={form} set={set} />
        <Failure error={error} />
        <button type="button" className="btn btn-primary" onClick={save} disabled={busy}>
          {t('projects.save')}
        </button>
      </div>
    </Screen>
  );
}

type Part = { form: Form; set: (patch: Partial<Form>) => void };

function Identity({ form, set }: Part) {
  const { t } = useI18n();
  return (
    <fieldset>
      <legend>{t('projects.identity')}</legend>
      <OrgFields
        label={t('projects.reportingOrg')}
        prefix="reporting"
        org={form.reporting}
        onChange={(reporting) => set({ reporting })}
        required
      />
      <TextField
        label={t('projects.identifier')}
        hint={t('projects.identifierHint')}
        name="iatiIdentifier"
        dir="ltr"
        value={form.iatiIdentifier}
        onChange={(e) => set({ iatiIdentifier: e.target.value })}
      />
      <TextField
        label={t('projects.titleAr')}
        name="titleAr"
        lang="ar"
        dir="rtl"
        value={form.titleAr}
        onChange={(e) => set({ titleAr: e.target.value })}
      />
      <TextField
        label={t('projects.titleEn')}
        name="titleEn"
        lang="en"
        dir="ltr"
        value={form.titleEn}
        onChange={(e) => set({ titleEn: e.target.value })}
      />
      <TextAreaField
        label={t('projects.descriptionAr')}
        name="descriptionAr"
        lang="ar"
        dir="rtl"
        value={form.descriptionAr}
        onChange={(e) => set({ descriptionAr: e.target.value })}
      />
      <TextAreaField
        label={t('projects.descriptionEn')}
        name="descriptionEn"
        lang="en"
        dir="ltr"
        value={form.descriptionEn}
        onChange={(e) => set({ descriptionEn: e.target.value })}
      />
    </fieldset>
  );
}

function OrgFields({
  label,
  prefix,
  org,
  onChange,
  required,
}: {
  label: string;
  prefix: string;
  org: Org;
  onChange: (o: Org) => void;
  required?: boolean;
}) {
  const { t } = useI18n();
  return (
    <div className="org-fields">
      <h3>{label}</h3>
      <TextField
        label={t('projects.orgName')}
        name={`${prefix}Name`}
        value={org.name}
        onChange={(e) => onChange({ ...org, name: e.target.value })}
      />
      <TextField
        label={t('projects.orgRef')}
        hint={t('projects.orgRefHint')}
        name={`${prefix}Ref`}
        dir="ltr"
        optional={!required}
        value={org.ref}
        onChange={(e) => onChange({ ...org, ref: e.target.value })}
      />
      <SelectField
        label={t('projects.orgType')}
        name={`${prefix}Type`}
        value={org.type}
        onChange={(e) => onChange({ ...org, type: e.target.value })}
      >
        {Object.keys(iatiOrganisationType).map((c) => (
          <option key={c} value={c}>
            {t(`projects.orgType.${c}` as MessageKey)}
          </option>
        ))}
      </SelectField>
    </div>
  );
}

function Orgs({ form, set }: Part) {
  const { t } = useI18n();
  return (
    <fieldset>
      <legend>{t('projects.orgs')}</legend>
      <OrgFields label={t('projects.role.1')} prefix="funding" org={form.funding} onChange={(funding) => set({ funding })} />
      <OrgFields
        label={t('projects.role.4')}
        prefix="implementing"
        org={form.implementing}
        onChange={(implementing) => set({ implementing })}
      />
    </fieldset>
  );
}

function Plan({ form, set }: Part) {
  const { t } = useI18n();
  return (
    <fieldset>
      <legend>{t('projects.plan')}</legend>
      <SelectField
        label={t('projects.status')}
        name="activityStatus"
        value={form.activityStatus}
        onChange={(e) => set({ activityStatus: e.target.value })}
      >
        {Object.keys(iatiActivityStatus).map((c) => (
          <option key={c} value={c}>
            {t(`projects.status.${c}` as MessageKey)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('projects.plannedStart')}
        type="date"
        name="plannedStart"
        value={form.plannedStart}
        onChange={(e) => set({ plannedStart: e.target.value })}
      />
      <TextField
        label={t('projects.plannedEnd')}
        type="date"
        name="plannedEnd"
        value={form.plannedEnd}
        onChange={(e) => set({ plannedEnd: e.target.value })}
      />
      <TextField
        label={t('projects.actualStart')}
        type="date"
        name="actualStart"
        optional
        value={form.actualStart}
        onChange={(e) => set({ actualStart: e.target.value })}
      />
      <SelectField label={t('projects.currency')} name="currency" value={form.currency} onChange={(e) => set({ currency: e.target.value })}>
        {CURRENCIES.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('projects.housingUnits')}
        hint={t('projects.housingUnitsHint')}
        name="housingUnits"
        inputMode="numeric"
        dir="ltr"
        optional
        value={form.housingUnits}
        onChange={(e) => set({ housingUnits: e.target.value })}
      />
    </fieldset>
  );
}

function Sectors({ form, set }: Part) {
  const { t } = useI18n();
  const put = (i: number, patch: Partial<Form['sectors'][number]>) =>
    set({ sectors: form.sectors.map((s, k) => (k === i ? { ...s, ...patch } : s)) });
  return (
    <fieldset>
      <legend>{t('projects.sectors')}</legend>
      {form.sectors.map((s, i) => (
        <div key={`sector-${i}`} className="row-fields">
          <SelectField label={t('projects.sector')} name={`sector${i}`} value={s.code} onChange={(e) => put(i, { code: e.target.value })}>
            {Object.keys(iatiSectors).map((c) => (
              <option key={c} value={c}>
                {t(`projects.sector.${c}` as MessageKey)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('projects.percentage')}
            name={`sectorPercentage${i}`}
            inputMode="decimal"
            dir="ltr"
            value={s.percentage}
            onChange={(e) => put(i, { percentage: e.target.value })}
          />
        </div>
      ))}
      <button
        type="button"
        className="btn btn-secondary"
        onClick={() => set({ sectors: [...form.sectors, { code: '16040', percentage: '' }] })}
      >
        {t('projects.addSector')}
      </button>
    </fieldset>
  );
}

function Places({ form, set }: Part) {
  const { t } = useI18n();
  return (
    <GovernorateChecks legend={t('projects.governorates')} value={form.governorates} onChange={(governorates) => set({ governorates })} />
  );
}

function Budgets({ form, set }: Part) {
  const { t } = useI18n();
  const put = (i: number, patch: Partial<Form['budgets'][number]>) =>
    set({ budgets: form.budgets.map((b, k) => (k === i ? { ...b, ...patch } : b)) });
  return (
    <fieldset>
      <legend>{t('projects.budgets')}</legend>
      <p className="muted">{t('projects.budgetHint')}</p>
      {form.budgets.map((b, i) => (
        <div key={`budget-${i}`} className="row-fields">
          <TextField
            label={t('projects.periodStart')}
            type="date"
            name={`budgetStart${i}`}
            value={b.periodStart}
            onChange={(e) => put(i, { periodStart: e.target.value })}
          />
          <TextField
            label={t('projects.periodEnd')}
            type="date"
            name={`budgetEnd${i}`}
            value={b.periodEnd}
            onChange={(e) => put(i, { periodEnd: e.target.value })}
          />
          <TextField
            label={t('projects.value')}
            name={`budgetValue${i}`}
            inputMode="decimal"
            dir="ltr"
            value={b.value}
            onChange={(e) => put(i, { value: e.target.value })}
          />
        </div>
      ))}
      <button
        type="button"
        className="btn btn-secondary"
        onClick={() => set({ budgets: [...form.budgets, { periodStart: '', periodEnd: '', value: '' }] })}
      >
        {t('projects.addBudget')}
      </button>
    </fieldset>
  );
}
