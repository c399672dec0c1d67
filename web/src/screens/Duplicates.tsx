// The duplicate review queue: pairs of records that may be the same person (found by `sanad
// dedupe`), strongest first; a pair's page shows both records side by side with the evidence per
// field in words, and the caseworker decides: same person (the records are linked, both kept),
// different people, or not sure. Every decision can be undone. Paths carry the pair id only.
import { useEffect, useState } from 'react';
import { can } from '../access.ts';
import { newOperationId } from '../api/client.ts';
import type { CandidateViewT, DecisionT, Page, PersonViewT, QueueItemT } from '../api/types.ts';
import { Alert, ErrorState, Loading, PersonName, Screen, SelectField, errorKey } from '../components/ui.tsx';
import { useLoad } from '../components/useLoad.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { Link } from '../router.tsx';
import { useGovernorateName, useSession } from '../session.tsx';
import { levelKey, relationKey, strengthKey, weightKey, type EvidenceField } from './duplicateWords.ts';

type Status = QueueItemT['status'];
const STATUSES: Status[] = ['pending', 'unsure', 'same', 'different', 'auto_linked'];
const PAGE = 20;

/** The last decision taken in this tab (pair id and decision only), for Undo from the queue. */
let lastDecision: { userId: string | null; id: string; decision: DecisionT } | null = null;

const statusKey = (s: Status): MessageKey => `review.status.${s}` as MessageKey;

