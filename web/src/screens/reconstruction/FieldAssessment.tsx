// The engineer's field assessment, made to work without a connection: the list of buildings (and
// the materials catalogue) is prepared while online and kept on the phone; an assessment (class,
// habitability, bill of quantities, photos from the camera) is saved into the device's outbox and
// sent by itself, exactly once, when there is a network (web/src/fieldAssessment/outbox.ts). The
// queue's state shows at the top.
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { newOperationId } from '../../api/client.ts';
import { Alert, errorKey, Screen, SelectField } from '../../components/ui.tsx';
import { loadPack, type Pack, savePack } from '../../fieldAssessment/db.ts';
import { enqueue, type FieldOutboxState, sendNow, subscribe } from '../../fieldAssessment/outbox.ts';
import { isolate } from '../../i18n/bidi.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { usePlural } from '../../i18n/plural.ts';
import { useGovernorateName, useSession } from '../../session.tsx';
import { AssessmentFields, emptyForm, type FormState, readyBody } from './FieldAssessmentForm.tsx';
import { QueueList } from './FieldQueue.tsx';
import { useOnline } from '../../components/useOnline.ts';

export function FieldAssessment() {
  const { t } = useI18n();
  const [outbox, setOutbox] = useState<FieldOutboxState>({ items: [], syncing: false, problem: null });
  const [pack, setPack] = useState<Pack | null>(null);
  useEffect(() => subscribe(setOutbox), []);
  useEffect(() => {
    void loadPack().then(setPack);
  }, []);
  return (
    <Screen title={t('assess.title')}>
      <QueueState outbox={outbox} />
      <PackSection pack={pack} onPrepared={setPack} />
      {pack && <NewAssessment pack={pack} />}
      <QueueList outbox={outbox} pack={pack} />
    </Screen>
  );
}

function QueueState({ outbox }: { outbox: FieldOutboxState }) {
  const { t } = useI18n();
  const plural = usePlural();
  const online = useOnline();
  const waiting = outbox.items.filter((i) => i.state === 'waiting').length;
  return (
    <section className="card field-queue-state" aria-live="polite" data-waiting={waiting} data-online={online}>
      <p>
        <span className={online ? 'chip chip-ok' : 'chip chip-warn'}>{online ? t('assess.online') : t('assess.offline')}</span>
      </p>
      <p className="field-waiting">{outbox.syncing ? t('assess.syncing') : plural('assess.waiting', waiting)}</p>
      {outbox.problem && online && <p className="muted">{t(`assess.problem.${outbox.problem}`)}</p>}
      {waiting > 0 && online && (
        <button type="button" className="btn btn-secondary" onClick={() => void sendNow()} disabled={outbox.syncing}>
          {t('assess.syncNow')}
        </button>
      )}
    </section>
  );
}

function PackSection({ pack, onPrepared }: { pack: Pack | null; onPrepared: (p: Pack) => void }) {
  const { t, dateTime } = useI18n();
  const plural = usePlural();
  const { api, user } = useSession();
  const govName = useGovernorateName();
  const mine = user?.me?.governorates ?? [];
  const [gov, setGov] = useState(pack?.governorate ?? mine[0] ?? '');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const prepare = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const p = await api.get<Pack>(`/api/v1/reconstruction/field-pack?governorate=${encodeURIComponent(gov)}`);
      await savePack(p);
      onPrepared(p);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="field-pack">
      <h2 id="field-pack">{t('assess.pack.title')}</h2>
      <p className="hint">{t('assess.pack.hint')}</p>
      <p className="field-pack-state">
        {pack
          ? t('assess.pack.ready', { buildings: plural('assess.buildings', pack.buildings.length), at: isolate(dateTime(pack.preparedAt)) })
          : t('assess.pack.none')}
      </p>
      <form onSubmit={prepare} className="row">
        <SelectField label={t('assess.pack.governorate')} name="governorate" value={gov} onChange={(e) => setGov(e.target.value)}>
          {mine.map((g) => (
            <option key={g} value={g}>
              {govName(g)}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="btn btn-secondary" disabled={busy || !gov}>
          {t('assess.pack.prepare')}
        </button>
      </form>
      {error !== null && <Alert kind="error">{t(errorKey(error))}</Alert>}
    </section>
  );
}

function NewAssessment({ pack }: { pack: Pack }) {
  const { t } = useI18n();
  const { user } = useSession();
  const [form, setForm] = useState<FormState>(() => emptyForm());
  const [message, setMessage] = useState<'saved' | 'required' | 'deviceFull' | null>(null);
  const materials = useMemo(() => new Map(pack.materials.map((m) => [m.code, m])), [pack]);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const body = readyBody(form, newOperationId());
    if (!body || !user?.me) return setMessage('required');
    try {
      await enqueue({ id: body.id, orgId: user.me.orgId, body, photos: form.photos });
      setForm(emptyForm());
      setMessage('saved');
    } catch {
      setMessage('deviceFull');
    }
    return undefined;
  };
  return (
    <section className="card" aria-labelledby="field-new">
      <h2 id="field-new">{t('assess.form.title')}</h2>
      <form onSubmit={save} noValidate className="field-form">
        <AssessmentFields pack={pack} materials={materials} form={form} setForm={setForm} />
        {message && (
          <Alert kind={message === 'saved' ? 'success' : 'error'}>{t(message === 'saved' ? 'assess.saved' : `assess.${message}`)}</Alert>
        )}
        <button type="submit" className="btn btn-primary btn-block">
          {t('assess.save')}
        </button>
      </form>
    </section>
  );
}
