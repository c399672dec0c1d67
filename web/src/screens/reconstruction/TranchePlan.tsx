// A case's grant plan (#16): stream, grant, what was paid, the transitional shelter cash, the
// tranches (a release button each, disabled with the reason until an inspection with photos records
// its stage), the inspections, and an engineer's inspection form. Claims officers open the plan and
// release; engineers inspect. The months of shelter cash paid, and why it ended (the last tranche,
// or the household moved into a habitable unit). No names: the case's unit and amounts only.
import { useState } from 'react';
import { photoTypes } from '../../../../src/shared/fieldAssessment.ts';
import { type Stage, stages } from '../../../../src/shared/tranches.ts';
import { ApiError } from '../../api/client.ts';
import { can } from '../../access.ts';
import { Alert, ErrorState, Loading, Screen, SelectField, TextField } from '../../components/ui.tsx';
import { type Column, DataTable } from '../../components/DataTable.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { isolate } from '../../serverReasons.ts';
import { useSession } from '../../session.tsx';
import { ActionError } from '../household/parts.tsx';
import { today, useAction } from '../household/useAction.ts';
import type { PlanT } from './tranchesTypes.ts';
import { useItemName } from './parts.tsx';

const stageKey = (s: Stage) => `tranches.stage.${s}` as MessageKey;

