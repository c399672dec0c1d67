// Finds a person in the registry to act on (add to the household, or whose household to merge):
// a name in either script, or a national ID (the terms go in a POST body, never in a URL).
import { useState, type FormEvent } from 'react';
import type { PersonSearchPageT, PersonSummaryT } from '../../api/types.ts';
import { ErrorState, PersonName, TextField } from '../../components/ui.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useGovernorateName, useSession } from '../../session.tsx';
import { asciiDigits } from '../../validate.ts';

export function PersonPicker({ label, onPick, exclude = [] }: { label: string; onPick: (p: PersonSummaryT) => void; exclude?: string[] }) {
  const { t, day, sep } = useI18n();
  const { api } = useSession();
  const govName = useGovernorateName();
  const [term, setTerm] = useState('');
  const [items, setItems] = useState<PersonSummaryT[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function search(e: FormEvent) {
    e.preventDefault();
    const q = term.trim();
    if (!q) return;
    setBusy(true);
    setError(null);
    try {
      const digits = asciiDigits(q);
      const body = /^[0-9]{9}$/.test(digits) ? { nationalId: digits, limit: 10 } : { query: q, limit: 10 };
      const page = await api.post<PersonSearchPageT>('/api/v1/persons/search', body);
      setItems(page.items.filter((p) => !exclude.includes(p.id)));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="hh-picker">
      {/* biome-ignore lint/a11y/useSemanticElements: a form with the search landmark role is the semantic element for a search form */}
      <form role="search" onSubmit={search} noValidate aria-label={label}>
        <TextField
          label={label}
          hint={t('hh.pick.hint')}
          name="pickTerm"
          dir="auto"
          autoComplete="off"
          value={term}
          onChange={(e) => setTerm(e.target.value)}
        />
        <button type="submit" className="btn btn-secondary" disabled={busy}>
          {busy ? t('common.loading') : t('search.submit')}
        </button>
      </form>
      {error !== null && <ErrorState error={error} />}
      {items && items.length === 0 && <p className="muted">{t('search.none')}</p>}
      {items && items.length > 0 && (
        <ul className="list">
          {items.map((p) => (
            <li key={p.id} className="list-item list-row">
              <span>
                <span className="list-title">
                  <PersonName fullName={p.fullName} fullNameEn={p.fullNameEn} />
                </span>
                <span className="list-meta">
                  {p.dateOfBirth ? `${day(p.dateOfBirth, p.dobPrecision ?? 'exact')}${sep}` : ''}
                  {govName(p.governorate)}
                </span>
              </span>
              <button type="button" className="btn btn-secondary btn-small" onClick={() => onPick(p)}>
                {t('hh.pick.choose')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
