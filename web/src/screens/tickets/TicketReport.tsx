// The complaints report: by category, channel or governorate, how many tickets, open, overdue,
// closed on time and late, and the median days to close. "<5" where a count is withheld.
import { useState } from 'react';
import type { z } from 'zod';
import type { TicketReport as Report } from '../../../../src/api/routes/tickets/schema.ts';
import { SUPPRESSED_TEXT } from '../../../../src/shared/disclosure.ts';
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
        <div className="table-scroll">
          <table className="report-table">
            <thead>
              <tr>
                <th scope="col">{t(by === 'governorate' ? 'tickets.governorate' : `tickets.${by}`)}</th>
                <th scope="col">{t('tickets.col.total')}</th>
                <th scope="col">{t('tickets.col.open')}</th>
                <th scope="col">{t('tickets.col.overdue')}</th>
                <th scope="col">{t('tickets.col.onTime')}</th>
                <th scope="col">{t('tickets.col.late')}</th>
                <th scope="col">{t('tickets.col.median')}</th>
              </tr>
            </thead>
            <tbody>
              {report.data.rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{label(r.key)}</th>
                  <td>{cell(r.total)}</td>
                  <td>{cell(r.open)}</td>
                  <td>{cell(r.overdue)}</td>
                  <td>{cell(r.onTime)}</td>
                  <td>{cell(r.late)}</td>
                  <td>{r.medianDays === null ? '—' : num(r.medianDays)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Screen>
  );
}
