// Household cards on the household page, for the roles that issue and revoke them: issue a card,
// reprint one (a new card and the old one revoked as replaced, in one write), revoke one with a reason,
// and the printable card (an A4 sheet by the print style sheet): the QR code of the signed token,
// the printed number, the head's name and the household's size; never an identity number. The token
// is not kept by the server for reading, so a card can be printed only when it is issued.
import { lazy, Suspense, useState } from 'react';
import { can } from '../../access.ts';
import { newOperationId } from '../../api/client.ts';
import type { HouseholdViewT } from '../../api/types.ts';
import { Loading, PersonName, SelectField } from '../../components/ui.tsx';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { useSession } from '../../session.tsx';
import { ConfirmButton, usePlural } from './parts.tsx';
import { CardNumber } from '../../i18n/bidi.tsx';

const QrCode = lazy(() => import('../../qr/QrCode.tsx'));

export type IssuedCard = { serial: number; number: string; token: string };
const REASONS = ['lost', 'stolen', 'damaged', 'replaced', 'other'] as const;

/** Issue and revoke, each request with its own operation id (a retry cannot issue twice). */
export function useCardWrites(householdId: string) {
  const { api } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function run<T>(f: () => Promise<T>): Promise<T | null> {
    setBusy(true);
    setError(null);
    try {
      return await f();
    } catch (e) {
      setError(e);
      return null;
    } finally {
      setBusy(false);
    }
  }
  const issue = () => api.post<IssuedCard>('/api/v1/aid/cards', { householdId }, { idempotencyKey: newOperationId() });
  const revoke = (serial: number, reason: string) =>
    api.post(`/api/v1/aid/cards/${serial}/revoke`, { reason }, { idempotencyKey: newOperationId() });
  return {
    busy,
    error,
    issue: () => run(issue),
    revoke: (serial: number, reason: string) => run(() => revoke(serial, reason)),
    reprint: (serial: number) =>
      run(() => api.post<IssuedCard>(`/api/v1/aid/cards/${serial}/reprint`, {}, { idempotencyKey: newOperationId() })),
  };
}

/** The "issue a card" button, for the roles that may. */
export function IssueCard({ onIssued, writes }: { onIssued: (c: IssuedCard) => void; writes: ReturnType<typeof useCardWrites> }) {
  const { t } = useI18n();
  const { user } = useSession();
  if (!can(user?.role, 'issueCard')) return null;
  return (
    <ConfirmButton
      label={t('cards.issue')}
      question={t('cards.issueQuestion')}
      disabled={writes.busy}
      onConfirm={async () => {
        const c = await writes.issue();
        if (c) onIssued(c);
      }}
    />
  );
}

/** Reprint and revoke for one valid card. */
export function CardActions({
  serial,
  writes,
  onIssued,
  onChanged,
}: {
  serial: number;
  writes: ReturnType<typeof useCardWrites>;
  onIssued: (c: IssuedCard) => void;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const { user } = useSession();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const mayRevoke = can(user?.role, 'revokeCard');
  const mayReprint = can(user?.role, 'reprintCard');
  if (!mayRevoke && !mayReprint) return null;
  return (
    <div className="card-actions">
      {mayReprint && (
        <ConfirmButton
          label={t('cards.reprint')}
          question={t('cards.reprintQuestion')}
          disabled={writes.busy}
          onConfirm={async () => {
            const c = await writes.reprint(serial);
            if (c) onIssued(c);
          }}
        />
      )}
      {mayRevoke && (
        <button type="button" className="btn btn-secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
          {t('cards.revoke')}
        </button>
      )}
      {open && (
        <div className="stack">
          <SelectField label={t('cards.reason')} value={reason} required onChange={(e) => setReason(e.target.value)}>
            <option value="" />
            {REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`cards.reason.${r}` as MessageKey)}
              </option>
            ))}
          </SelectField>
          <ConfirmButton
            label={t('cards.revoke')}
            question={t('cards.revokeQuestion')}
            disabled={writes.busy}
            ready={() => reason !== ''}
            onConfirm={async () => {
              if ((await writes.revoke(serial, reason)) !== null) {
                setOpen(false);
                onChanged();
              }
            }}
          />
        </div>
      )}
    </div>
  );
}

/** The printable card of one household, just issued. */
export function PrintCard({ h, card, onClose }: { h: HouseholdViewT; card: IssuedCard; onClose: () => void }) {
  const { t } = useI18n();
  const plural = usePlural();
  const current = h.members.filter((m) => m.validTo === null);
  const head = current.find((m) => m.relationship === 'head');
  return (
    <section className="print-area" aria-label={t('cards.sheetTitle')}>
      <p className="no-print alert alert-info">{t('cards.printOnce')}</p>
      <div className="print-card">
        <h3>{t('cards.sheetTitle')}</h3>
        <Suspense fallback={<Loading />}>
          <QrCode text={card.token} label={t('cards.qrLabel')} size={200} />
        </Suspense>
        <dl className="print-card-facts">
          <dt>{t('cards.number')}</dt>
          <dd>
            <CardNumber number={card.number} className="card-number" />
          </dd>
          <dt>{t('cards.head')}</dt>
          <dd>{head?.fullName ? <PersonName fullName={head.fullName} /> : t('cards.headHidden')}</dd>
          <dt>{t('cards.size')}</dt>
          <dd>{plural('hh.members', current.length)}</dd>
        </dl>
      </div>
      <div className="row no-print">
        <button type="button" className="btn btn-primary" onClick={() => window.print()}>
          {t('cards.print')}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          {t('cards.close')}
        </button>
      </div>
    </section>
  );
}
