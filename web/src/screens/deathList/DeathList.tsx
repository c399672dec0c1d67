// A health ministry's death list, for the administrator: choose the CSV, apply it, read what it did
// (applied, already known, held with the reasons). The rows held are named by number and reason
// only; the names stay on the server. The new-head tasks it opened are on the tasks screen.
import { useState } from 'react';
import { can } from '../../access.ts';
import type { DeathListSummaryT } from '../../api/types.ts';
import { Alert, errorKey, Screen, TextField } from '../../components/ui.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { deathListColumns, deathListHeldReasons } from '../../../../src/shared/deathList.ts';
import { BODY_LIMIT_BYTES } from '../../../../src/shared/limits.ts';

export function DeathList() {
  const { t } = useI18n();
  const { api } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [summary, setSummary] = useState<DeathListSummaryT | null>(null);
  async function apply() {
    setProblem(null);
    setSummary(null);
    if (!file) return setProblem(t('deaths.chooseFile'));
    // the JSON body carries the text: room is left for its quoting
    if (file.size > BODY_LIMIT_BYTES * 0.9) return setProblem(t('deaths.tooLarge'));
    setBusy(true);
    try {
      const content = await file.text();
      setSummary(await api.post<DeathListSummaryT>('/api/v1/life-events/death-lists', { fileName: file.name, content }));
    } catch (err) {
      setProblem(t(errorKey(err)));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Screen title={t('deaths.title')} narrow>
      <section className="card" aria-labelledby="deaths-upload">
        <p id="deaths-upload">{t('deaths.intro')}</p>
        <p>{t('deaths.columns')}</p>
        <p>
          <code dir="ltr" className="death-columns">
            {deathListColumns.join(',')}
          </code>
        </p>
        <TextField label={t('deaths.file')} type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        {problem && <Alert kind="error">{problem}</Alert>}
        <button type="button" className="btn btn-primary" disabled={busy} onClick={apply}>
          {busy ? t('deaths.applying') : t('deaths.apply')}
        </button>
      </section>
      {summary && <Summary s={summary} />}
    </Screen>
  );
}

function Summary({ s }: { s: DeathListSummaryT }) {
  const { t, num } = useI18n();
  const { user } = useSession();
  const line = (label: string, n: number) => (
    <div key={label}>
      <dt>{label}</dt>
      <dd>
        <bdi>{num(n)}</bdi>
      </dd>
    </div>
  );
  return (
    <section className="card" aria-labelledby="deaths-summary">
      <h2 id="deaths-summary">{t('deaths.summary')}</h2>
      <dl className="facts">
        {line(t('deaths.rows'), s.rows)}
        {line(t('deaths.applied'), s.applied)}
        {line(t('deaths.alreadyKnown'), s.alreadyKnown)}
        {line(t('deaths.held'), s.held)}
        {deathListHeldReasons.filter((r) => (s.heldBy[r] ?? 0) > 0).map((r) => line(t(`deaths.reason.${r}`), s.heldBy[r] ?? 0))}
      </dl>
      {s.heldRows.length > 0 && (
        <>
          <h3>{t('deaths.heldRows')}</h3>
          <div className="table-scroll">
            <table className="compare death-held">
              <thead>
                <tr>
                  <th scope="col">{t('deaths.row')}</th>
                  <th scope="col">{t('deaths.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {s.heldRows.slice(0, 200).map((h) => (
                  <tr key={h.rowNumber}>
                    <td>
                      <bdi>{num(h.rowNumber)}</bdi>
                    </td>
                    <td>{t(`deaths.reason.${h.reason}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {s.applied > 0 && can(user?.role, 'tasks') && (
        <Link to={{ name: 'tasks' }} className="btn">
          {t('deaths.tasks')}
        </Link>
      )}
    </section>
  );
}
