// Reports: the 3W/5W report of a cycle (who does what where), one row per governorate of the
// reader's and item, HXL-tagged (territory #adm1, governorate #adm2, P-codes +code), downloaded as
// CSV or Excel. The cycle goes in the POST body; the answer is saved as a file.
import { useState } from 'react';
import { Alert, ErrorState, errorKey, Loading, Screen } from '../../components/ui.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useSession } from '../../session.tsx';
import { rowsText, saveFile } from '../Exports.tsx';
import { CyclePicker, useCycle } from './parts.tsx';

type Format = 'csv' | 'xlsx';

export function Reports() {
  const { t, lang, num } = useI18n();
  const { api } = useSession();
  const { cycles, cycleId, setCycleId, error } = useCycle();
  const [busy, setBusy] = useState<Format | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  const [done, setDone] = useState<{ rows: number; fileName: string } | null>(null);
  async function download(format: Format) {
    setBusy(format);
    setFailed(null);
    setDone(null);
    try {
      const file = await api.download('/api/v1/aid/reports/3w', { cycle: cycleId, format });
      saveFile(file.blob, file.fileName);
      setDone({ rows: Number(file.headers.get('x-export-rows') ?? 0), fileName: file.fileName });
    } catch (err) {
      setFailed(err);
    } finally {
      setBusy(null);
    }
  }
  return (
    <Screen title={t('after.reports.title')} narrow>
      {error ? (
        <ErrorState error={error} />
      ) : !cycles ? (
        <Loading />
      ) : (
        <CyclePicker cycles={cycles} cycleId={cycleId} onChange={setCycleId} />
      )}
      <section className="card" aria-labelledby="report-3w">
        <h2 id="report-3w">{t('after.reports.threeW')}</h2>
        <p>{t('after.reports.threeW.intro')}</p>
        {failed !== null && <Alert kind="error">{t(errorKey(failed))}</Alert>}
        {done && (
          <Alert kind="success">
            <p className="export-done">{rowsText(t, lang, done.rows, num(done.rows))}</p>
            <p className="export-file muted">
              <bdi dir="ltr">{done.fileName}</bdi>
            </p>
          </Alert>
        )}
        <div className="row report-buttons">
          {(['csv', 'xlsx'] as const).map((f) => (
            <button key={f} type="button" className="btn btn-primary" disabled={!cycleId || busy !== null} onClick={() => download(f)}>
              {busy === f ? t('after.reports.busy') : t(`after.reports.${f}`)}
            </button>
          ))}
        </div>
      </section>
    </Screen>
  );
}
