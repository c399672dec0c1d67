// Record a move (displacement) for a household: when, from where, to where, why.
import { useMemo, useState, type FormEvent } from 'react';
import { newOperationId } from '../api/client.ts';
import { type DisplacementReason, displacementReasons } from '../../../src/shared/vocabulary.ts';
import type { HouseholdViewT, SitesT } from '../api/types.ts';
import { can } from '../access.ts';
import { ErrorState, Loading, Screen, SelectField, TextField } from '../components/ui.tsx';
import { GovernorateSelect } from '../components/GovernorateSelect.tsx';
import { useLoad } from '../components/useLoad.ts';
import { useI18n } from '../i18n/index.tsx';
import { useRouter } from '../router.tsx';
import { useGovernorateName, useSession } from '../session.tsx';
import { reasonKey } from './HouseholdPage.tsx';
import { checkDay } from '../validate.ts';

const today = () => new Date().toISOString().slice(0, 10);

export function Move({ id }: { id: string }) {
  const { t } = useI18n();
  const { api } = useSession();
  const hh = useLoad(() => api.get<HouseholdViewT>(`/api/v1/households/${id}`), [id, api]);
  if (hh.loading && !hh.data)
    return (
      <Screen title={t('move.title')}>
        <Loading />
      </Screen>
    );
  if (hh.error || !hh.data)
    return (
      <Screen title={t('move.title')}>
        <ErrorState error={hh.error} onRetry={hh.reload} />
      </Screen>
    );
  return <MoveForm id={id} from={hh.data.currentLocation.governorate ?? hh.data.governorate} />;
}

/** Sends the move once: one operation id per move, so a retry after a dropped connection cannot record it twice. */
function useRecordMove(id: string) {
  const { api } = useSession();
  const { go } = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const operationId = useMemo(newOperationId, []);
  async function send(body: Record<string, unknown>) {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/v1/households/${id}/displacements`, body, { idempotencyKey: operationId });
      go({ name: 'household', id });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, send };
}

function MoveForm({ id, from }: { id: string; from: string }) {
  const { t } = useI18n();
  const { go } = useRouter();
  const govName = useGovernorateName();
  const [date, setDate] = useState(today);
  const [to, setTo] = useState('');
  const [reason, setReason] = useState<DisplacementReason | ''>('');
  const [note, setNote] = useState('');
  const [site, setSite] = useState('');
  const [touched, setTouched] = useState(false);
  const { busy, error, send } = useRecordMove(id);

  const dateErr = checkDay(date);
  const errs = { date: dateErr ? t(dateErr) : null, to: !to ? t('valid.required') : null, reason: !reason ? t('valid.required') : null };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (errs.date || errs.to || errs.reason || !reason) return;
    await send({
      date,
      fromGovernorate: from,
      toGovernorate: to,
      ...(site ? { toSite: site } : {}),
      reason,
      ...(note.trim() ? { note: note.trim() } : {}),
    });
  }

  return (
    <Screen title={t('move.title')} narrow>
      <form className="card" onSubmit={submit} noValidate>
        <p>
          {t('move.from')}: <strong>{govName(from)}</strong>
        </p>
        <TextField
          label={t('move.date')}
          type="date"
          name="date"
          value={date}
          max={today()}
          onChange={(e) => setDate(e.target.value)}
          error={touched ? errs.date : null}
        />
        <Destination to={to} site={site} onTo={setTo} onSite={setSite} error={touched ? errs.to : null} />
        <SelectField
          label={t('move.reason')}
          name="reason"
          value={reason}
          onChange={(e) => setReason(e.target.value as DisplacementReason)}
          error={touched ? errs.reason : null}
        >
          <option value="">{t('common.none')}</option>
          {displacementReasons.map((r) => (
            <option key={r} value={r}>
              {t(reasonKey(r))}
            </option>
          ))}
        </SelectField>
        <TextField label={t('move.note')} optional name="note" value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
        {error !== null && <ErrorState error={error} />}
        <div className="row">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? t('common.loading') : t('move.submit')}
          </button>
          <button type="button" className="btn btn-secondary" onClick={() => go({ name: 'household', id })}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Screen>
  );
}

/** Where to: one of the user's governorates, then (optional) an open site there. */
function Destination({
  to,
  site,
  onTo,
  onSite,
  error,
}: {
  to: string;
  site: string;
  onTo: (g: string) => void;
  onSite: (s: string) => void;
  error: string | null;
}) {
  const { t } = useI18n();
  const { api, user } = useSession();
  const maySites = can(user?.role, 'listSites');
  const sites = useLoad(
    () => (to && maySites ? api.get<SitesT>(`/api/v1/sites?governorate=${to}`) : Promise.resolve({ sites: [] })),
    [to, api, maySites],
  );
  const openSites = (sites.data?.sites ?? []).filter((x) => x.status === 'open');
  return (
    <>
      <GovernorateSelect
        label={t('move.to')}
        name="to"
        value={to}
        onChange={(g) => {
          onTo(g);
          onSite('');
        }}
        error={error}
        blank={t('common.none')}
      />
      {openSites.length > 0 && (
        <SelectField label={t('move.site')} optional name="site" value={site} onChange={(e) => onSite(e.target.value)}>
          <option value="">{t('common.none')}</option>
          {openSites.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </SelectField>
      )}
    </>
  );
}
