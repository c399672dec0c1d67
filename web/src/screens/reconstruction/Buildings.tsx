// Buildings and damage per governorate and locality: the counts by latest remote damage class, a
// map of the buildings coloured by class, the list (each to its page), and, for those who record
// buildings, a building recorded by its coordinates.
import { useState } from 'react';
import { buildingUses, damageClasses } from '../../../../src/shared/reconstruction.ts';
import { Alert, ErrorState, Loading, Screen, SelectField, TextField } from '../../components/ui.tsx';
import { GovernorateSelect } from '../../components/GovernorateSelect.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { usePlural } from '../../i18n/plural.ts';
import { Link } from '../../router.tsx';
import { can } from '../../access.ts';
import { useSession } from '../../session.tsx';
import { useAction } from '../household/useAction.ts';
import { BuildingMap, CLASS_COLOURS } from './BuildingMap.tsx';
import type { BuildingListT, BuildingSummaryT, BuildingT } from './types.ts';

type Localities = { items: { id: string; nameAr: string; nameEn: string | null }[] };
const MAP_LIMIT = 2000;

export function Buildings() {
  const { t, lang } = useI18n();
  const { api, user } = useSession();
  const plural = usePlural();
  const [governorate, setGovernorate] = useState(
    user?.me?.governorates.find((g) => g.startsWith('PS02')) ?? user?.me?.governorates[0] ?? '',
  );
  const [locality, setLocality] = useState('');
  const [cls, setCls] = useState('');
  const localities = useLoad(() => api.get<Localities>(`/api/v1/places/localities?governorate=${governorate}`), [api, governorate]);
  const query = `governorate=${governorate}${locality ? `&localityId=${locality}` : ''}`;
  const summary = useLoad(
    () => api.get<BuildingSummaryT>(`/api/v1/reconstruction/buildings/summary?governorate=${governorate}`),
    [api, governorate],
  );
  const list = useLoad(
    () => api.get<BuildingListT>(`/api/v1/reconstruction/buildings?${query}${cls ? `&damageClass=${cls}` : ''}&limit=${MAP_LIMIT}`),
    [api, query, cls],
  );
  const counts = new Map<string, number>();
  for (const r of summary.data?.rows ?? [])
    if (!locality || r.localityId === locality) counts.set(r.damageClass, (counts.get(r.damageClass) ?? 0) + r.buildings);
  return (
    <Screen title={t('recon.buildings')}>
      <div className="filters">
        <GovernorateSelect label={t('recon.governorate')} name="reconGovernorate" value={governorate} onChange={setGovernorate} />
        <SelectField label={t('recon.locality')} name="reconLocality" value={locality} onChange={(e) => setLocality(e.target.value)}>
          <option value="">{t('recon.allLocalities')}</option>
          {(localities.data?.items ?? []).map((l) => (
            <option key={l.id} value={l.id}>
              {lang === 'en' && l.nameEn ? l.nameEn : l.nameAr}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('recon.class')} name="reconClass" value={cls} onChange={(e) => setCls(e.target.value)}>
          <option value="">{t('recon.allClasses')}</option>
          {damageClasses.map((c) => (
            <option key={c} value={c}>
              {t(`recon.class.${c}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <section className="card" aria-labelledby="recon-summary">
        <h2 id="recon-summary">{t('recon.summary')}</h2>
        {summary.error ? (
          <ErrorState error={summary.error} onRetry={summary.reload} />
        ) : (
          <ul className="recon-counts">
            {[...damageClasses, 'not_assessed' as const].map((c) => (
              <li key={c} data-class={c}>
                <span className="map-key">
                  <i style={{ background: CLASS_COLOURS[c] }} aria-hidden="true" />
                </span>
                {t(`recon.class.${c}`)}: <strong>{plural('recon.buildings', counts.get(c) ?? 0)}</strong>
              </li>
            ))}
          </ul>
        )}
      </section>
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : (
        <>
          <BuildingMap governorate={governorate} dots={list.data.items} />
          <section className="card" aria-labelledby="recon-list">
            <h2 id="recon-list">
              {t('recon.list')} <span className="muted">({plural('recon.buildings', list.data.total)})</span>
            </h2>
            {list.data.items.length === 0 ? (
              <p className="muted">{t('recon.none')}</p>
            ) : (
              <>
                {list.data.total > 200 && <p className="muted">{t('recon.shown', { n: 200 })}</p>}
                <ul className="list">
                  {list.data.items.slice(0, 200).map((b) => (
                    <li key={b.id} className="ticket-item">
                      <p>
                        <strong>{t(b.damageClass ? `recon.class.${b.damageClass}` : 'recon.class.not_assessed')}</strong>{' '}
                        <span className="muted">{t(`recon.use.${b.use as (typeof buildingUses)[number]}`)}</span>
                      </p>
                      <Link to={{ name: 'building', id: b.id }} className="btn btn-secondary">
                        {t('recon.open')}
                      </Link>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        </>
      )}
      {can(user?.role, 'recordBuildings') && <RecordBuilding governorate={governorate} onDone={list.reload} />}
    </Screen>
  );
}

function RecordBuilding({ governorate, onDone }: { governorate: string; onDone: () => void }) {
  const { t } = useI18n();
  const { busy, error, post } = useAction();
  const [lon, setLon] = useState('');
  const [lat, setLat] = useState('');
  const [use, setUse] = useState('residential');
  const [floors, setFloors] = useState('');
  const [done, setDone] = useState<BuildingT | null>(null);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const b = await post<BuildingT>('/api/v1/reconstruction/buildings', {
      geometry: { type: 'Point', coordinates: [Number(lon), Number(lat)] },
      governorate,
      use,
      ...(floors ? { floors: Number(floors) } : {}),
    });
    if (b) {
      setDone(b);
      onDone();
    }
  }
  return (
    <form className="card hh-form" aria-labelledby="recon-record" onSubmit={submit}>
      <h2 id="recon-record">{t('recon.record')}</h2>
      {done && (
        <Alert kind="success">
          {t('recon.recorded')} <Link to={{ name: 'building', id: done.id }}>{t('recon.open')}</Link>
        </Alert>
      )}
      <p className="muted">{t('recon.coordsHint')}</p>
      <TextField
        label={t('recon.lon')}
        name="lon"
        inputMode="decimal"
        dir="ltr"
        value={lon}
        onChange={(e) => setLon(e.target.value)}
        required
      />
      <TextField
        label={t('recon.lat')}
        name="lat"
        inputMode="decimal"
        dir="ltr"
        value={lat}
        onChange={(e) => setLat(e.target.value)}
        required
      />
      <SelectField label={t('recon.use')} name="use" value={use} onChange={(e) => setUse(e.target.value)}>
        {buildingUses.map((u) => (
          <option key={u} value={u}>
            {t(`recon.use.${u}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('recon.floors')}
        name="floors"
        inputMode="numeric"
        value={floors}
        onChange={(e) => setFloors(e.target.value)}
        optional
      />
      {error !== null && <ErrorState error={error} />}
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {t('recon.record')}
      </button>
    </form>
  );
}
