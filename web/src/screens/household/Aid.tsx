// The household's aid, for the roles that handle cards: its cards (the printed number, revoked ones
// with when and why), what it is entitled to in each cycle, received or not, and its reconstruction
// payments (tranches and months of shelter cash; a joint case's payment once, shared).
import { type ReactNode, useState } from 'react';
import type { HouseholdAidT } from '../../api/householdTypes.ts';
import type { HouseholdViewT } from '../../api/types.ts';
import { ErrorState, Loading } from '../../components/ui.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { useSession } from '../../session.tsx';
import { CardActions, type IssuedCard, IssueCard, PrintCard, useCardWrites } from './Cards.tsx';
import { ActionError, usePlural } from './parts.tsx';
import { CardNumber, isolate } from '../../i18n/bidi.tsx';

const REVOKE_REASONS = ['lost', 'stolen', 'damaged', 'replaced', 'other'];
const revokeKey = (r: string | null): MessageKey => `hh.aid.revoked.${REVOKE_REASONS.includes(r ?? '') ? r : 'other'}` as MessageKey;

export function HouseholdAid({ h, version }: { h: HouseholdViewT; version: number }) {
  const { t } = useI18n();
  const { api } = useSession();
  const id = h.id;
  const aid = useLoad(() => api.get<HouseholdAidT>(`/api/v1/households/${id}/aid`), [id, api, version]);
  const writes = useCardWrites(id);
  const [printed, setPrinted] = useState<IssuedCard | null>(null);
  const issued = (c: IssuedCard) => {
    setPrinted(c);
    aid.reload();
  };
  // A revoked card is no longer offered for printing.
  const revoked = (serial: number) => {
    setPrinted((p) => (p?.serial === serial ? null : p));
    aid.reload();
  };
  const cardActions = (serial: number) => (
    <CardActions serial={serial} writes={writes} onIssued={issued} onChanged={() => revoked(serial)} />
  );
  return (
    <section className="card" aria-labelledby="hh-aid">
      <h2 id="hh-aid">{t('hh.aid.title')}</h2>
      {printed && <PrintCard h={h} card={printed} onClose={() => setPrinted(null)} />}
      <ActionError error={writes.error} />
      <IssueCard writes={writes} onIssued={issued} />
      {aid.error ? (
        <ErrorState error={aid.error} onRetry={aid.reload} />
      ) : aid.data ? (
        <AidLists aid={aid.data} cardActions={cardActions} />
      ) : (
        <Loading />
      )}
    </section>
  );
}

function AidLists({ aid, cardActions }: { aid: HouseholdAidT; cardActions: (serial: number) => ReactNode }) {
  const { t, dateTime, day, num, sep } = useI18n();
  const plural = usePlural();
  return (
    <>
      <h3>{plural('hh.aid.cards', aid.cards.length)}</h3>
      {aid.cards.length > 0 && (
        <ul className="list">
          {aid.cards.map((c) => (
            <li key={c.serial} className="list-item">
              <span className="list-title">
                <CardNumber number={c.number} />
                {c.revokedAt && <span className="badge badge-warning">{t(revokeKey(c.revokedReason))}</span>}
              </span>
              <span className="list-meta">
                {t('hh.aid.issued', { date: dateTime(c.issuedAt) })}
                {c.revokedAt ? `${sep}${t('hh.aid.revokedOn', { date: dateTime(c.revokedAt) })}` : ''}
              </span>
              {!c.revokedAt && cardActions(c.serial)}
            </li>
          ))}
        </ul>
      )}
      <h3>{plural('hh.aid.entitlements', aid.entitlements.length)}</h3>
      {aid.entitlements.length > 0 && (
        <ul className="list">
          {aid.entitlements.map((e) => (
            <li key={`${e.cycleId}:${e.item}`} className="list-item">
              <span className="list-title">
                <bdi>{e.item}</bdi> × {num(e.quantity)} <bdi>{e.unit}</bdi>
              </span>
              <span className="list-meta">
                <bdi>{e.programme}</bdi>
                {sep}
                {t('hh.aid.cycle', { number: e.cycleNumber, date: isolate(day(e.cutoffDate)) })}
                {sep}
                {e.receivedAt ? t('hh.aid.received', { date: dateTime(e.receivedAt) }) : t('hh.aid.notReceived')}
              </span>
            </li>
          ))}
        </ul>
      )}
      <Reconstruction payments={aid.reconstruction} />
    </>
  );
}

/** The payments to the reconstruction plans of the cases the household claims in: each once, a joint case's shared. */
function Reconstruction({ payments }: { payments: HouseholdAidT['reconstruction'] }) {
  const { t, dateTime, day, num, sep } = useI18n();
  if (payments.length === 0) return null;
  return (
    <>
      <h3>{t('hh.recon.title')}</h3>
      <ul className="list" data-recon-payments={payments.length}>
        {payments.map((p) => (
          <li key={`${p.kind}:${p.caseId}:${p.stage ?? p.month}`} className="list-item" data-recon={p.kind}>
            <span className="list-title">
              {p.kind === 'tranche' && p.stage
                ? t('hh.recon.tranche', { stage: t(`tranches.stage.${p.stage}`) })
                : t('hh.recon.shelter', { month: isolate(day(`${p.month}-01`, 'month')) })}{' '}
              — <bdi>{num(p.amount)}</bdi>
            </span>
            <span className="list-meta">
              {t('hh.recon.meta', { code: isolate(p.code), date: dateTime(p.paidAt) })}
              {p.households > 1 ? `${sep}${t('hh.recon.shared', { count: isolate(num(p.households)) })}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
