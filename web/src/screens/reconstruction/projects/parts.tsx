// Shared pieces of the reconstruction project screens: amounts with their currency isolated in
// bidirectional text, the download of the IATI file and of the funds table.
import { useState } from 'react';
import { Alert, errorKey, FieldErrorList } from '../../../components/ui.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { useSession } from '../../../session.tsx';
import { saveFile } from '../../Exports.tsx';

/** An amount and its currency code, one isolated fragment laid out left to right: "125,000.5 USD". */
export function Money({ value, currency }: { value: number; currency: string }) {
  const { num } = useI18n();
  return (
    <bdi dir="ltr" className="money">
      {num(value)}&nbsp;{currency}
    </bdi>
  );
}

/** A button that downloads a file the server makes (POST, the answer saved under its name). */
export function DownloadButton({ path, label, body = {} }: { path: string; label: string; body?: unknown }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  async function run() {
    setBusy(true);
    setFailed(null);
    try {
      const file = await api.download(path, body);
      saveFile(file.blob, file.fileName);
      setSaved(file.fileName);
    } catch (e) {
      setFailed(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="download">
      <button type="button" className="btn btn-secondary" onClick={run} disabled={busy}>
        {label}
      </button>
      {saved && (
        <p className="muted" role="status">
          {t('projects.saved', { file: `\u2068${saved}\u2069` })}
        </p>
      )}
      {failed !== null && <Alert kind="error">{t(errorKey(failed))}</Alert>}
    </div>
  );
}

/** A refused write: the cause, and each field the server named with its reason. */
export function Failure({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (error === null) return null;
  return (
    <Alert kind="error">
      <p>{t(errorKey(error))}</p>
      <FieldErrorList error={error} />
    </Alert>
  );
}

/** A number typed with Latin or Arabic-Indic digits, a decimal point or comma separators; NaN otherwise. */
export function parseAmount(s: string): number {
  const latin = s
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660))
    .replace(/[,٬\s]/g, '')
    .replace('٫', '.');
  return latin === '' ? Number.NaN : Number(latin);
}
