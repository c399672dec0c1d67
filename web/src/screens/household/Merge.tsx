// Merge: every current member of another household (found through one of its members) joins this
// one from a date, with the relationship chosen; asked before it is done.
import { useState } from 'react';
import type { Relationship } from '../../../../src/shared/vocabulary.ts';
import type { HouseholdViewT, PersonSummaryT, PersonViewT } from '../../api/types.ts';
import { ErrorState, Loading, PersonName } from '../../components/ui.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { RelationshipSelect } from './RelationshipSelect.tsx';
import { Link } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { relKey } from '../HouseholdPage.tsx';
import { ActionError, Collapsible, ConfirmButton, DateField, ReasonField, usePlural, withReason } from './parts.tsx';
import { PersonPicker } from './PersonPicker.tsx';
import { today, useAction } from './useAction.ts';

export function Merge({ h, onChanged }: { h: HouseholdViewT; onChanged: () => void }) {
  const { t } = useI18n();
  const [picked, setPicked] = useState<PersonSummaryT | null>(null);
  const members = h.members.filter((m) => m.validTo === null).map((m) => m.personId);
  return (
    <Collapsible id="hh-merge" title={t('hh.merge.title')}>
      <p className="hint">{t('hh.merge.intro')}</p>
      {picked ? (
        <OtherHousehold
          h={h}
          person={picked}
          onCancel={() => setPicked(null)}
          onDone={() => {
            setPicked(null);
            onChanged();
          }}
        />
      ) : (
        <PersonPicker label={t('hh.merge.find')} exclude={members} onPick={setPicked} />
      )}
    </Collapsible>
  );
}

/** The household of the person chosen, its members, and the merge itself. */
function OtherHousehold({
  h,
  person,
  onCancel,
  onDone,
}: {
  h: HouseholdViewT;
  person: PersonSummaryT;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { api } = useSession();
  const other = useLoad(async () => {
    const p = await api.get<PersonViewT>(`/api/v1/persons/${person.id}`);
    return p.household ? api.get<HouseholdViewT>(`/api/v1/households/${p.household.id}`) : null;
  }, [person.id, api]);
  const cancel = (
    <button type="button" className="btn btn-secondary" onClick={onCancel}>
      {t('common.cancel')}
    </button>
  );
  if (other.loading) return <Loading />;
  if (other.error) return <ErrorState error={other.error} onRetry={other.reload} />;
  if (!other.data || other.data.id === h.id)
    return (
      <>
        <p className="error-text">{t(other.data ? 'hh.merge.same' : 'hh.merge.noHousehold')}</p>
        {cancel}
      </>
    );
  return <MergeForm h={h} other={other.data} cancel={cancel} onDone={onDone} />;
}

function MergeForm({
  h,
  other,
  cancel,
  onDone,
}: {
  h: HouseholdViewT;
  other: HouseholdViewT;
  cancel: React.ReactNode;
  onDone: () => void;
}) {
  const { t, sep } = useI18n();
  const plural = usePlural();
  const { busy, error, post } = useAction();
  const [relationship, setRelationship] = useState<Relationship>('other_relative');
  const [date, setDate] = useState(today);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const joining = other.members.filter((m) => m.validTo === null);
  async function submit() {
    if (await post(`/api/v1/households/${h.id}/merge`, withReason({ otherId: other.id, relationship, date }, reason))) onDone();
  }
  return (
    <div className="hh-form">
      <p>
        <Link to={{ name: 'household', id: other.id }}>{t('hh.merge.other')}</Link>: {plural('hh.members', joining.length)}
      </p>
      <ul className="chips">
        {joining.map((m) => (
          <li key={m.personId} className="chip">
            {m.fullName ? <PersonName fullName={m.fullName} /> : t('common.none')}
            {sep}
            {t(relKey(m.relationship))}
          </li>
        ))}
      </ul>
      <RelationshipSelect label={t('hh.merge.relationship')} name="mergeRelationship" value={relationship} onChange={setRelationship} />
      <DateField value={date} onChange={setDate} name="mergeDate" />
      <ReasonField value={reason} onChange={setReason} required tried={tried} />
      <ActionError error={error} />
      <div className="row">
        <ConfirmButton
          label={t('hh.merge.submit')}
          question={t('hh.merge.confirm', { count: joining.length })}
          disabled={busy}
          ready={() => {
            setTried(true);
            return reason.trim() !== '';
          }}
          onConfirm={() => void submit()}
        />
        {cancel}
      </div>
    </div>
  );
}
