// Cash reaching households (#16), per governorate since the start of the year: cash aid handed
// over, reconstruction tranches released and transitional shelter cash paid, each its own line
// (households reached, payments, amount), and the households reached by any of them counted once.
// A joint case's payment counts once. Counts and sums only.
import type { ReactNode } from 'react';
import { ErrorState, Loading, Screen } from '../../components/ui.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { usePlural } from '../../i18n/plural.ts';
import { useGovernorateName, useSession } from '../../session.tsx';
import type { CashReportT } from './tranchesTypes.ts';

export function CashReport() {
  const { t, num } = useI18n();
  const plural = usePlural();
  const { api } = useSession();
  const governorate = useGovernorateName();
  const r = useLoad(() => api.get<CashReportT>('/api/v1/aid/reports/cash'), [api]);
  const head = [t('cash.source'), t('cash.households'), t('cash.payments'), t('cash.amount')];
  let body: ReactNode = <Loading />;
  if (r.error) body = <ErrorState error={r.error} onRetry={r.reload} />;
  else if (r.data && r.data.governorates.length === 0) body = <p className="muted">{t('cash.none')}</p>;
  else if (r.data) {
    const data = r.data;
    body = data.governorates.map((g) => (
      <section key={g.governorate} className="card" aria-labelledby={`cash-${g.governorate}`} data-cash-governorate={g.governorate}>
        <h2 id={`cash-${g.governorate}`}>{governorate(g.governorate)}</h2>
        <p data-cash-households={g.households}>{plural('cash.reached', g.households)}</p>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than a phone scrolls; the keyboard must reach it (WCAG 2.1.1) */}
        <section className="table-scroll" tabIndex={0} aria-label={governorate(g.governorate)}>
          <table className="recon-table">
            <thead>
              <tr>
                {head.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.lines
                .filter((l) => l.governorate === g.governorate)
                .map((l) => (
                  <tr key={`${l.source}:${l.item ?? ''}:${l.unit}`} data-cash-line={l.source}>
                    <th scope="row">
                      {t(`cash.source.${l.source}`)}
                      {l.item && (
                        <>
                          {' '}
                          <bdi>{l.item}</bdi>
                        </>
                      )}
                    </th>
                    <td>
                      <bdi>{num(l.households)}</bdi>
                    </td>
                    <td>
                      <bdi>{num(l.payments)}</bdi>
                    </td>
                    <td>
                      <bdi>{num(l.amount)}</bdi> <bdi>{l.unit}</bdi>
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
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
