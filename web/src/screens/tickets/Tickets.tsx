// Complaints and feedback: taken at a desk, on the hotline or in the field in under a minute
// (channel, category, whom it is about, what was said), and the open tickets the reader sees (a
// focal point: all of their governorates, the most urgent first).
import { useState } from 'react';
import { isSensitiveTicket, type TicketCategory, ticketCategories, ticketChannels } from '../../../../src/shared/tickets.ts';
import type { PersonSummaryT, TicketListT, TicketViewT } from '../../api/types.ts';
import { Alert, ErrorState, Loading, PersonName, Screen, SelectField, TextAreaField } from '../../components/ui.tsx';
import { GovernorateSelect } from '../../components/GovernorateSelect.tsx';
import { usePaged } from '../../components/usePaged.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { useGovernorateName, useSession } from '../../session.tsx';
import { ActionError } from '../household/parts.tsx';
import { PersonPicker } from '../household/PersonPicker.tsx';
import { useAction } from '../household/useAction.ts';

const PAGE = 50;

export function Tickets() {
  const { t } = useI18n();
  const { api } = useSession();
  const list = usePaged<TicketViewT>(
    (cursor) => api.get<TicketListT>(`/api/v1/tickets?${new URLSearchParams({ limit: String(PAGE), ...(cursor ? { cursor } : {}) })}`),
    [api],
  );
  return (
    <Screen title={t('tickets.title')}>
      <TakeTicket onDone={list.first.reload} />
      <section className="card" aria-labelledby="tickets-queue">
        <h2 id="tickets-queue">{t('tickets.queue')}</h2>
        {list.first.error ? (
          <ErrorState error={list.first.error} onRetry={list.first.reload} />
        ) : !list.items ? (
          <Loading />
        ) : list.items.length === 0 ? (
          <p className="muted">{t('tickets.none')}</p>
        ) : (
          <ul className="list">
            {list.items.map((tk) => (
              <li key={tk.id} className="ticket-item">
                <TicketLine tk={tk} />
                <Link to={{ name: 'ticket', id: tk.id }} className="btn btn-secondary">
                  {t('tickets.open')}
                </Link>
              </li>
            ))}
          </ul>
        )}
        {list.error !== null && <ErrorState error={list.error} onRetry={() => void list.loadMore()} />}
        {list.next && (
          <button type="button" className="btn btn-secondary btn-block" disabled={list.busy} onClick={() => void list.loadMore()}>
            {list.busy ? t('common.loading') : t('tickets.more')}
          </button>
        )}
      </section>
    </Screen>
  );
}

export function TicketLine({ tk }: { tk: TicketViewT }) {
  const { t, dateTime } = useI18n();
  const govName = useGovernorateName();
  return (
    <>
      <p>
        <strong>{t(`tickets.category.${tk.category}`)}</strong>
        <span className="badge badge-muted">{t(`tickets.status.${tk.status}`)}</span>
      </p>
      <p className="muted">
        {t(`tickets.channel.${tk.channel}`)}
        {'، '}
        {tk.person ? <PersonName fullName={tk.person.fullName} /> : govName(tk.governorate)}
      </p>
      {tk.status !== 'closed' && (
        <p className={tk.overdue ? 'task-overdue' : 'muted'}>
          {tk.overdue ? t('tickets.overdue') : t('tickets.due', { date: dateTime(tk.dueAt) })}
        </p>
      )}
    </>
  );
}

function TakeTicket({ onDone }: { onDone: () => void }) {
  const { t, dateTime } = useI18n();
  const { user } = useSession();
  const { busy, error, post } = useAction();
  const [channel, setChannel] = useState('desk');
  const [category, setCategory] = useState<TicketCategory | ''>('');
  const [person, setPerson] = useState<PersonSummaryT | null>(null);
  const [governorate, setGovernorate] = useState(user?.me?.governorates[0] ?? '');
  const [description, setDescription] = useState('');
  const [tried, setTried] = useState(false);
  const [taken, setTaken] = useState<TicketViewT | null>(null);
  async function submit() {
    setTried(true);
    if (!category || !description.trim()) return;
    const body = {
      channel,
      category,
      description: description.trim(),
      ...(person ? { personId: person.id } : { governorate }),
    };
    const tk = await post<TicketViewT>('/api/v1/tickets', body);
    if (tk) {
      setTaken(tk);
      setCategory('');
      setDescription('');
      setPerson(null);
      setTried(false);
      onDone();
    }
  }
  return (
    <section className="card hh-form" aria-labelledby="ticket-take">
      <h2 id="ticket-take">{t('tickets.take')}</h2>
      {taken && <Alert kind="success">{t('tickets.taken', { date: dateTime(taken.dueAt) })}</Alert>}
      <SelectField label={t('tickets.channel')} name="ticketChannel" value={channel} onChange={(e) => setChannel(e.target.value)}>
        {ticketChannels.map((c) => (
          <option key={c} value={c}>
            {t(`tickets.channel.${c}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('tickets.category')}
        name="ticketCategory"
        value={category}
        onChange={(e) => setCategory(e.target.value as TicketCategory)}
        error={tried && !category ? t('valid.required') : null}
      >
        <option value="">{t('common.none')}</option>
        {ticketCategories.map((c) => (
          <option key={c} value={c}>
            {t(`tickets.category.${c}`)}
          </option>
        ))}
      </SelectField>
      {category && isSensitiveTicket(category) && <Alert kind="info">{t('tickets.sensitiveHint')}</Alert>}
      {person ? (
        <p>
          {t('tickets.chosen', { name: '' })}
          <PersonName fullName={person.fullName} fullNameEn={person.fullNameEn} />
        </p>
      ) : (
        <>
          <PersonPicker label={t('tickets.about')} onPick={setPerson} />
          <GovernorateSelect label={t('tickets.anonymous')} name="ticketGovernorate" value={governorate} onChange={setGovernorate} />
        </>
      )}
      <TextAreaField
        label={t('tickets.description')}
        name="ticketDescription"
        dir="auto"
        maxLength={4000}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={tried && !description.trim() ? t('valid.required') : null}
      />
      <ActionError error={error} />
      <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void submit()}>
        {busy ? t('common.loading') : t('tickets.submit')}
      </button>
    </section>
  );
}