export function TranchePlan({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const { api, user } = useSession();
  const plan = useLoad(
    () =>
      api
        .get<PlanT>(`/api/v1/reconstruction/cases/${caseId}/plan`)
        .catch((e) => (e instanceof ApiError && e.status === 404 ? null : Promise.reject(e))),
    [api, caseId],
  );
  const open = useAction();
  let body = <Loading />;
  if (plan.error) body = <ErrorState error={plan.error} onRetry={plan.reload} />;
  else if (plan.data === null)
    body = (
      <section className="card">
        <p>{t('tranches.none')}</p>
        {can(user?.role, 'openPlan') && (
          <button
            type="button"
            className="btn btn-primary"
            disabled={open.busy}
            onClick={async () => (await open.post(`/api/v1/reconstruction/cases/${caseId}/plan`, {})) && plan.reload()}
          >
            {t('tranches.open')}
          </button>
        )}
        <ActionError error={open.error} />
      </section>
    );
  else if (plan.data) body = <PlanBody plan={plan.data} onChange={plan.reload} />;
  return (
    <Screen title={t('tranches.title')}>
      {can(user?.role, 'readClaimCase') && (
        <p>
          <Link to={{ name: 'claimCase', id: caseId }}>{t('planLinks.case')}</Link>
        </p>
      )}
      {body}
    </Screen>
  );
}

function PlanBody({ plan, onChange }: { plan: PlanT; onChange: () => void }) {
  const { t, num, day } = useI18n();
  const { user } = useSession();
  const money = (n: number) => num(n);
  return (
    <>
      <section className="card" aria-labelledby="plan-summary">
        <h2 id="plan-summary">{t(`tranches.stream.${plan.stream}`)}</h2>
        <dl className="facts">
          <dt>{t('tranches.code')}</dt>
          <dd>
            <bdi data-plan-code>{plan.code}</bdi>
          </dd>
          <dt>{t('tranches.grant')}</dt>
          <dd>
            <bdi>{money(plan.grantAmount)}</bdi>
          </dd>
          <dt>{t('tranches.paid')}</dt>
          <dd>
            <bdi data-paid>{money(plan.paid)}</bdi>
          </dd>
          <dt>{t('tranches.shelter')}</dt>
          <dd data-shelter-state={plan.shelter.endReason ?? (plan.shelter.monthly === 0 ? 'none' : 'running')}>
            {plan.shelter.monthly === 0
              ? t('tranches.shelter.none')
              : plan.shelter.until
                ? plan.shelter.endReason
                  ? t(`shelter.ended.${plan.shelter.endReason}`, { until: isolate(day(plan.shelter.until)) })
                  : t('tranches.shelter.ended', { until: isolate(plan.shelter.until) })
                : t('tranches.shelter.running', { from: isolate(plan.shelter.from), months: isolate(num(plan.shelter.months)) })}
          </dd>
        </dl>
      </section>
      {plan.shelter.monthly > 0 && <ShelterMonths plan={plan} />}
      <section className="card" aria-labelledby="plan-tranches">
        <h2 id="plan-tranches">{t('tranches.list')}</h2>
        <ul className="list">
          {plan.tranches.map((tr) => (
            <TrancheLine key={tr.id} caseId={plan.caseId} tr={tr} onChange={onChange} mayRelease={can(user?.role, 'releaseTranche')} />
          ))}
        </ul>
      </section>
      <Inspections plan={plan} />
      <Quota plan={plan} />
      {can(user?.role, 'inspectStage') && <InspectionForm caseId={plan.caseId} onDone={onChange} />}
    </>
  );
}

function TrancheLine({
  caseId,
  tr,
  onChange,
  mayRelease,
}: {
  caseId: string;
  tr: PlanT['tranches'][number];
  onChange: () => void;
  mayRelease: boolean;
}) {
  const { t, num } = useI18n();
  const release = useAction();
  const reasonId = `why-${tr.id}`;
  return (
    <li className="tranche" data-tranche={tr.seq} data-state={tr.state}>
      <strong>{t('tranches.tranche', { seq: num(tr.seq), stage: t(stageKey(tr.stage)) })}</strong>{' '}
      <span>
        {t('tranches.amount')}: <bdi>{num(tr.amount)}</bdi>
      </span>
      <p className="muted" id={reasonId}>
        {tr.state === 'paid'
          ? t('tranches.state.paid')
          : tr.waitingFor
            ? t(`tranches.waiting.${tr.waitingFor}`)
            : t('tranches.state.ready')}
      </p>
      {mayRelease && tr.state !== 'paid' && (
        <button
          type="button"
          className="btn btn-primary"
          disabled={tr.state !== 'ready' || release.busy}
          aria-describedby={reasonId}
          onClick={async () => (await release.post(`/api/v1/reconstruction/cases/${caseId}/tranches/${tr.id}/release`, {})) && onChange()}
        >
          {t('tranches.release')}
        </button>
      )}
      <ActionError error={release.error} />
    </li>
  );
}

/** The months of shelter cash paid to the plan (ledger rows), and those due and not yet paid. */
function ShelterMonths({ plan }: { plan: PlanT }) {
  const { t, num, day, sep } = useI18n();
  const month = (m: string) => isolate(day(`${m}-01`, 'month'));
  return (
    <section className="card" aria-labelledby="plan-shelter-months">
      <h2 id="plan-shelter-months">{t('shelter.months.paid')}</h2>
      {plan.shelter.paid.length === 0 ? (
        <p className="muted">{t('shelter.months.none')}</p>
      ) : (
        <ul className="list">
          {plan.shelter.paid.map((p) => (
            <li key={p.month} data-shelter-month={p.month}>
              {t('shelter.month.line', { month: month(p.month), amount: isolate(num(p.amount)) })}
            </li>
          ))}
        </ul>
      )}
      {plan.shelter.unpaid.length > 0 && (
        <p className="muted" data-shelter-unpaid={plan.shelter.unpaid.length}>
          {t('shelter.months.unpaid', { months: plan.shelter.unpaid.map(month).join(sep) })}
        </p>
      )}
    </section>
  );
}

function Inspections({ plan }: { plan: PlanT }) {
  const { t, num } = useI18n();
  if (plan.inspections.length === 0) return null;
  return (
    <section className="card" aria-labelledby="plan-inspections">
      <h2 id="plan-inspections">{t('tranches.inspections')}</h2>
      <ul className="list">
        {plan.inspections.map((i) => (
          <li key={i.id}>
            {t('tranches.inspection.line', { stage: t(stageKey(i.stage)), date: isolate(i.inspectedOn), photos: isolate(num(i.photos)) })}
          </li>
        ))}
      </ul>
    </section>
  );
}

type QuotaLine = PlanT['quota'][number];

function Quota({ plan }: { plan: PlanT }) {
  const { t } = useI18n();
  const itemName = useItemName();
  if (plan.quota.length === 0) return null;
  const columns: Column<QuotaLine>[] = [
    { key: 'item', label: t('tranches.quota.item'), render: (q) => itemName(q.item) },
    { key: 'quantity', label: t('tranches.quota.quantity'), numeric: true },
    { key: 'sold', label: t('tranches.quota.sold'), numeric: true },
    { key: 'installed', label: t('tranches.quota.installed'), numeric: true },
    { key: 'remaining', label: t('tranches.quota.remaining'), numeric: true },
  ];
  return (
    <section className="card" aria-labelledby="plan-quota">
      <h2 id="plan-quota">{t('tranches.quota')}</h2>
      <DataTable
        id="quota"
        label={t('tranches.quota')}
        columns={columns}
        rows={plan.quota}
        rowKey={(q) => q.item}
        rowProps={(q) => ({ 'data-row': q.item })}
      />
    </section>
  );
}

const readBase64 = (f: File) =>
  new Promise<string>((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(f);
  });

function InspectionForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useI18n();
  const save = useAction();
  const [stage, setStage] = useState<Stage>('signing');
  const [date, setDate] = useState(today());
  const [photo, setPhoto] = useState<string | null>(null);
  const [cement, setCement] = useState('');
  const [saved, setSaved] = useState(false);
  const [missing, setMissing] = useState(false);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setSaved(false);
    if (!photo) return setMissing(true);
    setMissing(false);
    const installed = Number(cement) > 0 ? [{ item: 'cement', quantity: Number(cement) }] : [];
    const r = await save.post(`/api/v1/reconstruction/cases/${caseId}/inspections`, {
      stage,
      inspectedOn: date,
      photos: [photo],
      installed,
    });
    if (r) {
      setSaved(true);
      onDone();
    }
  }
  return (
    <form className="card" aria-labelledby="inspect-title" onSubmit={submit}>
      <h2 id="inspect-title">{t('tranches.inspect')}</h2>
      <SelectField label={t('tranches.inspect.stage')} value={stage} onChange={(e) => setStage(e.target.value as Stage)}>
        {stages.map((s) => (
          <option key={s} value={s}>
            {t(stageKey(s))}
          </option>
        ))}
      </SelectField>
      <TextField label={t('tranches.inspect.date')} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      <TextField
        label={t('tranches.inspect.photo')}
        hint={t('tranches.inspect.photoHint')}
        type="file"
        accept={photoTypes.join(',')}
        error={missing ? t('tranches.inspect.needPhoto') : undefined}
        onChange={async (e) => {
          const f = e.target.files?.[0];
          setPhoto(f ? await readBase64(f) : null);
        }}
      />
      <TextField
        label={t('tranches.inspect.cement')}
        optional
        inputMode="decimal"
        value={cement}
        onChange={(e) => setCement(e.target.value)}
      />
      <button type="submit" className="btn btn-primary" disabled={save.busy}>
        {t('tranches.inspect.save')}
      </button>
      <ActionError error={save.error} />
      {saved && <Alert kind="success">{t('tranches.inspect.saved')}</Alert>}
    </form>
  );
}
