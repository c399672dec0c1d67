// Reconstruction projects: the list (budget, committed and disbursed per project), the funds
// committed and disbursed per governorate (with the HXL CSV), and the IATI file of all of them.
import type { FundsViewT, ProjectListT } from '../../../api/types.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import { ErrorState, Loading, Screen } from '../../../components/ui.tsx';
import { useLoad } from '../../../components/useLoad.ts';
import { can } from '../../../access.ts';
import { withNodes } from '../../../i18n/bidi.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { Link } from '../../../router.tsx';
import { useGovernorateName, useSession } from '../../../session.tsx';
import { DownloadButton, Money } from './parts.tsx';

export function Projects() {
  const { t, lang } = useI18n();
  const { api, user } = useSession();
  const govName = useGovernorateName();
  const list = useLoad(() => api.get<ProjectListT>('/api/v1/reconstruction/projects'), [api]);
  const funds = useLoad(() => api.get<FundsViewT>('/api/v1/reconstruction/funds'), [api]);
  const actions = can(user?.role, 'manageProjects') ? (
    <Link to={{ name: 'newProject' }} className="btn btn-primary">
      {t('projects.new')}
    </Link>
  ) : undefined;
  return (
    <Screen title={t('projects.title')} actions={actions}>
      <section className="card" aria-labelledby="projects-list">
        <h2 id="projects-list">{t('projects.list')}</h2>
        {list.error ? (
          <ErrorState error={list.error} onRetry={list.reload} />
        ) : !list.data ? (
          <Loading />
        ) : list.data.items.length === 0 ? (
          <p className="muted">{t('projects.none')}</p>
        ) : (
          <ul className="list">
            {list.data.items.map((p) => {
              const main = p.totals[0];
              return (
                <li key={p.id} className="project-item">
                  <p>
                    <Link to={{ name: 'project', id: p.id }}>
                      <bdi>{lang === 'ar' ? p.title.ar : p.title.en}</bdi>
                    </Link>
                  </p>
                  <p className="muted">
                    <bdi dir="ltr">{p.iatiIdentifier}</bdi>
                    {'، '}
                    {p.governorates.map(govName).join('، ')}
                  </p>
                  {main && (
                    <p className="muted">
                      {withNodes(t('projects.committedOf'), {
                        committed: <Money value={main.committed} currency={main.currency} />,
                        budget: <Money value={main.budget} currency={main.currency} />,
                      })}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        <DownloadButton path="/api/v1/reconstruction/iati" label={t('projects.exportIati')} />
        <p className="muted">{t('projects.iatiHint')}</p>
      </section>
      <section className="card" aria-labelledby="projects-funds">
        <h2 id="projects-funds">{t('projects.funds')}</h2>
        {funds.error ? (
          <ErrorState error={funds.error} onRetry={funds.reload} />
        ) : !funds.data ? (
          <Loading />
        ) : funds.data.rows.length === 0 ? (
          <p className="muted">{t('projects.noFunds')}</p>
        ) : (
          <DataTable
            className="report-table"
            label={t('projects.funds')}
            columns={[
              { key: 'governorate', label: t('projects.governorate'), render: (r) => govName(r.governorate) },
              { key: 'committed', label: t('projects.committed'), render: (r) => <Money value={r.committed} currency={r.currency} /> },
              { key: 'disbursed', label: t('projects.disbursed'), render: (r) => <Money value={r.disbursed} currency={r.currency} /> },
            ]}
            rows={funds.data.rows}
            rowKey={(r) => `${r.governorate} ${r.currency}`}
          />
        )}
        <DownloadButton path="/api/v1/reconstruction/funds.csv" label={t('projects.fundsCsv')} />
      </section>
    </Screen>
  );
}
