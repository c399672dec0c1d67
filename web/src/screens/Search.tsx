// Registry search by name (Arabic or Latin script), national ID or phone. The terms go in the
// POST body; the results stay in memory (a module-level store), so Back returns to them.
import { Fragment, type FormEvent, type ReactNode, useState } from 'react';
import type { PersonSearchPageT, PersonSummaryT } from '../api/types.ts';
import { ErrorState, PersonName, Screen, TextField } from '../components/ui.tsx';
import { type MessageKey, useI18n } from '../i18n/index.tsx';
import { pluralForm } from '../i18n/plural.ts';
import { Link } from '../router.tsx';
import { useGovernorateName, useSession } from '../session.tsx';

type Mode = 'name' | 'nationalId' | 'phone';
type Found = Pick<PersonSearchPageT, 'total' | 'totalExact' | 'advice'>;
type State = { mode: Mode; term: string; items: PersonSummaryT[] | null; nextCursor: string | null; found?: Found };
let remembered: State = { mode: 'name', term: '', items: null, nextCursor: null };

/** Forgets the last search (on sign-out: nothing personal stays in memory). */
export function forgetSearch() {
  remembered = { mode: 'name', term: '', items: null, nextCursor: null };
}

/** The search and its results, remembered for Back. */
function useSearch() {
  const { api } = useSession();
  const [state, setStateRaw] = useState<State>(remembered);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [empty, setEmpty] = useState(false);
  const setState = (s: State) => {
    remembered = s;
    setStateRaw(s);
  };

  /** Runs the search (a next page with `cursor`; in another mode with `mode`, as the advice offers). */
  async function run(cursor: string | null, mode: Mode = state.mode) {
    const from = { ...state, mode };
    const term = from.term.trim();
    if (!term) {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    setBusy(true);
    setError(null);
    try {
      const body = { [mode === 'name' ? 'query' : mode]: term, limit: 20, ...(cursor ? { cursor } : {}) };
      const page = await api.post<PersonSearchPageT>('/api/v1/persons/search', body);
      setState({
        ...from,
        items: cursor && from.items ? [...from.items, ...page.items] : page.items,
        nextCursor: page.nextCursor,
        found: { total: page.total, totalExact: page.totalExact, advice: page.advice },
      });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return { state, setState, busy, error, empty, run };
}

export function Search() {
  const { t } = useI18n();
  const { state, setState, busy, error, empty, run } = useSearch();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run(null);
  };

  const modes: Mode[] = ['name', 'nationalId', 'phone'];
  return (
    <Screen title={t('search.title')} narrow>
      {/* biome-ignore lint/a11y/useSemanticElements: a form with the search landmark role is the semantic element for a search form */}
      <form className="card" role="search" onSubmit={onSubmit} noValidate>
        <fieldset className="segmented">
          <legend>{t('search.by')}</legend>
          {modes.map((m) => (
            <label key={m} className={state.mode === m ? 'selected' : ''}>
              <input type="radio" name="mode" value={m} checked={state.mode === m} onChange={() => setState({ ...state, mode: m })} />
              {t(`search.mode.${m}`)}
            </label>
          ))}
        </fieldset>
        <TextField
          label={t(`search.mode.${state.mode}`)}
          name="term"
          hint={t(`search.${state.mode}.hint`)}
          value={state.term}
          onChange={(e) => setState({ ...state, term: e.target.value })}
          inputMode={state.mode === 'name' ? 'text' : state.mode === 'phone' ? 'tel' : 'numeric'}
          dir={state.mode === 'name' ? 'auto' : 'ltr'}
          autoComplete="off"
          enterKeyHint="search"
          error={empty ? t('search.empty') : null}
        />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t('common.loading') : t('search.submit')}
        </button>
      </form>
      {error !== null && <ErrorState error={error} onRetry={() => void run(null)} />}
      {state.items && (
        <Results
          items={state.items}
          found={state.found ?? { total: state.items.length, totalExact: true, advice: [] }}
          nextCursor={state.nextCursor}
          busy={busy}
          onMore={(c) => void run(c)}
          onMode={(m) => void run(null, m)}
        />
      )}
    </Screen>
  );
}

/** Advice that offers to search the same term another way. */
const SWITCH: Partial<Record<Found['advice'][number], 'nationalId' | 'phone'>> = {
  queryLooksLikeNationalId: 'nationalId',
  queryLooksLikePhone: 'phone',
};

/** A message with its {placeholders} filled by nodes (numbers isolated in <bdi>). */
function withNodes(template: string, nodes: Record<string, ReactNode>): ReactNode[] {
  return template.split(/(\{\w+\})/).map((part, i) => {
    const m = /^\{(\w+)\}$/.exec(part);
    return <Fragment key={i}>{m && m[1]! in nodes ? nodes[m[1]!] : part}</Fragment>;
  });
}

/** "n people found" (about n when estimated) in the plural form of the language (Arabic has six). */
function FoundCount({ found, shown }: { found: Found; shown: number }) {
  const { t, lang, num } = useI18n();
  const key: MessageKey = `search.${found.totalExact ? 'found' : 'foundAbout'}.${pluralForm(lang, found.total)}`;
  const total = <bdi>{num(found.total)}</bdi>;
  return (
    <>
      <h2 className="found-count">{withNodes(t(key, {}), { count: total })}</h2>
      {shown > 0 && shown < found.total && (
        <p className="muted shown-count">{withNodes(t('search.shown', {}), { shown: <bdi>{num(shown)}</bdi>, total })}</p>
      )}
    </>
  );
}

function Results({
  items,
  found,
  nextCursor,
  busy,
  onMore,
  onMode,
}: {
  items: PersonSummaryT[];
  found: Found;
  nextCursor: string | null;
  busy: boolean;
  onMore: (cursor: string) => void;
  onMode: (mode: Mode) => void;
}) {
  const { t, day, sep } = useI18n();
  const govName = useGovernorateName();
  return (
    <section aria-live="polite" className="results">
      <FoundCount found={found} shown={items.length} />
      {found.advice.map((a) => (
        <div key={a} className={`alert ${a === 'nationalIdCheckDigit' || a === 'crowded' ? 'alert-warning' : 'alert-info'}`} role="note">
          <p>{t(`search.advice.${a}`)}</p>
          {SWITCH[a] && (
            <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => onMode(SWITCH[a]!)}>
              {t(`search.switch.${SWITCH[a]!}`)}
            </button>
          )}
        </div>
      ))}
      {items.length > 0 && (
        <ul className="list">
          {items.map((p) => (
            <li key={p.id}>
              <Link to={{ name: 'person', id: p.id }} className="list-item">
                <span className="list-title">
                  <PersonName fullName={p.fullName} fullNameEn={p.fullNameEn} />
                </span>
                <span className="list-meta">
                  {[
                    p.sex ? t(`sex.${p.sex}`) : '',
                    p.dateOfBirth ? day(p.dateOfBirth, p.dobPrecision ?? 'exact') : '',
                    govName(p.governorate),
                  ]
                    .filter((x) => x !== '')
                    .join(sep)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {nextCursor && (
        <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => onMore(nextCursor)}>
          {t('search.more')}
        </button>
      )}
    </section>
  );
}
