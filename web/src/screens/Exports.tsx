// Export: the persons of the organisation (registration officers, administrators) or the
// aggregates by governorate, sex and age group (HXL), as CSV or Excel, for all the user's
// governorates or one. The filters go in the POST body; the answer is saved as a file.
import { type FormEvent, useState } from 'react';
import { can, type Capability } from '../access.ts';
import type { ExportRequestT } from '../api/types.ts';
import { Alert, errorKey, Screen } from '../components/ui.tsx';
import { GovernorateSelect } from '../components/GovernorateSelect.tsx';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { pluralForm } from '../i18n/plural.ts';
import { useSession } from '../session.tsx';

type What = 'persons' | 'aggregates';
type Format = NonNullable<ExportRequestT['format']>;
const WHAT: { what: What; needs: Capability }[] = [
  { what: 'persons', needs: 'exportPersons' },
  { what: 'aggregates', needs: 'exportAggregates' },
];
const FORMATS: Format[] = ['csv', 'xlsx'];

/** Saves a blob under its name through a temporary link (the browser's own download). */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "n rows" with the plural form of the language (Arabic has six). */
export function rowsText(
  t: (k: MessageKey, v?: Record<string, string | number>) => string,
  lang: string,
  n: number,
  shown: string,
): string {
  const form = pluralForm(lang, n);
  return t(`exports.rows.${form}`, { count: shown });
}

export function Exports() {
  const { t, lang, num } = useI18n();
  const { api, user } = useSession();
  const choices = WHAT.filter((w) => can(user?.role, w.needs));
  const [what, setWhat] = useState<What>(choices[0]?.what ?? 'aggregates');
  const [format, setFormat] = useState<Format>('csv');
  const [governorate, setGovernorate] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<{ rows: number; fileName: string } | null>(null);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const body: ExportRequestT = { format, ...(governorate ? { governorate } : {}) };
      const file = await api.download(`/api/v1/exports/${what}`, body);
      saveFile(file.blob, file.fileName);
      setDone({ rows: Number(file.headers.get('x-export-rows') ?? 0), fileName: file.fileName });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Screen title={t('exports.title')} narrow>
      <p>{t('exports.intro')}</p>
      <form className="card" onSubmit={onSubmit} noValidate>
        <fieldset className="segmented">
          <legend>{t('exports.what')}</legend>
          {choices.map(({ what: w }) => (
            <label key={w} className={what === w ? 'selected' : ''}>
              <input type="radio" name="what" value={w} checked={what === w} onChange={() => setWhat(w)} />
              {t(`exports.what.${w}`)}
            </label>
          ))}
        </fieldset>
        <p className="hint">{t(`exports.what.${what}.hint`)}</p>
        <fieldset className="segmented">
          <legend>{t('exports.format')}</legend>
          {FORMATS.map((f) => (
            <label key={f} className={format === f ? 'selected' : ''}>
              <input type="radio" name="format" value={f} checked={format === f} onChange={() => setFormat(f)} />
              {t(`exports.format.${f}`)}
            </label>
          ))}
        </fieldset>
        <GovernorateSelect
          label={t('exports.governorate')}
          value={governorate}
          onChange={setGovernorate}
          blank={t('exports.governorate.all')}
        />
        {what === 'persons' && <Alert kind="warning">{t('exports.personal')}</Alert>}
        {error !== null && <Alert kind="error">{t(errorKey(error))}</Alert>}
        {done && (
          <Alert kind="success">
            <p className="export-done">{rowsText(t, lang, done.rows, num(done.rows))}</p>
            <p className="export-file muted">
              <bdi dir="ltr">{done.fileName}</bdi>
            </p>
          </Alert>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy || choices.length === 0}>
          {busy ? t('exports.busy') : t('exports.submit')}
        </button>
      </form>
    </Screen>
  );
}
