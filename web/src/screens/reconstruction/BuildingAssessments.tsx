// A building's assessments side by side, for the building page (or any screen with a building id):
// the field assessments (class, habitability, bill of quantities, photos, assessor, day) and the
// remote ones (class, date of imagery). Neither replaces the other. Photos are fetched with the
// session (the server logs each read) and shown from memory, never cached.
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { BuildingAssessmentsView, MaterialsView } from '../../../../src/api/routes/fieldAssessments/schema.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorState, Loading } from '../../components/ui.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { isolate } from '../../i18n/bidi.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useSession } from '../../session.tsx';

type View = z.infer<typeof BuildingAssessmentsView>;
type Field = View['field'][number];

export function BuildingAssessments({ buildingId }: { buildingId: string }) {
  const { t } = useI18n();
  const { api } = useSession();
  const view = useLoad(() => api.get<View>(`/api/v1/reconstruction/buildings/${buildingId}/field-assessments`), [api, buildingId]);
  const materials = useLoad(() => api.get<z.infer<typeof MaterialsView>>('/api/v1/reconstruction/materials'), [api]);
  if (view.error || materials.error)
    return <ErrorState error={view.error ?? materials.error} onRetry={() => (view.reload(), materials.reload())} />;
  if (!view.data || !materials.data) return <Loading />;
  const names = new Map(materials.data.items.map((m) => [m.code, m]));
  return (
    <section className="card building-assessments" aria-labelledby="building-assessments">
      <h2 id="building-assessments">{t('assess.building.title')}</h2>
      <h3>{t('assess.building.field')}</h3>
      {view.data.field.length === 0 && <p className="muted">{t('assess.building.noField')}</p>}
      {view.data.field.map((a) => (
        <FieldCard key={a.id} a={a} names={names} />
      ))}
      <h3>{t('assess.building.remote')}</h3>
      {view.data.remote.length === 0 && <p className="muted">{t('assess.building.noRemote')}</p>}
      <ul className="list">
        {view.data.remote.map((r) => (
          <RemoteLine key={r.id} r={r} />
        ))}
      </ul>
    </section>
  );
}

function RemoteLine({ r }: { r: View['remote'][number] }) {
  const { t, day } = useI18n();
  return (
    <li className="list-item">
      <span className="list-title">{t(`assess.remote.${r.damageClass}`)}</span>
      <span className="list-meta muted">{t('assess.building.imagery', { day: isolate(day(r.imageryDate)) })}</span>
    </li>
  );
}

function FieldCard({ a, names }: { a: Field; names: Map<string, { nameAr: string; nameEn: string; unit: string }> }) {
  const { t, lang, num, day, sep } = useI18n();
  const usd = (n: number) => t('assess.usd', { amount: isolate(num(n)) });
  return (
    <article className="field-assessment" data-id={a.id}>
      <p>
        <strong>{t(`assess.class.${a.damageClass}`)}</strong>
        {sep}
        {t(a.habitable ? 'assess.habitable.yes' : 'assess.habitable.no')}
      </p>
      <p className="muted">{t('assess.building.by', { name: isolate(a.assessor.name), day: isolate(day(a.assessedOn)) })}</p>
      {a.notes && <p>{a.notes}</p>}
      <DataTable
        className="report-table"
        label={t('assess.boq')}
        columns={[
          {
            key: 'item',
            label: t('assess.boq.item'),
            render: (l) => {
              const m = names.get(l.itemCode);
              return m ? lang === 'ar' ? m.nameAr : m.nameEn : <bdi>{l.itemCode}</bdi>;
            },
          },
          { key: 'quantity', label: t('assess.boq.quantity'), numeric: true },
          { key: 'unitCostUsd', label: t('assess.boq.unitCost'), numeric: true },
        ]}
        rows={a.lines}
        rowKey={(l) => String(l.lineNo)}
      />
      <p>
        <strong>{t('assess.boq.total', { amount: usd(a.totalUsd) })}</strong>
      </p>
      <div className="field-photos">
        {a.photos.map((p) => (
          <Photo key={p.id} id={p.id} />
        ))}
      </div>
    </article>
  );
}

function Photo({ id }: { id: string }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let gone = false;
    // A data: URL (the app's content security policy allows data: images, not blob: ones).
    void api.blob(`/api/v1/reconstruction/photos/${id}`).then((b) => {
      const reader = new FileReader();
      reader.onload = () => {
        if (!gone && typeof reader.result === 'string') setUrl(reader.result);
      };
      reader.readAsDataURL(b);
    });
    return () => {
      gone = true;
    };
  }, [api, id]);
  return url ? <img src={url} alt={t('assess.photo.alt')} className="field-photo" /> : null;
}
