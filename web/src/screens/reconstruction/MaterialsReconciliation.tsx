// The materials reconciliation (#16): per governorate and item, the quota of approved cases, what
// vendors sold, what inspections saw installed, and what left the vendors of that governorate.
import { ErrorState, Loading, Screen } from '../../components/ui.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useGovernorateName, useSession } from '../../session.tsx';
import type { ReconciliationT } from './tranchesTypes.ts';
import { useItemName } from './parts.tsx';

export function MaterialsReconciliation() {
  const { t, num } = useI18n();
  const { api } = useSession();
  const governorate = useGovernorateName();
  const r = useLoad(() => api.get<ReconciliationT>('/api/v1/reconstruction/materials/reconciliation'), [api]);
  const item = useItemName();
  const head = [
    t('tranches.materials.governorate'),
    t('tranches.quota.item'),
    t('tranches.quota.quantity'),
    t('tranches.quota.sold'),
    t('tranches.quota.installed'),
    t('tranches.materials.leftVendors'),
  ];
  let body = <Loading />;
  if (r.error) body = <ErrorState error={r.error} onRetry={r.reload} />;
  else if (r.data && r.data.items.length === 0) body = <p className="muted">{t('tranches.materials.none')}</p>;
  else if (r.data)
    body = (
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than a phone scrolls; the keyboard must reach it (WCAG 2.1.1)
      <section className="table-scroll" tabIndex={0} aria-label={t('tranches.materials.title')}>
        <table className="recon-table" data-table="materials">
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
            {r.data.items.map((x) => (
              <tr key={`${x.governorate} ${x.item}`} data-row={`${x.governorate}:${x.item}`}>
                <th scope="row">{governorate(x.governorate)}</th>
                <td>{item(x.item)}</td>
                <td>
                  <bdi>{num(x.quota)}</bdi>
                </td>
                <td>
                  <bdi>{num(x.sold)}</bdi>
                </td>
                <td>
                  <bdi>{num(x.installed)}</bdi>
                </td>
                <td>
                  <bdi>{num(x.leftVendors)}</bdi>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    );
  return (
    <Screen title={t('tranches.materials.title')}>
      <p>{t('tranches.materials.intro')}</p>
      {body}
    </Screen>
  );
}
