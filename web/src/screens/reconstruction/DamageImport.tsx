// Importing a remote damage assessment file (CSV or GeoJSON, up to 1 MB here; larger files with
// `sanad reconstruction import-damage`): the optional mapping, then the result: rows read, matched to
// recorded buildings, new buildings, and each quarantined row with its reasons in the reader's language.
import { useState } from 'react';
import { BODY_LIMIT_BYTES } from '../../../../src/shared/limits.ts';
import { DEFAULT_MATCH_TOLERANCE_M, GRID_CELL_M } from '../../../../src/shared/reconstruction.ts';
import { Alert, ErrorState, Screen, SelectField, TextAreaField, TextField } from '../../components/ui.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { usePlural } from '../../i18n/plural.ts';
import { fieldErrorSentence } from '../../serverReasons.ts';
import { useSession } from '../../session.tsx';
import { useAction } from '../household/useAction.ts';
import type { DamageImportFileT, DamageImportT } from './types.ts';

const MAPPING_EXAMPLE = JSON.stringify(
  {
    columns: { Longitude: 'lon', Latitude: 'lat', Class: 'damage_class', SensorDate: 'imagery_date' },
    classes: { 'Total collapse': 'destroyed' },
  },
  null,
  1,
);

export function DamageImport() {
  const i18n = useI18n();
  const { t, num } = i18n;
  const { api } = useSession();
  const plural = usePlural();
  const { busy, error, post } = useAction();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<'csv' | 'geojson'>('csv');
  const [mapping, setMapping] = useState('');
  const [tolerance, setTolerance] = useState(String(DEFAULT_MATCH_TOLERANCE_M));
  const [local, setLocal] = useState<'recon.badMapping' | 'recon.fileTooLarge' | null>(null);
  const [result, setResult] = useState<DamageImportFileT | null>(null);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setLocal(null);
    setResult(null);
    if (!file) return;
    if (file.size > BODY_LIMIT_BYTES - 4096) return setLocal('recon.fileTooLarge');
    let parsed: Record<string, unknown> = {};
    try {
      parsed = mapping.trim() ? JSON.parse(mapping) : {};
    } catch {
      return setLocal('recon.badMapping');
    }
    const s = await post<DamageImportT>('/api/v1/reconstruction/damage-imports', {
      fileName: file.name,
      format,
      content: await file.text(),
      mapping: { ...parsed, toleranceM: Number(tolerance) },
    });
    if (s)
      setResult(
        await api
          .get<DamageImportFileT>(`/api/v1/reconstruction/damage-imports/${s.id}`)
          .then((r) => ({ ...r, alreadyImported: s.alreadyImported })),
      );
  }
  return (
    <Screen title={t('recon.import')}>
      <form className="card hh-form" onSubmit={submit} aria-label={t('recon.import')}>
        <p>{t('recon.importIntro')}</p>
        <div className="field">
          <label htmlFor="damageFile">{t('recon.file')}</label>
          <input
            type="file"
            id="damageFile"
            name="damageFile"
            accept=".csv,.geojson,.json,text/csv,application/geo+json"
            onChange={(e) => {
              const f = e.target.files?.[0] ?? null;
              setFile(f);
              if (f) setFormat(/\.(geo)?json$/i.test(f.name) ? 'geojson' : 'csv');
            }}
            required
          />
        </div>
        <SelectField
          label={t('recon.format')}
          name="damageFormat"
          value={format}
          onChange={(e) => setFormat(e.target.value as 'csv' | 'geojson')}
        >
          <option value="csv">CSV</option>
          <option value="geojson">GeoJSON</option>
        </SelectField>
        <TextAreaField
          label={t('recon.mapping')}
          hint={t('recon.mappingHint')}
          name="damageMapping"
          dir="ltr"
          value={mapping}
          onChange={(e) => setMapping(e.target.value)}
          optional
        />
        <pre className="hint mapping-example" dir="ltr">
          {MAPPING_EXAMPLE}
        </pre>
        <TextField
          label={t('recon.tolerance')}
          name="damageTolerance"
          type="number"
          min={1}
          max={GRID_CELL_M}
          value={tolerance}
          onChange={(e) => setTolerance(e.target.value)}
        />
        {local && <Alert kind="error">{t(local)}</Alert>}
        {error !== null && <ErrorState error={error} />}
        <button type="submit" className="btn btn-primary" disabled={busy || !file}>
          {t('recon.importButton')}
        </button>
      </form>
      {result && (
        <section className="card" aria-labelledby="recon-result">
          <h2 id="recon-result">{t('recon.result')}</h2>
          {result.alreadyImported && <Alert kind="info">{t('recon.alreadyImported')}</Alert>}
          <p>
            <bdi dir="ltr">{result.fileName}</bdi>: {plural('recon.rows', result.rows)}
          </p>
          <ul className="recon-counts import-counts">
            <li data-count="matched">
              {t('recon.matched')}: <strong>{num(result.matched)}</strong>
            </li>
            <li data-count="new">
              {t('recon.newBuildings')}: <strong>{num(result.buildingsCreated)}</strong>
            </li>
            <li data-count="quarantined">
              {t('recon.quarantined')}: <strong>{num(result.quarantined)}</strong>
            </li>
          </ul>
          {result.quarantine.length > 0 && (
            <>
              <h3>{t('recon.quarantine')}</h3>
              <ul className="list quarantine-list">
                {result.quarantine.map((q) => (
                  <li key={q.rowNumber}>
                    <strong>{t('recon.rowNumber', { n: num(q.rowNumber) })}</strong>
                    <ul>
                      {q.errors.map((f) => (
                        <li key={`${f.field} ${f.reason}`}>{fieldErrorSentence(i18n, f as Parameters<typeof fieldErrorSentence>[1])}</li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </Screen>
  );
}
