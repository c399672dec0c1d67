// Registry search by name (Arabic or Latin script), national ID or phone. The terms go in the
// POST body; the results stay in memory (a module-level store), so Back returns to them.
import { useState, type FormEvent } from 'react';
import type { PersonSearchPageT, PersonSummaryT } from '../api/types.ts';
import { ErrorState, PersonName, Screen, TextField } from '../components/ui.tsx';
import { useI18n } from '../i18n/index.tsx';
import { Link } from '../router.tsx';
import { useGovernorateName, useSession } from '../session.tsx';

type Mode = 'name' | 'nationalId' | 'phone';
type State = { mode: Mode; term: string; items: PersonSummaryT[] | null; nextCursor: string | null; crowded?: boolean };
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

  async function run(cursor: string | null) {
    const term = state.term.trim();
    if (!term) {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    setBusy(true);
    setError(null);
    try {
      const body = { [state.mode === 'name' ? 'query' : state.mode]: term, limit: 20, ...(cursor ? { cursor } : {}) };
      const page = await api.post<PersonSearchPageT>('/api/v1/persons/search', body);
      setState({
        ...state,
        items: cursor && state.items ? [...state.items, ...page.items] : page.items,
        nextCursor: page.nextCursor,
        crowded: page.crowded,
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
          crowded={state.crowded === true}
          nextCursor={state.nextCursor}
          busy={busy}
          onMore={(c) => void run(c)}
        />
      )}
    </Screen>
  );
}

function Results({
  items,
  crowded,
  nextCursor,
  busy,
  onMore,
}: {
  items: PersonSummaryT[];
  crowded: boolean;
  nextCursor: string | null;
  busy: boolean;
  onMore: (cursor: string) => void;
}) {
  const { t, day } = useI18n();
  const govName = useGovernorateName();
  return (
    <section aria-live="polite" className="results">
      <h2>{t('search.results', { count: items.length })}</h2>
      {crowded && (
        <div className="alert alert-warning" role="note">
          <p>{t('search.crowded')}</p>
        </div>
      )}
      {items.length === 0 ? (
        <p className="muted">{t('search.none')}</p>
      ) : (
        <ul className="list">
          {items.map((p) => (
            <li key={p.id}>
              <Link to={{ name: 'person', id: p.id }} className="list-item">
                <span className="list-title">
                  <PersonName fullName={p.fullName} fullNameEn={p.fullNameEn} />
                </span>
                <span className="list-meta">
                  {p.sex ? t(`sex.${p.sex}`) : ''}
                  {p.dateOfBirth ? ` · ${day(p.dateOfBirth, p.dobPrecision ?? 'exact')}` : ''}
                  {` · ${govName(p.governorate)}`}
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
