// The complaints report: by category, channel or governorate, how many tickets, open, overdue,
// closed on time and late, and the median days to close. "<5" where a count is withheld.
import { useState } from 'react';
import type { z } from 'zod';
import type { TicketReport as Report } from '../../../../src/api/routes/tickets/schema.ts';
import { SUPPRESSED_TEXT } from '../../../../src/shared/disclosure.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorState, Loading, Screen, SelectField } from '../../components/ui.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { useGovernorateName, useSession } from '../../session.tsx';

type By = 'category' | 'channel' | 'governorate';

export function TicketReport() {
  const { t, num } = useI18n();
  const { api } = useSession();
  const govName = useGovernorateName();
  const [by, setBy] = useState<By>('category');
  const report = useLoad(() => api.get<z.infer<typeof Report>>(`/api/v1/tickets/report?by=${by}`), [api, by]);
  const cell = (v: number | null) => (v === null ? <bdi dir="ltr">{SUPPRESSED_TEXT}</bdi> : num(v));
  const label = (key: string) => (by === 'governorate' ? govName(key) : t(`tickets.${by}.${key}` as MessageKey));
  return (
    <Screen title={t('tickets.report')}>
      <SelectField label={t('tickets.reportBy')} name="reportBy" value={by} onChange={(e) => setBy(e.target.value as By)}>
        <option value="category">{t('tickets.category')}</option>
        <option value="channel">{t('tickets.channel')}</option>
        <option value="governorate">{t('tickets.governorate')}</option>
      </SelectField>
      {report.error ? (
        <ErrorState error={report.error} onRetry={report.reload} />
      ) : !report.data ? (
        <Loading />
      ) : (
        <DataTable
          className="report-table"
          label={t('tickets.report')}
          columns={[
            { key: 'key', label: t(by === 'governorate' ? 'tickets.governorate' : `tickets.${by}`), render: (r) => label(r.key) },
            { key: 'total', label: t('tickets.col.total'), numeric: true, render: (r) => cell(r.total) },
            { key: 'open', label: t('tickets.col.open'), numeric: true, render: (r) => cell(r.open) },
            { key: 'overdue', label: t('tickets.col.overdue'), numeric: true, render: (r) => cell(r.overdue) },
            { key: 'onTime', label: t('tickets.col.onTime'), numeric: true, render: (r) => cell(r.onTime) },
            { key: 'late', label: t('tickets.col.late'), numeric: true, render: (r) => cell(r.late) },
            {
              key: 'median',
              label: t('tickets.col.median'),
              numeric: true,
              render: (r) => (r.medianDays === null ? '—' : num(r.medianDays)),
            },
          ]}
          rows={report.data.rows}
          rowKey={(r) => r.key}
        />
      )}
    </Screen>
  );
}
