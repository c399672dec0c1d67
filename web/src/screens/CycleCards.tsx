// Cards for a whole cycle, for the programme officer: how many entitled households hold a valid card,
// issuing the missing ones a batch at a time with a progress bar (each batch is one idempotent
// write; stopping and starting again issues no second card), and the printable A4 sheet. The
// server writes the sheet (HTML, streamed): it opens in a new window to print, a part of at most
// PART cards at a time; a whole large cycle is printed by an operator with `sanad cards print`.
import { useRef, useState } from 'react';
import type { z } from 'zod';
import type { CycleCardsIssued, CycleCardsView } from '../../../src/api/routes/aid/schema.ts';
import { newOperationId } from '../api/client.ts';
import { Alert, ErrorState, errorKey, Loading, Screen, SelectField } from '../components/ui.tsx';
import { useLoad } from '../components/useLoad.ts';
import { type MessageKey, useI18n } from '../i18n/index.tsx';
import { useSession } from '../session.tsx';
import { ConfirmButton, usePlural } from './household/parts.tsx';

type Counts = z.infer<typeof CycleCardsView>;
/** Cards a batch issues, and cards a printed part holds (50 A4 pages). */
const BATCH = 1000;
export const PART = 400;

export function CycleCards({ id }: { id: string }) {
  const { t, num } = useI18n();
  const { api } = useSession();
  const plural = usePlural();
  const counts = useLoad(() => api.get<Counts>(`/api/v1/aid/cycles/${id}/cards`), [api, id]);
  const [live, setLive] = useState<Counts | null>(null);
  const c = live ?? counts.data;
  if (counts.error) return <ErrorState error={counts.error} onRetry={counts.reload} />;
  if (!c) return <Loading />;
  return (
    <Screen title={t('cycleCards.title')}>
      <p className="cycle-cards-heading">
        <bdi>{c.programme}</bdi>
        {t('cycleCards.sep')}
        {t('cycleCards.cycle', { number: num(c.cycleNumber) })}
      </p>
      <ul className="cycle-cards-counts">
        <li>{t('cycleCards.entitled', { households: plural('prog.hh', c.entitled) })}</li>
        <li>{t('cycleCards.withCard', { households: plural('prog.hh', c.withCard) })}</li>
        <li>{t('cycleCards.withoutCard', { households: plural('prog.hh', c.withoutCard) })}</li>
      </ul>
      <IssueMissing id={id} counts={c} onCounts={setLive} />
      <PrintSheet id={id} cards={c.withCard} />
    </Screen>
  );
}

/** Issues the missing cards batch after batch, the bar showing households with a card out of those entitled. */
function IssueMissing({ id, counts, onCounts }: { id: string; counts: Counts; onCounts: (c: Counts) => void }) {
  const { t, num } = useI18n();
  const { api } = useSession();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);
  const stop = useRef(false);
  async function run() {
    setRunning(true);
    setError(null);
    stop.current = false;
    try {
      for (;;) {
        const r = await api.post<z.infer<typeof CycleCardsIssued>>(
          `/api/v1/aid/cycles/${id}/cards`,
          { limit: BATCH },
          { idempotencyKey: newOperationId() },
        );
        onCounts(r);
        if (r.withoutCard === 0 || r.issued === 0 || stop.current) break;
      }
    } catch (e) {
      setError(errorKey(e));
    } finally {
      setRunning(false);
    }
  }
  return (
    <section className="card" aria-labelledby="cycle-cards-issue">
      <h2 id="cycle-cards-issue">{t('cycleCards.issue')}</h2>
      {(running || counts.withCard > 0) && (
        <div className="stack cycle-cards-progress">
          <label htmlFor="cycle-cards-progress">{t('cycleCards.progress')}</label>
          <progress id="cycle-cards-progress" max={Math.max(counts.entitled, 1)} value={counts.withCard} />
          <p className="muted">{t('cycleCards.progressText', { done: num(counts.withCard), total: num(counts.entitled) })}</p>
        </div>
      )}
      {error && <Alert kind="error">{t(error)}</Alert>}
      {counts.withoutCard === 0 ? (
        <Alert kind="success">{t('cycleCards.allIssued')}</Alert>
      ) : running ? (
        <button type="button" className="btn btn-secondary" onClick={() => (stop.current = true)}>
          {t('cycleCards.stop')}
        </button>
      ) : (
        <ConfirmButton label={t('cycleCards.issue')} question={t('cycleCards.issueQuestion')} onConfirm={() => void run()} />
      )}
    </section>
  );
}

/** The print sheet of one part, opened in a new window (opened at the click, so no pop-up blocker stops it). */
function PrintSheet({ id, cards }: { id: string; cards: number }) {
  const { t, lang, num } = useI18n();
  const { api } = useSession();
  const plural = usePlural();
  const [language, setLanguage] = useState<string>(lang);
  const [part, setPart] = useState(0);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const parts = Math.ceil(cards / PART);
  async function open() {
    const w = window.open('', '_blank');
    if (!w) return setMessage({ kind: 'error', text: t('cycleCards.popupBlocked') });
    w.document.title = t('cycleCards.opening');
    setBusy(true);
    setMessage(null);
    try {
      const sheet = await api.download(`/api/v1/aid/cycles/${id}/cards/sheet`, { language, offset: part * PART, limit: PART });
      w.document.open();
      w.document.write(await sheet.blob.text());
      w.document.close();
      const n = Number(sheet.headers.get('x-sheet-cards') ?? 0);
      setMessage({ kind: 'success', text: t('cycleCards.sheetOpened', { cards: plural('cycleCards.cards', n) }) });
    } catch (e) {
      w.close();
      setMessage({ kind: 'error', text: t(errorKey(e)) });
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="card" aria-labelledby="cycle-cards-print">
      <h2 id="cycle-cards-print">{t('cycleCards.printTitle')}</h2>
      <p>{t('cycleCards.printHelp')}</p>
      {cards === 0 ? (
        <p className="muted">{t('cycleCards.noCards')}</p>
      ) : (
        <>
          <SelectField label={t('cycleCards.language')} value={language} onChange={(e) => setLanguage(e.target.value)}>
            <option value="ar">{t('cycleCards.lang.ar')}</option>
            <option value="en">{t('cycleCards.lang.en')}</option>
          </SelectField>
          {parts > 1 && (
            <SelectField label={t('cycleCards.part')} value={String(part)} onChange={(e) => setPart(Number(e.target.value))}>
              {Array.from({ length: parts }, (_, i) => (
                <option key={i} value={i}>
                  {t('cycleCards.partRange', { from: num(i * PART + 1), to: num(Math.min(cards, (i + 1) * PART)) })}
                </option>
              ))}
            </SelectField>
          )}
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void open()}>
            {busy ? t('cycleCards.opening') : t('cycleCards.openSheet')}
          </button>
        </>
      )}
      {message && <Alert kind={message.kind}>{message.text}</Alert>}
      <p className="muted">{t('cycleCards.cli')}</p>
      <code className="cli-command" dir="ltr">{`sanad cards print --cycle ${id} --output cards.html --user USER`}</code>
    </section>
  );
}