/** A page of the queue for a status, with more pages on demand; `reload` asks again. */
function useQueue(status: Status) {
  const { api } = useSession();
  const url = (cursor: string | null) =>
    `/api/v1/duplicates?status=${status}&limit=${PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
  const first = useLoad(() => api.get<Page<QueueItemT>>(url(null)), [api, status]);
  // Pages loaded after the first, for the first page they followed (a reload starts again).
  const [later, setLater] = useState<{ after: Page<QueueItemT>; items: QueueItemT[]; next: string | null } | null>(null);
  const [more, setMore] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });
  const page = first.data;
  const extra = page && later?.after === page ? later : null;
  const list = page ? { items: [...page.items, ...(extra?.items ?? [])], next: extra ? extra.next : page.nextCursor } : null;

  async function loadMore() {
    if (!page || !list?.next) return;
    setMore({ busy: true, error: null });
    try {
      const p = await api.get<Page<QueueItemT>>(url(list.next));
      setLater({ after: page, items: [...(extra?.items ?? []), ...p.items], next: p.nextCursor });
      setMore({ busy: false, error: null });
    } catch (e) {
      setMore({ busy: false, error: e });
    }
  }
  return { list, loading: first.loading, error: first.error, more, loadMore, reload: first.reload };
}

export function DuplicateQueue() {
  const { t } = useI18n();
  const [status, setStatus] = useState<Status>('pending');
  const { list, loading, error, more, loadMore, reload } = useQueue(status);

  return (
    <Screen title={t('review.title')}>
      <p className="muted">{t('review.intro')}</p>
      <LastDecision onUndone={reload} />
      <div className="review-filter">
        <SelectField label={t('review.show')} name="status" value={status} onChange={(e) => setStatus(e.target.value as Status)}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(statusKey(s))}
            </option>
          ))}
        </SelectField>
      </div>
      {loading && !list ? (
        <Loading />
      ) : error !== null || !list ? (
        <ErrorState error={error} onRetry={reload} />
      ) : (
        <section className="results" aria-labelledby="review-results" aria-busy={loading}>
          <h2 id="review-results">{t('review.shown', { count: list.items.length })}</h2>
          {list.items.length === 0 ? (
            <p className="muted">{status === 'pending' ? t('review.empty') : t('review.emptyStatus')}</p>
          ) : (
            <ul className="list">
              {list.items.map((c) => (
                <li key={c.id}>
                  <QueueEntry c={c} />
                </li>
              ))}
            </ul>
          )}
          {more.error !== null && <ErrorState error={more.error} onRetry={() => void loadMore()} />}
          {list.next && (
            <button type="button" className="btn btn-secondary btn-block" disabled={more.busy} onClick={() => void loadMore()}>
              {more.busy ? t('common.loading') : t('review.more')}
            </button>
          )}
        </section>
      )}
    </Screen>
  );
}

/** The last decision taken in this tab by this user, with Undo. */
function LastDecision({ onUndone }: { onUndone: () => void }) {
  const { t } = useI18n();
  const { api, user } = useSession();
  const [undo, setUndo] = useState<{ busy: boolean; error: unknown; done: boolean }>({ busy: false, error: null, done: false });
  const last = lastDecision && lastDecision.userId === (user?.me?.userId ?? null) ? lastDecision : null;
  async function undoLast() {
    if (!last) return;
    setUndo({ busy: true, error: null, done: false });
    try {
      await api.post(`/api/v1/duplicates/${last.id}/undo`, {}, { idempotencyKey: newOperationId() });
      lastDecision = null;
      setUndo({ busy: false, error: null, done: true });
      onUndone();
    } catch (e) {
      setUndo({ busy: false, error: e, done: false });
    }
  }
  return (
    <>
      {last && (
        <Alert kind="info">
          <p>{t('review.lastDecision', { decision: t(`review.decision.${last.decision}` as MessageKey) })}</p>
          {undo.error !== null && <p className="error-text">{t(errorKey(undo.error))}</p>}
          <div className="row">
            <button type="button" className="btn btn-secondary" disabled={undo.busy} onClick={() => void undoLast()}>
              {undo.busy ? t('review.saving') : t('review.undo')}
            </button>
            <Link to={{ name: 'reviewPair', id: last.id }} className="btn btn-secondary">
              {t('review.openPair')}
            </Link>
          </div>
        </Alert>
      )}
      {undo.done && <Alert kind="success">{t('review.undone')}</Alert>}
    </>
  );
}

function QueueEntry({ c }: { c: QueueItemT }) {
  const { t, day, sep } = useI18n();
  const govName = useGovernorateName();
  const meta = (p: QueueItemT['a']) =>
    [govName(p.governorate), p.dateOfBirth ? day(p.dateOfBirth, p.dobPrecision ?? 'exact') : null].filter(Boolean).join(sep);
  return (
    <Link to={{ name: 'reviewPair', id: c.id }} className="list-item review-entry">
      <span className="review-pair-names">
        <span>
          <span className="list-title">
            <PersonName fullName={c.a.fullName} fullNameEn={c.a.fullNameEn} />
          </span>
          <span className="list-meta">
            {sep}
            {meta(c.a)}
          </span>
        </span>
        <span>
          <span className="list-title">
            <PersonName fullName={c.b.fullName} fullNameEn={c.b.fullNameEn} />
          </span>
          <span className="list-meta">
            {sep}
            {meta(c.b)}
          </span>
        </span>
      </span>
      <span className="chips">
        {c.relative ? (
          <span className="chip">{t('review.relative.heading')}</span>
        ) : (
          <span className={c.probability >= 0.9 ? 'chip chip-warn' : 'chip'}>{t(strengthKey(c.probability))}</span>
        )}
        <RelationChip relation={c.relation} />
        {c.conflict && <span className="chip chip-alert">{t('review.conflict')}</span>}
      </span>
    </Link>
  );
}

/** What the names, sexes and years say besides "maybe one person" (nothing when they say nothing more). */
function RelationChip({ relation }: { relation: QueueItemT['relation'] }) {
  const { t } = useI18n();
  const key = relationKey(relation);
  return key ? <span className="chip chip-warn">{t(key)}</span> : null;
}

/** A row of the comparison; `name`: the raw name part, to tell a respelling from an identical name. */
type Field = {
  key: MessageKey;
  evidence: EvidenceField | null;
  value: (p: PersonViewT) => React.ReactNode;
  name?: (p: PersonViewT) => string | null;
  raw?: (p: PersonViewT) => string | null;
};

type Busy = DecisionT | 'undo' | null;
type Outcome = 'decided' | 'undone' | null;

/** Decides a pair (or undoes the decision); the answer replaces the pair shown, and is remembered for Undo from the queue. */
function useDecide(id: string) {
  const { api, user } = useSession();
  const [view, setView] = useState<CandidateViewT | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<unknown>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  // another pair in the same screen: forget what was done on the previous one
  useEffect(() => {
    setView(null);
    setOutcome(null);
    setError(null);
  }, [id]);

  async function act(what: DecisionT | 'undo') {
    setBusy(what);
    setError(null);
    try {
      const r =
        what === 'undo'
          ? await api.post<CandidateViewT>(`/api/v1/duplicates/${id}/undo`, {}, { idempotencyKey: newOperationId() })
          : await api.post<CandidateViewT>(`/api/v1/duplicates/${id}/decision`, { decision: what }, { idempotencyKey: newOperationId() });
      setView(r);
      setOutcome(what === 'undo' ? 'undone' : 'decided');
      lastDecision =
        what === 'undo' ? (lastDecision?.id === id ? null : lastDecision) : { userId: user?.me?.userId ?? null, id, decision: what };
      requestAnimationFrame(() => document.getElementById('review-outcome')?.focus());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }
  return { view: view && view.id === id ? view : null, busy, error, outcome, act };
}

export function DuplicatePair({ id }: { id: string }) {
  const { t } = useI18n();
  const { api } = useSession();
  const pair = useLoad(() => api.get<CandidateViewT>(`/api/v1/duplicates/${id}`), [id, api]);
  const decide = useDecide(id);
  const loaded = pair.data && pair.data.id === id ? pair.data : undefined;
  const c = decide.view ?? loaded;

  if (pair.loading && !c)
    return (
      <Screen title={t('review.pairTitle')}>
        <Loading />
      </Screen>
    );
  if (pair.error || !c)
    return (
      <Screen title={t('review.pairTitle')}>
        <ErrorState error={pair.error} onRetry={pair.reload} />
        <p>
          <Link to={{ name: 'review' }}>{t('review.back')}</Link>
        </p>
      </Screen>
    );

  return (
    <Screen
      title={t('review.pairTitle')}
      actions={
        <Link to={{ name: 'review' }} className="btn btn-secondary">
          {t('review.back')}
        </Link>
      }
    >
      <PairSummary c={c} />
      <Comparison c={c} />
      <Decide c={c} busy={decide.busy} error={decide.error} outcome={decide.outcome} act={(what) => void decide.act(what)} />
    </Screen>
  );
}

function PairSummary({ c }: { c: CandidateViewT }) {
  const { t, dateTime, sep } = useI18n();
  const { user } = useSession();
  return (
    <section className="card review-summary" aria-labelledby="review-summary">
      <h2 id="review-summary">{t(c.relative ? 'review.relative.heading' : strengthKey(c.probability))}</h2>
      <RelationChip relation={c.relation} />
      {c.relative && <Alert kind="warning">{t('review.relative.note')}</Alert>}
      <p>
        {t('review.statusNow', { status: t(statusKey(c.status)) })}
        {c.linked ? `${sep}${t('review.linkedNow')}` : ''}
      </p>
      {c.decidedAt && c.status !== 'auto_linked' && (
        <p className="muted">
          {t(c.decidedBy && c.decidedBy === user?.me?.userId ? 'review.decidedByYou' : 'review.decidedByOther', {
            when: dateTime(c.decidedAt),
          })}
        </p>
      )}
      {c.conflict && <Alert kind="warning">{t('review.conflictNote')}</Alert>}
      <p className="muted">{t('review.evidenceIntro')}</p>
    </section>
  );
}

function Decide({
  c,
  busy,
  error,
  outcome,
  act,
}: {
  c: CandidateViewT;
  busy: Busy;
  error: unknown;
  outcome: Outcome;
  act: (what: DecisionT | 'undo') => void;
}) {
  const { t } = useI18n();
  const { user } = useSession();
  const mayDecide = can(user?.role, 'decideDuplicates');
  const decided = c.status !== 'pending';
  const canDecide = c.status === 'pending' || c.status === 'unsure';
  const button = (what: DecisionT | 'undo', label: MessageKey, primary = false) => (
    <button type="button" className={primary ? 'btn btn-primary' : 'btn btn-secondary'} disabled={busy !== null} onClick={() => act(what)}>
      {busy === what ? t('review.saving') : t(label)}
    </button>
  );
  return (
    <section className="card review-decide" aria-labelledby="review-decide">
      <h2 id="review-decide">{t('review.decide')}</h2>
      <div id="review-outcome" tabIndex={-1}>
        {outcome && <DecisionOutcome c={c} outcome={outcome} />}
        {!outcome && c.status === 'auto_linked' && <Alert kind="info">{t('review.autoLinkedNote')}</Alert>}
      </div>
      {error !== null && <Alert kind="error">{t(errorKey(error, { merge_refused: 'review.refused' }))}</Alert>}
      {mayDecide && canDecide && (
        <>
          <p className="muted">{t('review.sameHint')}</p>
          <div className="review-buttons">
            {button('same', 'review.same', true)}
            {button('different', 'review.different')}
            {c.status !== 'unsure' && button('unsure', 'review.unsure')}
          </div>
        </>
      )}
      {mayDecide && decided && button('undo', 'review.undo')}
    </section>
  );
}

function DecisionOutcome({ c, outcome }: { c: CandidateViewT; outcome: 'decided' | 'undone' }) {
  const { t } = useI18n();
  const { user } = useSession();
  if (outcome === 'undone') return <Alert kind="success">{t('review.undone')}</Alert>;
  const key: MessageKey =
    c.status === 'same' ? 'review.done.same' : c.status === 'different' ? 'review.done.different' : 'review.done.unsure';
  return (
    <Alert kind="success">
      <p>{t(key)}</p>
      {c.status === 'same' && can(user?.role, 'readPerson') && (
        <div className="row">
          <Link to={{ name: 'person', id: c.a.id }} className="btn btn-secondary">
            {t('review.openA')}
          </Link>
          <Link to={{ name: 'person', id: c.b.id }} className="btn btn-secondary">
            {t('review.openB')}
          </Link>
        </div>
      )}
    </Alert>
  );
}

/** The rows of the comparison, in the reader's language and digits. */
function useFields(): Field[] {
  const { t, day, digitsOf, dateTime } = useI18n();
  const govName = useGovernorateName();
  const text = (v: string | null, ltr = false) =>
    v ? (
      <bdi dir={ltr ? 'ltr' : undefined} className={ltr ? 'mono' : undefined}>
        {ltr ? digitsOf(v) : v}
      </bdi>
    ) : (
      <span className="muted">{t('review.notRecorded')}</span>
    );
  return [
    { key: 'person.givenName', evidence: 'given', value: (p) => text(p.givenName), name: (p) => p.givenName },
    { key: 'person.fatherName', evidence: 'father', value: (p) => text(p.fatherName), name: (p) => p.fatherName },
    { key: 'person.grandfatherName', evidence: 'grandfather', value: (p) => text(p.grandfatherName), name: (p) => p.grandfatherName },
    { key: 'person.familyName', evidence: 'family', value: (p) => text(p.familyName), name: (p) => p.familyName },
    {
      key: 'person.fullNameEn',
      evidence: null,
      value: (p) => (p.fullNameEn ? <bdi dir="ltr">{p.fullNameEn}</bdi> : <span className="muted">{t('review.notRecorded')}</span>),
    },
    {
      key: 'person.sex',
      evidence: 'sex',
      raw: (p) => p.sex,
      value: (p) => (p.sex ? t(`sex.${p.sex}`) : <span className="muted">{t('review.notRecorded')}</span>),
    },
    {
      key: 'person.dateOfBirth',
      evidence: 'dob',
      raw: (p) => p.dateOfBirth,
      value: (p) =>
        p.dateOfBirth ? (
          `${day(p.dateOfBirth, p.dobPrecision ?? 'exact')} ${p.dobPrecision && p.dobPrecision !== 'exact' ? t(`dob.${p.dobPrecision}`) : ''}`.trim()
        ) : (
          <span className="muted">{t('review.notRecorded')}</span>
        ),
    },
    { key: 'person.nationalId', evidence: 'national_id', raw: (p) => p.nationalId, value: (p) => text(p.nationalId, true) },
    { key: 'person.phone', evidence: 'phone', raw: (p) => p.phone, value: (p) => text(p.phone, true) },
    { key: 'person.governorate', evidence: 'governorate', value: (p) => govName(p.governorate) },
    { key: 'review.registeredOn', evidence: null, value: (p) => <time dateTime={p.createdAt}>{dateTime(p.createdAt)}</time> },
  ];
}

/** Both records side by side, one row per field, with what the comparison of that field says. */
function Comparison({ c }: { c: CandidateViewT }) {
  const { t } = useI18n();
  const fields = useFields();
  const byField = new Map(c.evidence.map((e) => [e.field, e]));
  return (
    <section className="card" aria-labelledby="review-compare">
      <h2 id="review-compare">{t('review.compare')}</h2>
      <table className="compare">
        <thead>
          <tr>
            <th scope="col">{t('review.field')}</th>
            <th scope="col">{t('review.recordA')}</th>
            <th scope="col">{t('review.recordB')}</th>
            <th scope="col">{t('review.evidence')}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => {
            const e = f.evidence ? byField.get(f.evidence) : undefined;
            const read = f.raw ?? f.name;
            const neither = read ? !read(c.a) && !read(c.b) : false;
            return (
              <tr key={f.key}>
                <th scope="row">{t(f.key)}</th>
                <td>
                  <span className="compare-label" aria-hidden="true">
                    {t('review.recordA')}
                  </span>
                  {f.value(c.a)}
                </td>
                <td>
                  <span className="compare-label" aria-hidden="true">
                    {t('review.recordB')}
                  </span>
                  {f.value(c.b)}
                </td>
                <td className="compare-evidence">
                  {e ? (
                    <Evidence
                      level={e.level}
                      weight={e.weight}
                      respelled={f.name ? f.name(c.a) !== f.name(c.b) : false}
                      neither={neither}
                    />
                  ) : (
                    <span className="muted">{t('review.notCompared')}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function Evidence({ level, weight, respelled, neither }: { level: string; weight: number; respelled: boolean; neither: boolean }) {
  const { t, num } = useI18n();
  const missing = level === 'missing';
  const tone = missing ? 'none' : weight >= 1 ? 'same' : weight <= -1 ? 'diff' : 'none';
  // a small bar: towards the start for "same person", towards the end for "different people"
  const size = Math.min(1, Math.abs(weight) / 8);
  return (
    <span className={`evidence evidence-${tone}`}>
      <strong>
        {t(
          missing && neither
            ? 'review.level.missingBoth'
            : level === 'exact' && respelled
              ? 'review.level.exactRespelled'
              : levelKey(level),
        )}
      </strong>
      {!missing && <span className="evidence-says">{t(weightKey(weight))}</span>}
      {!missing && (
        <span className="evidence-meter" aria-hidden="true">
          <span
            className="evidence-fill"
            style={{
              inlineSize: `${Math.max(4, size * 50)}%`,
              ...(weight < 0 ? { marginInlineStart: '50%' } : { marginInlineStart: `${50 - Math.max(4, size * 50)}%` }),
            }}
          />
        </span>
      )}
      {!missing && <span className="evidence-weight muted">{t('review.weightValue', { weight: num(Math.round(weight * 10) / 10) })}</span>}
    </span>
  );
}
