// The assessments kept on this device, newest first, each with its state: waiting to be sent, sent
// (with how many of its photos the server has), or refused with the server's reason.
import type { FieldOutboxState } from '../../fieldAssessment/outbox.ts';
import { dismiss } from '../../fieldAssessment/outbox.ts';
import type { Pack } from '../../fieldAssessment/db.ts';
import { isolate } from '../../i18n/bidi.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { usePlural } from '../../i18n/plural.ts';
import { shortRef } from './FieldAssessmentForm.tsx';

export function QueueList({ outbox, pack }: { outbox: FieldOutboxState; pack: Pack | null }) {
  const { t, num, sep } = useI18n();
  const plural = usePlural();
  const costs = new Map(pack?.materials.map((m) => [m.code, m.defaultUnitCostUsd]) ?? []);
  const total = (lines: { itemCode: string; quantity: number; unitCostUsd?: number | undefined }[]) =>
    lines.reduce((s, l) => s + l.quantity * (l.unitCostUsd ?? costs.get(l.itemCode) ?? 0), 0);
  return (
    <section className="card" aria-labelledby="field-queue">
      <h2 id="field-queue">{t('assess.queue.title')}</h2>
      {outbox.items.length === 0 && <p className="muted">{t('assess.queue.empty')}</p>}
      <ul className="list field-queue">
        {outbox.items.map((q) => {
          const refusedPhotos = q.photos.filter((p) => p.problem);
          return (
            <li key={q.id} className="list-item" data-state={q.state}>
              <span className="list-title">
                {t('assess.queue.line', {
                  ref: isolate(shortRef(q.body.buildingId)),
                  class: t(`assess.class.${q.body.damageClass}`),
                  total: t('assess.usd', { amount: isolate(num(Math.round(total(q.body.lines) * 100) / 100)) }),
                })}
                {sep}
                {plural('assess.photos.count', q.photos.length)}
              </span>
              <span className={q.state === 'sent' ? 'chip chip-ok' : q.state === 'refused' ? 'chip chip-bad' : 'chip chip-warn'}>
                {t(`assess.state.${q.state}`)}
              </span>
              {q.state === 'refused' && q.problem && <span className="error-text">{t(`problem.${q.problem}`)}</span>}
              {refusedPhotos.map((p) => (
                <span key={p.photoId} className="error-text">
                  {t(`problem.${p.problem!}`)}
                </span>
              ))}
              {q.state !== 'waiting' && (
                <button type="button" className="btn btn-secondary btn-small" onClick={() => void dismiss(q.id)}>
                  {t('assess.dismiss')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
