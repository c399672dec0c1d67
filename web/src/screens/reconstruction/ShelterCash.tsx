// This month's transitional shelter cash (#16), on the grant plans screen: how many plans are due
// and not yet paid and their total, what was paid this month, and, for those who release tranches,
// the button that pays it (each plan's month once: pressing again pays nothing more). No names.
import { useState } from 'react';
import { can } from '../../access.ts';
import { Alert, ErrorState, Loading } from '../../components/ui.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { usePlural } from '../../i18n/plural.ts';
import { isolate } from '../../serverReasons.ts';
import { useSession } from '../../session.tsx';
import { ActionError } from '../household/parts.tsx';
import { today, useAction } from '../household/useAction.ts';
import type { ShelterDueT, ShelterRunT } from './tranchesTypes.ts';

export function ShelterCashDue() {
  const { t, num, day } = useI18n();
  const plural = usePlural();
  const { api, user } = useSession();
  const month = today().slice(0, 7);
  const due = useLoad(() => api.get<ShelterDueT>(`/api/v1/reconstruction/shelter-cash?month=${month}`), [api, month]);
  const pay = useAction();
  const [run, setRun] = useState<ShelterRunT | null>(null);
  let body = <Loading />;
  if (due.error) body = <ErrorState error={due.error} onRetry={due.reload} />;
  else if (due.data)
    body = (
      <>
        <p>{t('shelter.due.month', { month: isolate(day(`${month}-01`, 'month')) })}</p>
        <p data-shelter-due={due.data.due.plans}>
          <strong>{plural('shelter.due.plans', due.data.due.plans)}</strong>
          {due.data.due.plans > 0 && <> — {t('shelter.due.total', { total: isolate(num(due.data.due.total)) })}</>}
        </p>
        <p className="muted" data-shelter-paid={due.data.paid.plans}>
          {plural('shelter.paid.plans', due.data.paid.plans, { total: isolate(num(due.data.paid.total)) })}
        </p>
      </>
    );
  return (
    <section className="card" aria-labelledby="shelter-due">
      <h2 id="shelter-due">{t('shelter.due.title')}</h2>
      {body}
      {can(user?.role, 'payShelterCash') && (
        <button
          type="button"
          className="btn btn-primary"
          disabled={pay.busy || !due.data}
          onClick={async () => {
            setRun(null);
            const r = await pay.post<ShelterRunT>('/api/v1/reconstruction/shelter-cash/payments', { month });
            if (r) {
              setRun(r);
              due.reload();
            }
          }}
        >
          {t('shelter.pay')}
        </button>
      )}
      <ActionError error={pay.error} />
      {run && (
        <Alert kind="success">
          <span data-shelter-run={run.paid}>{plural('shelter.run.plans', run.paid, { total: isolate(num(run.total)) })}</span>
        </Alert>
      )}
    </section>
  );
}
