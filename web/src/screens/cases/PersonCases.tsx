// A person's cases on their page: those the reader may open (a link), the other non-sensitive ones
// (who follows them), and the form to open a new one with the consent recorded.
import { useState } from 'react';
import { caseTypes } from '../../../../src/shared/cases.ts';
import type { CaseViewT, PersonCaseListT } from '../../api/types.ts';
import { ErrorState, Loading, SelectField, TextAreaField } from '../../components/ui.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Link, useRouter } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { ActionError, Collapsible } from '../household/parts.tsx';
import { useAction } from '../household/useAction.ts';
import { CaseSummary } from './parts.tsx';

export function PersonCases({ personId, mayOpen }: { personId: string; mayOpen: boolean }) {
  const { t } = useI18n();
  const { api } = useSession();
  const list = useLoad(() => api.get<PersonCaseListT>(`/api/v1/persons/${personId}/cases`), [personId, api]);
  return (
    <>
      <section className="card" aria-labelledby="person-cases">
        <h2 id="person-cases">{t('cases.ofPerson')}</h2>
        {list.error ? (
          <ErrorState error={list.error} onRetry={list.reload} />
        ) : !list.data ? (
          <Loading />
        ) : list.data.items.length === 0 ? (
          <p className="muted">{t('cases.ofPersonNone')}</p>
        ) : (
          <ul className="list">
            {list.data.items.map((c) => (
              <li key={c.id} className="case-item">
                <CaseSummary c={c} />
                {c.mayOpen ? (
                  <Link to={{ name: 'case', id: c.id }} className="btn btn-secondary">
                    {t('cases.open')}
                  </Link>
                ) : (
                  <p className="muted">{t('cases.notYours')}</p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {mayOpen && (
        <Collapsible id="case-new" title={t('cases.new')}>
          <NewCase personId={personId} />
        </Collapsible>
      )}
    </>
  );
}

function NewCase({ personId }: { personId: string }) {
  const { t } = useI18n();
  const { go } = useRouter();
  const { busy, error, post } = useAction();
  const [type, setType] = useState('');
  const [consent, setConsent] = useState(false);
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  async function submit() {
    setTried(true);
    if (!type) return;
    const c = await post<CaseViewT>('/api/v1/cases', {
      type,
      personId,
      consent: { given: consent },
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    if (c) go({ name: 'case', id: c.id });
  }
  return (
    <div className="hh-form">
      <SelectField
        label={t('cases.type')}
        name="caseType"
        value={type}
        onChange={(e) => setType(e.target.value)}
        error={tried && !type ? t('valid.required') : null}
      >
        <option value="">{t('common.none')}</option>
        {caseTypes.map((k) => (
          <option key={k} value={k}>
            {t(`cases.type.${k}`)}
          </option>
        ))}
      </SelectField>
      <label className="check">
        <input type="checkbox" name="caseConsent" checked={consent} onChange={(e) => setConsent(e.target.checked)} /> {t('cases.consent')}
      </label>
      <TextAreaField
        label={t('cases.note')}
        optional
        name="caseNote"
        dir="auto"
        maxLength={4000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <ActionError error={error} />
      <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void submit()}>
        {busy ? t('common.loading') : t('cases.create')}
      </button>
    </div>
  );
}
