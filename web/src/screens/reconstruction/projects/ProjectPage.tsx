// A reconstruction project: who funds and implements it, where, its budget against what was
// committed and disbursed (a bar chart per currency, with the figures in a table), its
// transactions, and the form that records a commitment or a disbursement.
import { useState } from 'react';
import { iatiTransactionType } from '../../../../../src/shared/iatiCodelists.ts';
import type { ProjectViewT, TransactionInputT, TransactionViewT } from '../../../api/types.ts';
import { can } from '../../../access.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import { GroupedBarChart } from '../../../components/GroupedBarChart.tsx';
import { Alert, ErrorState, Loading, Screen, SelectField, TextField } from '../../../components/ui.tsx';
import { useLoad } from '../../../components/useLoad.ts';
import { isolate } from '../../../i18n/bidi.tsx';
import { type MessageKey, useI18n } from '../../../i18n/index.tsx';
import { Link } from '../../../router.tsx';
import { useGovernorateName, useSession } from '../../../session.tsx';
import { today, useAction } from '../../household/useAction.ts';
import { DownloadButton, Failure, Money, parseAmount } from './parts.tsx';

const txKey = (type: string) => `projects.tx.${type}` as MessageKey;

export function ProjectPage({ id }: { id: string }) {
  const { t, lang, day } = useI18n();
  const { api, user } = useSession();
  const govName = useGovernorateName();
  const p = useLoad(() => api.get<ProjectViewT>(`/api/v1/reconstruction/projects/${id}`), [api, id]);
  if (p.error) return <ErrorState error={p.error} onRetry={p.reload} />;
  if (!p.data) return <Loading />;
  const project = p.data;
  const manage = can(user?.role, 'manageProjects');
  const title = lang === 'ar' ? project.title.ar : project.title.en;
  return (
    <Screen
      title={title}
      actions={
        manage ? (
          <Link to={{ name: 'editProject', id }} className="btn btn-secondary">
            {t('projects.edit')}
          </Link>
        ) : undefined
      }
    >
      <section className="card" aria-labelledby="project-about">
        <h2 id="project-about">{t('projects.about')}</h2>
        <dl className="facts">
          <dt>{t('projects.identifier')}</dt>
          <dd>
            <bdi dir="ltr">{project.iatiIdentifier}</bdi>
          </dd>
          <dt>{t('projects.status')}</dt>
          <dd>{t(`projects.status.${project.activityStatus}` as MessageKey)}</dd>
          <dt>{t('projects.period')}</dt>
          <dd>{t('projects.fromTo', { from: isolate(day(project.plannedStart)), to: isolate(day(project.plannedEnd)) })}</dd>
          <dt>{t('projects.governorates')}</dt>
          <dd>{project.governorates.map(govName).join('، ')}</dd>
          <dt>{t('projects.reportingOrg')}</dt>
          <dd>
            <bdi>{project.reportingOrg.name}</bdi>
          </dd>
          {project.participatingOrgs.map((o) => (
            <OrgFact key={`${o.role} ${o.name}`} role={o.role} name={o.name} />
          ))}
          {project.housingUnits !== null && (
            <>
              <dt>{t('projects.housingUnits')}</dt>
              <dd>
                <bdi>{project.housingUnits}</bdi>
              </dd>
            </>
          )}
        </dl>
        <p>
          <bdi>{lang === 'ar' ? project.description.ar : project.description.en}</bdi>
        </p>
      </section>
      <Money3 project={project} />
      <Transactions items={project.transactions} />
      {manage && <RecordTransaction project={project} onDone={p.reload} />}
      <DownloadButton
        path="/api/v1/reconstruction/iati"
        label={t('projects.exportIati')}
        body={{ organisation: project.reportingOrg.ref }}
      />
    </Screen>
  );
}

function OrgFact({ role, name }: { role: string; name: string }) {
  const { t } = useI18n();
  return (
    <>
      <dt>{t(`projects.role.${role}` as MessageKey)}</dt>
      <dd>
        <bdi>{name}</bdi>
      </dd>
    </>
  );
}

