// A building: where it is, its housing units, who lived in each unit over time (a household picked
// from the registry; the read is logged by the server), and its remote damage assessments over time.
import { useState } from 'react';
import { tenures } from '../../../../src/shared/reconstruction.ts';
import { can } from '../../access.ts';
import type { PersonSummaryT, PersonViewT } from '../../api/types.ts';
import { Alert, ErrorState, Loading, PersonName, Screen, SelectField, TextField } from '../../components/ui.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useGovernorateName, useSession } from '../../session.tsx';
import { PersonPicker } from '../household/PersonPicker.tsx';
import { today, useAction } from '../household/useAction.ts';
import { CLASS_COLOURS } from './BuildingMap.tsx';
import type { BuildingFileT, OccupancyListT, OccupancyT, UnitT } from './types.ts';

export function BuildingPage({ id }: { id: string }) {
  const { t, num, day } = useI18n();
  const { api, user } = useSession();
  const govName = useGovernorateName();
  const b = useLoad(() => api.get<BuildingFileT>(`/api/v1/reconstruction/buildings/${id}`), [api, id]);
  if (b.error) return <ErrorState error={b.error} onRetry={b.reload} />;
  if (!b.data) return <Loading />;
  const bd = b.data;
  return (
    <Screen title={t('recon.buildingTitle', { place: govName(bd.governorate) })}>
      <section className="card">
        <dl className="facts">
          <dt>{t('recon.location')}</dt>
          <dd>
            <bdi dir="ltr">
              {bd.point.lat.toFixed(5)}, {bd.point.lon.toFixed(5)}
            </bdi>
          </dd>
          <dt>{t('recon.use')}</dt>
          <dd>{t(`recon.use.${bd.use}`)}</dd>
          <dt>{t('recon.floors')}</dt>
          <dd>{bd.floors === null ? t('common.none') : num(bd.floors)}</dd>
          <dt>{t('recon.source')}</dt>
          <dd>{t(`recon.source.${bd.source}`)}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="recon-assessments">
        <h2 id="recon-assessments">{t('recon.assessments')}</h2>
        {bd.assessments.length === 0 ? (
          <p className="muted">{t('recon.noAssessments')}</p>
        ) : (
          <ol className="list assessment-history">
            {bd.assessments.map((a) => (
              <li key={a.id}>
                <span className="map-key">
                  <i style={{ background: CLASS_COLOURS[a.damageClass] }} aria-hidden="true" />
                </span>
                <strong>{t(`recon.class.${a.damageClass}`)}</strong> — {t('recon.imagery', { date: day(a.imageryDate) })}{' '}
                <span className="muted">{t('recon.distance', { m: num(a.distanceM) })}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section className="card" aria-labelledby="recon-units">
        <h2 id="recon-units">{t('recon.units')}</h2>
        {bd.units.length === 0 && <p className="muted">{t('recon.noUnits')}</p>}
        {bd.units.map((u) => (
          <Unit key={u.id} unit={u} />
        ))}
      </section>
      {can(user?.role, 'recordBuildings') && <AddUnit buildingId={bd.id} onDone={b.reload} />}
    </Screen>
  );
}

function Unit({ unit }: { unit: UnitT }) {
  const { t, num } = useI18n();
  const { user } = useSession();
  const [open, setOpen] = useState(false);
  return (
    <article className="unit" aria-label={t('recon.unitLine', { floor: num(unit.floor), unit: unit.unitNumber })}>
      <h3>
        {t('recon.unitLine', { floor: num(unit.floor), unit: '' })}
        <bdi>{unit.unitNumber}</bdi>
        {unit.areaM2 !== null && <span className="muted"> — {num(unit.areaM2)} m²</span>}
      </h3>
      {can(user?.role, 'readOccupancy') &&
        (open ? (
          <Occupancy unitId={unit.id} />
        ) : (
          <button type="button" className="btn btn-secondary" onClick={() => setOpen(true)}>
            {t('recon.showOccupancy')}
          </button>
        ))}
    </article>
  );
}

function Occupancy({ unitId }: { unitId: string }) {
  const { t, day } = useI18n();
  const { api, user } = useSession();
  const [on, setOn] = useState('');
  const list = useLoad(
    () => api.get<OccupancyListT>(`/api/v1/reconstruction/units/${unitId}/occupancy${on ? `?on=${on}` : ''}`),
    [api, unitId, on],
  );
  return (
    <div className="occupancy">
      <h4>{t('recon.occupancy')}</h4>
      <TextField label={t('recon.onDay')} name={`on-${unitId}`} type="date" value={on} onChange={(e) => setOn(e.target.value)} optional />
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <p className="muted">{t('recon.noOccupancy')}</p>
      ) : (
        <ul className="list occupancy-list">
          {list.data.items.map((o) => (
            <li key={o.id}>
              <strong>{t(`recon.tenure.${o.tenure}`)}</strong>: {o.head ? t('recon.headOf', { name: '' }) : null}
              {o.head && <PersonName fullName={o.head.fullName} />}
              <br />
              <span className="muted">
                {t('recon.period', { from: day(o.validFrom), to: o.validTo ? day(o.validTo) : t('recon.stillThere') })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {can(user?.role, 'recordOccupancy') && <RecordOccupancy unitId={unitId} onDone={list.reload} />}
    </div>
  );
}

function RecordOccupancy({ unitId, onDone }: { unitId: string; onDone: () => void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const { busy, error, post } = useAction();
  const [person, setPerson] = useState<PersonSummaryT | null>(null);
  const [household, setHousehold] = useState<string | null | undefined>(undefined);
  const [tenure, setTenure] = useState<string>('owner');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [done, setDone] = useState<OccupancyT | null>(null);
  async function pick(p: PersonSummaryT) {
    setPerson(p);
    setHousehold(undefined);
    const full = await api.get<PersonViewT>(`/api/v1/persons/${p.id}`);
    setHousehold(full.household?.id ?? null);
  }
  async function submit() {
    if (!household) return;
    const o = await post<OccupancyT>(`/api/v1/reconstruction/units/${unitId}/occupancy`, {
      householdId: household,
      tenure,
      validFrom: from || today(),
      ...(to ? { validTo: to } : {}),
    });
    if (o) {
      setDone(o);
      setPerson(null);
      setHousehold(undefined);
      onDone();
    }
  }
  return (
    <section className="hh-form" aria-label={t('recon.recordOccupancy')}>
      <h4>{t('recon.recordOccupancy')}</h4>
      {done && <Alert kind="success">{t('recon.occupancyRecorded')}</Alert>}
      {person ? (
        <p>
          {t('recon.pickedHousehold', { name: '' })}
          <PersonName fullName={person.fullName} fullNameEn={person.fullNameEn} />
        </p>
      ) : (
        <PersonPicker label={t('recon.pickHead')} onPick={pick} />
      )}
      {person && household === null && <Alert kind="warning">{t('recon.noHousehold')}</Alert>}
      <SelectField label={t('recon.tenure')} name={`tenure-${unitId}`} value={tenure} onChange={(e) => setTenure(e.target.value)}>
        {tenures.map((k) => (
          <option key={k} value={k}>
            {t(`recon.tenure.${k}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('recon.from')}
        name={`from-${unitId}`}
        type="date"
        value={from}
        onChange={(e) => setFrom(e.target.value)}
        required
      />
      <TextField label={t('recon.to')} name={`to-${unitId}`} type="date" value={to} onChange={(e) => setTo(e.target.value)} optional />
      {error !== null && <ErrorState error={error} />}
      <button type="button" className="btn btn-primary" disabled={busy || !household} onClick={submit}>
        {t('recon.recordOccupancy')}
      </button>
    </section>
  );
}

function AddUnit({ buildingId, onDone }: { buildingId: string; onDone: () => void }) {
  const { t } = useI18n();
  const { busy, error, post } = useAction();
  const [floor, setFloor] = useState('0');
  const [unit, setUnit] = useState('');
  const [area, setArea] = useState('');
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const u = await post<UnitT>(`/api/v1/reconstruction/buildings/${buildingId}/units`, {
      floor: Number(floor),
      unitNumber: unit.trim(),
      ...(area ? { areaM2: Number(area) } : {}),
    });
    if (u) {
      setUnit('');
      setArea('');
      onDone();
    }
  }
  return (
    <form className="card hh-form" aria-labelledby="recon-add-unit" onSubmit={submit}>
      <h2 id="recon-add-unit">{t('recon.addUnit')}</h2>
      <TextField
        label={t('recon.floor')}
        name="floor"
        inputMode="numeric"
        value={floor}
        onChange={(e) => setFloor(e.target.value)}
        required
      />
      <TextField
        label={t('recon.unitNumber')}
        name="unitNumber"
        value={unit}
        onChange={(e) => setUnit(e.target.value)}
        required
        maxLength={20}
      />
      <TextField label={t('recon.area')} name="area" inputMode="decimal" value={area} onChange={(e) => setArea(e.target.value)} optional />
      {error !== null && <ErrorState error={error} />}
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {t('recon.addUnit')}
      </button>
    </form>
  );
}
