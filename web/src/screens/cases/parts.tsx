// Small pieces shared by the case screens: a case's one-line summary (type, person, stage, who, when).
import type { CaseViewT } from '../../api/types.ts';
import { PersonName } from '../../components/ui.tsx';
import { useI18n } from '../../i18n/index.tsx';

export function CaseSummary({ c }: { c: CaseViewT }) {
  const { t, dateTime } = useI18n();
  return (
    <>
      <p>
        <strong>{t(`cases.type.${c.type}`)}</strong>
        {c.sensitive && <span className="badge badge-warning">{t('cases.sensitiveBadge')}</span>}
      </p>
      <p>
        <PersonName fullName={c.person.fullName} fullNameEn={c.person.fullNameEn} />
      </p>
      <p className="muted">
        {t('cases.stage')}: {t(`cases.stage.${c.stage}`)}
        {c.awaiting && (
          <>
            {'، '}
            {t(`cases.awaiting.${c.awaiting}`)}
          </>
        )}
      </p>
      <p className="muted">
        {c.assignedTo ? t('cases.assignedTo', { name: `\u2068${c.assignedTo.username}\u2069` }) : t('cases.unassigned')}
        {c.stage !== 'closed' && (
          <>
            {'، '}
            <span className={c.overdue ? 'task-overdue' : undefined}>
              {c.overdue ? t('cases.overdue') : t('cases.due', { date: dateTime(c.dueAt) })}
            </span>
          </>
        )}
      </p>
    </>
  );
}