/** Budget, committed and disbursed: the chart, and the same figures in a table. */
function Money3({ project }: { project: ProjectViewT }) {
  const { t, num } = useI18n();
  const series = [t('projects.budget'), t('projects.committed'), t('projects.disbursed')];
  return (
    <section className="card" aria-labelledby="project-money">
      <h2 id="project-money">{t('projects.money')}</h2>
      <GroupedBarChart
        title={t('projects.money')}
        series={series}
        rows={project.totals.map((x) => ({
          id: x.currency,
          label: x.currency,
          values: [x.budget, x.committed, x.disbursed],
          // short enough for a phone: the table below has every figure
          text: t('projects.chartText', { share: isolate(num(x.budget > 0 ? Math.round((x.disbursed / x.budget) * 100) : 0)) }),
        }))}
      />
      <DataTable
        className="report-table"
        label={t('projects.money')}
        rowHeader={false}
        columns={(['budget', 'committed', 'disbursed'] as const).map((k, i) => ({
          key: k,
          label: series[i]!,
          render: (x: ProjectViewT['totals'][number]) => <Money value={x[k]} currency={x.currency} />,
        }))}
        rows={project.totals}
        rowKey={(x) => x.currency}
      />
    </section>
  );
}

function Transactions({ items }: { items: TransactionViewT[] }) {
  const { t, day } = useI18n();
  return (
    <section className="card" aria-labelledby="project-transactions">
      <h2 id="project-transactions">{t('projects.transactions')}</h2>
      {items.length === 0 ? (
        <p className="muted">{t('projects.noTransactions')}</p>
      ) : (
        <DataTable
          className="report-table"
          label={t('projects.transactions')}
          rowHeader={false}
          columns={[
            { key: 'date', label: t('projects.date'), render: (x) => <bdi>{day(x.date)}</bdi> },
            { key: 'kind', label: t('projects.kind'), render: (x) => t(txKey(x.type)) },
            { key: 'value', label: t('projects.value'), render: (x) => <Money value={x.value} currency={x.currency} /> },
            { key: 'org', label: t('projects.org'), render: (x) => <bdi>{x.receiver?.name ?? x.provider?.name ?? '—'}</bdi> },
          ]}
          rows={items}
          rowKey={(x) => x.id}
        />
      )}
    </section>
  );
}

function RecordTransaction({ project, onDone }: { project: ProjectViewT; onDone: () => void }) {
  const { t } = useI18n();
  const { busy, error, post } = useAction();
  const [type, setType] = useState('2');
  const [date, setDate] = useState(today());
  const [value, setValue] = useState('');
  const [org, setOrg] = useState('');
  const [done, setDone] = useState(false);
  const amount = parseAmount(value);
  const valid = value.trim() !== '' && Number.isFinite(amount) && amount > 0;
  async function submit() {
    if (!valid) return;
    const body: TransactionInputT = { type: type as TransactionInputT['type'], date, value: amount };
    if (org.trim()) body.receiver = { type: '90', name: org.trim() };
    const r = await post<TransactionViewT>(`/api/v1/reconstruction/projects/${project.id}/transactions`, body);
    if (r) {
      setValue('');
      setOrg('');
      setDone(true);
      onDone();
    }
  }
  return (
    <section className="card hh-form" aria-labelledby="project-record">
      <h2 id="project-record">{t('projects.record')}</h2>
      {done && <Alert kind="success">{t('projects.recorded')}</Alert>}
      <SelectField label={t('projects.kind')} name="transactionType" value={type} onChange={(e) => setType(e.target.value)}>
        {Object.keys(iatiTransactionType).map((c) => (
          <option key={c} value={c}>
            {t(txKey(c))}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('projects.date')}
        type="date"
        name="transactionDate"
        max={today()}
        value={date}
        onChange={(e) => setDate(e.target.value)}
      />
      <TextField
        label={t('projects.valueIn', { currency: isolate(project.currency) })}
        name="transactionValue"
        inputMode="decimal"
        dir="ltr"
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <TextField label={t('projects.receiver')} name="transactionReceiver" optional value={org} onChange={(e) => setOrg(e.target.value)} />
      <Failure error={error} />
      <button type="button" className="btn btn-primary" onClick={submit} disabled={busy || !valid}>
        {t('projects.recordButton')}
      </button>
    </section>
  );
}
