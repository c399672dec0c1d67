// A case file: its summary, its timeline, and what the reader may do at this stage: add a note, a
// service, a referral, a follow-up or an interim caregiver; submit the assessment, the plan or the
// closure; decide (a supervisor); assign, share, reopen. Opening it is logged by the server.
import type { CaseFileViewT } from '../../api/types.ts';
import { Alert, ErrorState, Loading, Screen } from '../../components/ui.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { AddEntry, AssignForm, DecisionForm, ReopenForm, ShareForm } from './CaseActions.tsx';
import { CaseSummary } from './parts.tsx';
import { can } from '../../access.ts';
import { ReferPanel } from '../referrals/ReferPanel.tsx';

export function CasePage({ id }: { id: string }) {
  const { t } = useI18n();
  const { api, user } = useSession();
  const file = useLoad(() => api.get<CaseFileViewT>(`/api/v1/cases/${id}`), [id, api]);
  if (file.error)
    return (
      <Screen title={t('cases.title')}>
        <ErrorState error={file.error} onRetry={file.reload} />
      </Screen>
    );
  if (!file.data)
    return (
      <Screen title={t('cases.title')}>
        <Loading />
      </Screen>
    );
  const c = file.data;
  const writer = c.access !== 'shared';
  const needsCaregiver = c.type === 'child_protection' && !c.entries.some((e) => e.kind === 'caregiver');
  return (
    <Screen title={t('cases.title')}>
      <p>
        <Link to={{ name: 'cases' }}>{t('cases.mine')}</Link>
      </p>
      <section className="card">
        <CaseSummary c={c} />
        {c.sensitive && <p className="muted">{t('cases.sensitive')}</p>}
        <p>
          <Link to={{ name: 'person', id: c.person.id }} className="btn btn-secondary">
            {t('person.title')}
          </Link>
        </p>
      </section>
      {!writer && <Alert kind="info">{t('cases.readOnly')}</Alert>}
      {writer && needsCaregiver && c.stage !== 'closed' && <Alert kind="warning">{t('cases.caregiverNeeded')}</Alert>}
      {c.access === 'supervisor' && c.awaiting && <DecisionForm c={c} onDone={file.reload} />}
      {writer && c.stage !== 'closed' && <AddEntry c={c} onDone={file.reload} />}
      {writer && c.stage === 'closed' && <ReopenForm c={c} onDone={file.reload} />}
      <Timeline c={c} />
      {writer && <AssignForm c={c} onDone={file.reload} />}
      {writer && <ShareForm c={c} onDone={file.reload} />}
      {writer && can(user?.role, 'refer') && <ReferPanel c={c} onDone={file.reload} />}
    </Screen>
  );
}

function Timeline({ c }: { c: CaseFileViewT }) {
  const { t, dateTime, day } = useI18n();
  return (
    <section className="card" aria-labelledby="case-timeline">
      <h2 id="case-timeline">{t('cases.timeline')}</h2>
      <ol className="timeline">
        {[...c.entries].reverse().map((e) => (
          <li key={e.id} data-kind={e.kind}>
            <strong>{t(`cases.entry.${e.kind}` as MessageKey)}</strong>
            {typeof e.body.reason === 'string' && <p>{t(`cases.reason.${e.body.reason}` as MessageKey)}</p>}
            {typeof e.body.text === 'string' && <p>{e.body.text}</p>}
            {typeof e.body.nextDate === 'string' && (
              <p>
                {t('cases.nextDate')}: {day(e.body.nextDate)}
              </p>
            )}
            {typeof e.body.personId === 'string' && (
              <p>
                <Link to={{ name: 'person', id: e.body.personId }}>{t('cases.caregiverOpen')}</Link>
              </p>
            )}
            <p className="muted">{t('cases.by', { who: `\u2068${e.author ?? t('history.system')}\u2069`, when: dateTime(e.at) })}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
