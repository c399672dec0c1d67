// The auditor's screen: the organisation's change log, newest first (when, who, which record, what),
// filtered by record kind, action, record id and username, a page at a time; an entry's page shows
// its contents (before/after) as the log holds them, and reading it is logged by the server. The
// chain check runs GET /audit/verify and says in words whether the log is intact or where it breaks.
// "Who read this record": for auditors, who cannot open person pages, the record id filter with the
// action "read" (an entry's page has a button for it); administrators also see it on the person page
// (components/RecordReads.tsx). Paths carry the entry's seq only; the filters stay in memory, never in the URL.
import { type FormEvent, type ReactNode, useState } from 'react';
import { isUuid, shortRef } from '../../../src/shared/ids.ts';
import type { AuditEntryT, AuditLogEntryT, AuditLogPageT, AuditVerificationT } from '../api/types.ts';
import { FIELD_KEYS } from '../components/History.tsx';
import { ADMIN_ACTIONS, ADMIN_ENTITIES } from './admin/auditWords.ts';
import { Alert, ErrorState, Loading, Screen, SelectField, TextField, errorKey } from '../components/ui.tsx';
import { useLoad } from '../components/useLoad.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { Link, useRouter } from '../router.tsx';
import { useSession } from '../session.tsx';
import { isolate } from '../serverReasons.ts';

const PAGE = 50;
const ENTITIES = [
  'person',
  'person_status',
  'household',
  'user',
  'audit_entry',
  'site',
  'aid_cycle',
  'match_candidate',
  'import',
  'export',
  ...ADMIN_ENTITIES,
  'site_residents',
  'person_list',
  'change_log_anchor',
];
const ACTIONS = [
  'create',
  'update',
  'read',
  'read_history',
  'merge',
  'undo',
  'decide',
  'second_factor_enrol',
  'second_factor_reset',
  'second_factor_recovery_codes_renewed',
  'second_factor_recovery_code_use',
  ...ADMIN_ACTIONS,
  'anchor',
];

type Filters = { entity: string; action: string; entityId: string; username: string };
const NO_FILTERS: Filters = { entity: '', action: '', entityId: '', username: '' };
/** The filters last applied in this tab, for the way back from an entry (ids and usernames only). */
let remembered: { userId: string | null; filters: Filters } | null = null;

function entityWord(t: (k: MessageKey) => string, entity: string) {
  return ENTITIES.includes(entity) ? t(`audit.entity.${entity}` as MessageKey) : <bdi dir="ltr">{entity}</bdi>;
}
function actionWord(t: (k: MessageKey) => string, action: string) {
  return ACTIONS.includes(action) ? t(`audit.action.${action}` as MessageKey) : <bdi dir="ltr">{action}</bdi>;
}
function Who({ e }: { e: Pick<AuditLogEntryT, 'actorUsername' | 'actorId'> }) {
  const { t } = useI18n();
  if (e.actorId === null) return <>{t('audit.system')}</>;
  return <bdi dir="ltr">{e.actorUsername ?? t('audit.unknownUser')}</bdi>;
}

function query(f: Filters, before: number | null): string {
  const q = new URLSearchParams({ limit: String(PAGE) });
  if (f.entity) q.set('entity', f.entity);
  if (f.action) q.set('action', f.action);
  if (f.entityId) q.set('entityId', f.entityId);
  if (f.username) q.set('username', f.username);
  if (before !== null) q.set('before', String(before));
  return `/api/v1/audit/log?${q}`;
}

