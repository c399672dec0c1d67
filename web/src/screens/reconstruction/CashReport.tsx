// Cash reaching households (#16), per governorate since the start of the year: cash aid handed
// over, reconstruction tranches released and transitional shelter cash paid, each its own line
// (households reached, payments, amount), and the households reached by any of them counted once.
// A joint case's payment counts once. Counts and sums only.
import type { ReactNode } from 'react';
import { type Column, DataTable } from '../../components/DataTable.tsx';
import { ErrorState, Loading, Screen } from '../../components/ui.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { usePlural } from '../../i18n/plural.ts';
import { useGovernorateName, useSession } from '../../session.tsx';
import type { CashReportT } from './tranchesTypes.ts';

type Line = CashReportT['lines'][number];

export function CashReport() {
  const { t, num } = useI18n();
  const plural = usePlural();
  const { api } = useSession();
  const governorate = useGovernorateName();
  const r = useLoad(() => api.get<CashReportT>('/api/v1/aid/reports/cash'), [api]);
  const columns: Column<Line>[] = [
    {
      key: 'source',
      label: t('cash.source'),
      render: (l) => (
        <>
          {t(`cash.source.${l.source}`)}
          {l.item && (
            <>
              {' '}
              <bdi>{l.item}</bdi>
            </>
          )}
        </>
      ),
    },
    { key: 'households', label: t('cash.households'), numeric: true },
    { key: 'payments', label: t('cash.payments'), numeric: true },
    {
      key: 'amount',
      label: t('cash.amount'),
      render: (l) => (
        <>
          <bdi>{num(l.amount)}</bdi> <bdi>{l.unit}</bdi>
        </>
      ),
    },
  ];
  let body: ReactNode = <Loading />;
  if (r.error) body = <ErrorState error={r.error} onRetry={r.reload} />;
  else if (r.data && r.data.governorates.length === 0) body = <p className="muted">{t('cash.none')}</p>;
  else if (r.data) {
    const data = r.data;
    body = data.governorates.map((g) => (
      <section key={g.governorate} className="card" aria-labelledby={`cash-${g.governorate}`} data-cash-governorate={g.governorate}>
        <h2 id={`cash-${g.governorate}`}>{governorate(g.governorate)}</h2>
        <p data-cash-households={g.households}>{plural('cash.reached', g.households)}</p>
        <DataTable
          label={governorate(g.governorate)}
          columns={columns}
          rows={data.lines.filter((l) => l.governorate === g.governorate)}
          rowKey={(l) => `${l.source}:${l.item ?? ''}:${l.unit}`}
          rowProps={(l) => ({ 'data-cash-line': l.source })}
        />
      </section>
    ));
  }
  return (
    <Screen title={t('cash.title')}>
      <p>{t('cash.intro')}</p>
      {body}
    </Screen>
  );
}
