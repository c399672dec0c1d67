// The materials reconciliation (#16): per governorate and item, the quota of approved cases, what
// vendors sold, what inspections saw installed, and what left the vendors of that governorate.
import { type Column, DataTable } from '../../components/DataTable.tsx';
import { ErrorState, Loading, Screen } from '../../components/ui.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useGovernorateName, useSession } from '../../session.tsx';
import type { ReconciliationT } from './tranchesTypes.ts';
import { useItemName } from './parts.tsx';

type Line = ReconciliationT['items'][number];

export function MaterialsReconciliation() {
  const { t } = useI18n();
  const { api } = useSession();
  const governorate = useGovernorateName();
  const r = useLoad(() => api.get<ReconciliationT>('/api/v1/reconstruction/materials/reconciliation'), [api]);
  const item = useItemName();
  const columns: Column<Line>[] = [
    { key: 'governorate', label: t('tranches.materials.governorate'), render: (x) => governorate(x.governorate) },
    { key: 'item', label: t('tranches.quota.item'), render: (x) => item(x.item) },
    { key: 'quota', label: t('tranches.quota.quantity'), numeric: true },
    { key: 'sold', label: t('tranches.quota.sold'), numeric: true },
    { key: 'installed', label: t('tranches.quota.installed'), numeric: true },
    { key: 'leftVendors', label: t('tranches.materials.leftVendors'), numeric: true },
  ];
  let body = <Loading />;
  if (r.error) body = <ErrorState error={r.error} onRetry={r.reload} />;
  else if (r.data && r.data.items.length === 0) body = <p className="muted">{t('tranches.materials.none')}</p>;
  else if (r.data)
    body = (
      <DataTable
        id="materials"
        label={t('tranches.materials.title')}
        columns={columns}
        rows={r.data.items}
        rowKey={(x) => `${x.governorate} ${x.item}`}
        rowProps={(x) => ({ 'data-row': `${x.governorate}:${x.item}` })}
      />
    );
  return (
    <Screen title={t('tranches.materials.title')}>
      <p>{t('tranches.materials.intro')}</p>
      {body}
    </Screen>
  );
}