/** The log for the applied filters, with more pages on demand. */
function useLog(filters: Filters) {
  const { api } = useSession();
  const first = useLoad(() => api.get<AuditLogPageT>(query(filters, null)), [api, filters]);
  const [later, setLater] = useState<{ after: AuditLogPageT; items: AuditLogEntryT[]; next: number | null } | null>(null);
  const [more, setMore] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });
  const page = first.data;
  const extra = page && later?.after === page ? later : null;
  const list = page ? { items: [...page.items, ...(extra?.items ?? [])], next: extra ? extra.next : page.nextBefore } : null;
  async function loadMore() {
    if (!page || !list?.next) return;
    setMore({ busy: true, error: null });
    try {
      const p = await api.get<AuditLogPageT>(query(filters, list.next));
      setLater({ after: page, items: [...(extra?.items ?? []), ...p.items], next: p.nextBefore });
      setMore({ busy: false, error: null });
    } catch (e) {
      setMore({ busy: false, error: e });
    }
  }
  return { list, loading: first.loading, error: first.error, more, loadMore, reload: first.reload };
}

export function AuditLog() {
  const { t } = useI18n();
  const { user } = useSession();
  const userId = user?.me?.userId ?? null;
  const [filters, setFilters] = useState<Filters>(remembered?.userId === userId ? remembered.filters : NO_FILTERS);
  const apply = (f: Filters) => {
    remembered = { userId, filters: f };
    setFilters(f);
  };
  const { list, loading, error, more, loadMore, reload } = useLog(filters);
  return (
    <Screen title={t('audit.title')}>
      <p className="muted">{t('audit.intro')}</p>
      <ChainCheck />
      <FilterForm initial={filters} onApply={apply} />
      {loading && !list ? (
        <Loading />
      ) : error !== null || !list ? (
        <ErrorState error={error} onRetry={reload} />
      ) : (
        <section className="results" aria-labelledby="audit-results" aria-busy={loading}>
          <h2 id="audit-results">{t('audit.shown', { count: list.items.length })}</h2>
          {list.items.length === 0 ? (
            <p className="muted">{t('audit.empty')}</p>
          ) : (
            <ul className="list audit-list">
              {list.items.map((e) => (
                <li key={e.seq}>
                  <LogLine e={e} />
                </li>
              ))}
            </ul>
          )}
          {more.error !== null && <ErrorState error={more.error} onRetry={() => void loadMore()} />}
          {list.next && (
            <button type="button" className="btn btn-secondary btn-block" disabled={more.busy} onClick={() => void loadMore()}>
              {more.busy ? t('common.loading') : t('audit.more')}
            </button>
          )}
        </section>
      )}
    </Screen>
  );
}

function LogLine({ e }: { e: AuditLogEntryT }) {
  const { t, dateTime, num, sep } = useI18n();
  return (
    <Link to={{ name: 'auditEntry', seq: e.seq }} className="list-item">
      <span className="list-title">
        {entityWord(t, e.entity)}: {actionWord(t, e.action)}
      </span>
      <span className="list-meta">
        {t('audit.by')} <Who e={e} />
        {sep}
        <time dateTime={e.at}>{dateTime(e.at)}</time>
      </span>
      <span className="list-meta">
        {t('audit.seq')} <bdi>{num(e.seq)}</bdi>
        {e.entityId && (
          <>
            {sep}
            {t('audit.record')}{' '}
            <bdi dir="ltr" className="mono">
              {shortRef(e.entityId)}
            </bdi>
          </>
        )}
      </span>
    </Link>
  );
}

function FilterForm({ initial, onApply }: { initial: Filters; onApply: (f: Filters) => void }) {
  const { t } = useI18n();
  const [f, setF] = useState<Filters>(initial);
  const [bad, setBad] = useState(false);
  const set = (k: keyof Filters) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  function submit(e: FormEvent) {
    e.preventDefault();
    const next = { ...f, entityId: f.entityId.trim().toLowerCase(), username: f.username.trim().toLowerCase() };
    setBad(next.entityId !== '' && !isUuid(next.entityId));
    if (next.entityId === '' || isUuid(next.entityId)) onApply(next);
  }
  return (
    <form className="card audit-filters" onSubmit={submit} aria-label={t('audit.filters')}>
      <SelectField label={t('audit.filter.entity')} name="entity" value={f.entity} onChange={set('entity')}>
        <option value="">{t('audit.filter.any')}</option>
        {ENTITIES.map((x) => (
          <option key={x} value={x}>
            {t(`audit.entity.${x}` as MessageKey)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('audit.filter.action')} name="action" value={f.action} onChange={set('action')}>
        <option value="">{t('audit.filter.any')}</option>
        {ACTIONS.map((x) => (
          <option key={x} value={x}>
            {t(`audit.action.${x}` as MessageKey)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('audit.filter.record')}
        hint={t('audit.filter.recordHint')}
        name="entityId"
        dir="ltr"
        autoComplete="off"
        spellCheck={false}
        value={f.entityId}
        onChange={set('entityId')}
        error={bad ? t('audit.filter.recordBad') : undefined}
        optional
      />
      <TextField
        label={t('audit.filter.who')}
        name="username"
        dir="ltr"
        autoComplete="off"
        spellCheck={false}
        value={f.username}
        onChange={set('username')}
        optional
      />
      <div className="row">
        <button type="submit" className="btn btn-primary">
          {t('audit.filter.apply')}
        </button>
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => {
            setF(NO_FILTERS);
            setBad(false);
            onApply(NO_FILTERS);
          }}
        >
          {t('audit.filter.clear')}
        </button>
      </div>
    </form>
  );
}

/** The chain check: a button, then the answer in words. */
function ChainCheck() {
  const { t, num, dateTime } = useI18n();
  const { api } = useSession();
  const [state, setState] = useState<{ busy: boolean; result: AuditVerificationT | null; error: unknown }>({
    busy: false,
    result: null,
    error: null,
  });
  async function check() {
    setState({ busy: true, result: null, error: null });
    try {
      setState({ busy: false, result: await api.get<AuditVerificationT>('/api/v1/audit/verify'), error: null });
    } catch (e) {
      setState({ busy: false, result: null, error: e });
    }
  }
  const r = state.result;
  return (
    <section className="card audit-check" aria-labelledby="audit-check">
      <h2 id="audit-check">{t('audit.check.title')}</h2>
      <p className="muted">{t('audit.check.intro')}</p>
      <button type="button" className="btn btn-secondary" disabled={state.busy} onClick={() => void check()}>
        {state.busy ? t('audit.check.running') : t('audit.check.run')}
      </button>
      <div aria-live="polite">
        {state.error !== null && <Alert kind="error">{t(errorKey(state.error))}</Alert>}
        {r?.ok === true && (
          <Alert kind="success">
            <p data-chain="intact">{t('audit.check.intact', { count: num(r.rows) })}</p>
          </Alert>
        )}
        {r?.ok === false && (
          <Alert kind="error">
            <p data-chain="broken">
              {t('audit.check.broken', { seq: num(r.firstBadSeq) })} {t(`audit.check.problem.${r.problem}` as MessageKey)}
            </p>
          </Alert>
        )}
        {r && (
          <p className="muted" data-anchor={r.anchors.latest ? 'latest' : 'none'}>
            {t('audit.anchor.keyedFrom', { seq: isolate(num(r.keyedFrom)) })}{' '}
            {r.anchors.latest
              ? t('audit.anchor.latest', {
                  seq: isolate(num(r.anchors.latest.seq)),
                  date: isolate(dateTime(r.anchors.latest.anchoredAt)),
                  count: isolate(num(r.anchors.checked)),
                })
              : t('audit.anchor.none', { command: isolate('sanad audit anchor') })}
          </p>
        )}
      </div>
    </section>
  );
}

/** The log of the entry's record (same kind and id): all of its entries, or who read it. */
function RecordLinks({ entity, entityId }: { entity: string; entityId: string }) {
  const { t } = useI18n();
  const { go } = useRouter();
  const { user } = useSession();
  const open = (action: string) => {
    remembered = { userId: user?.me?.userId ?? null, filters: { ...NO_FILTERS, entity, entityId, action } };
    go({ name: 'audit' });
  };
  return (
    <div className="row">
      <button type="button" className="btn btn-secondary" onClick={() => open('')}>
        {t('audit.entry.recordLog')}
      </button>
      <button type="button" className="btn btn-secondary" onClick={() => open('read')}>
        {t('audit.entry.recordReads')}
      </button>
    </div>
  );
}

/** A value of before/after as text: strings as they are, the rest as compact JSON; none as a dash. */
function valueText(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function Contents({ title, value, changed }: { title: string; value: unknown; changed: Set<string> }) {
  const { t } = useI18n();
  // the changed fields first, then the rest as the log holds them
  const fields =
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.entries(value as Record<string, unknown>).sort(([a], [b]) => Number(changed.has(b)) - Number(changed.has(a)))
      : null;
  return (
    <section className="card" aria-label={title}>
      <h2>{title}</h2>
      {value === null || value === undefined ? (
        <p className="muted">{t('audit.entry.none')}</p>
      ) : fields ? (
        <dl className="facts audit-fields">
          {fields.map(([k, v]) => (
            <div key={k} className={changed.has(k) ? 'audit-changed' : undefined}>
              <dt>
                {FIELD_KEYS[k] ? t(FIELD_KEYS[k]) : <bdi dir="ltr">{k}</bdi>}
                {changed.has(k) && <span className="badge badge-warning">{t('audit.entry.changed')}</span>}
              </dt>
              <dd>
                <bdi>{valueText(v)}</bdi>
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <p>
          <bdi>{valueText(value)}</bdi>
        </p>
      )}
    </section>
  );
}

function Fact({ label, children }: { label: MessageKey; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div>
      <dt>{t(label)}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Keys whose value differs between before and after (both objects), else none. */
function changedKeys(before: unknown, after: unknown): Set<string> {
  if (!before || !after || typeof before !== 'object' || typeof after !== 'object') return new Set();
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  return new Set([...Object.keys(a), ...Object.keys(b)].filter((k) => JSON.stringify(a[k] ?? null) !== JSON.stringify(b[k] ?? null)));
}

export function AuditEntry({ seq }: { seq: number }) {
  const { t, dateTime, num } = useI18n();
  const { api } = useSession();
  const entry = useLoad(() => api.get<AuditEntryT>(`/api/v1/audit/log/${seq}`), [api, seq]);
  const e = entry.data;
  const back = (
    <Link to={{ name: 'audit' }} className="btn btn-secondary">
      {t('audit.entry.back')}
    </Link>
  );
  if (entry.error !== null)
    return (
      <Screen title={t('audit.entry.title', { seq: num(seq) })} actions={back}>
        <ErrorState error={entry.error} onRetry={entry.reload} />
      </Screen>
    );
  if (!e) return <Loading />;
  const changed = changedKeys(e.before, e.after);
  const id = (v: string | null) =>
    v ? (
      <bdi dir="ltr" className="mono">
        {v}
      </bdi>
    ) : (
      '—'
    );
  return (
    <Screen title={t('audit.entry.title', { seq: num(e.seq) })} actions={back}>
      <dl className="facts card">
        <Fact label="audit.entry.when">
          <time dateTime={e.at}>{dateTime(e.at)}</time>
        </Fact>
        <Fact label="audit.entry.who">
          <Who e={e} />
        </Fact>
        <Fact label="audit.entry.entity">{entityWord(t, e.entity)}</Fact>
        <Fact label="audit.entry.action">{actionWord(t, e.action)}</Fact>
        <Fact label="audit.entry.record">{id(e.entityId)}</Fact>
        <Fact label="audit.entry.device">{id(e.deviceId)}</Fact>
      </dl>
      <p className="muted">{t('audit.entry.logged')}</p>
      {e.entityId && <RecordLinks entity={e.entity} entityId={e.entityId} />}
      <Contents title={t('audit.entry.before')} value={e.before} changed={changed} />
      <Contents title={t('audit.entry.after')} value={e.after} changed={changed} />
    </Screen>
  );
}
