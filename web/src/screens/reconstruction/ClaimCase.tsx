// A joint case (claims officer, committee): every claim on the unit side by side, one row per piece of
// evidence with its result and source, as the duplicate review compares two records; the reasons for
// inspection; each claim's priority score explained; documents; the officer's check and the
// committee's decision (never by the officer who checked it; the server also refuses the unit's
// assessor). The read is logged by the server.
import { useState } from 'react';
import type { ClaimCaseFileT } from '../../api/claimTypes.ts';
import { can } from '../../access.ts';
import { ErrorState, Loading, Screen, TextAreaField } from '../../components/ui.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { isolate } from '../../i18n/bidi.tsx';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { ActionError } from '../household/parts.tsx';
import { useAction } from '../household/useAction.ts';
import { CaseState, Reasons, ScoreExplained } from './parts.tsx';

export function ClaimCase({ id }: { id: string }) {
  const { t, num } = useI18n();
  const { api, user } = useSession();
  const file = useLoad(() => api.get<ClaimCaseFileT>(`/api/v1/reconstruction/cases/${id}`), [id, api]);
  if (file.error)
    return (
      <Screen title={t('claims.case')}>
        <ErrorState error={file.error} onRetry={file.reload} />
      </Screen>
    );
  if (!file.data)
    return (
      <Screen title={t('claims.case')}>
        <Loading />
      </Screen>
    );
  const k = file.data;
  return (
    <Screen title={t('claims.case')}>
      <section className="card claim-head">
        <p>
          <CaseState k={k} />
        </p>
        <p>{t('claims.unit', { unit: isolate(k.unit.unitNumber), floor: num(k.unit.floor) })}</p>
        {k.ruleVersion !== null && (
          <p className="muted">{t('claims.ruleVersion', { version: num(k.decidedRuleVersion ?? k.ruleVersion) })}</p>
        )}
        {k.grantAmount !== null && k.stream && (
          <p>{t('claims.grant', { amount: num(k.grantAmount), stream: t(`claims.stream.${k.stream}` as MessageKey) })}</p>
        )}
        {k.decisionReason && <p dir="auto">{k.decisionReason}</p>}
        <Reasons reasons={k.reasons} />
        {k.state === 'approved' && can(user?.role, 'readPlan') && (
          <p>
            <Link to={{ name: 'tranchePlan', id: k.id }}>
              {k.plan ? t('planLinks.plan', { code: isolate(k.plan.code) }) : t('planLinks.openPlan')}
            </Link>
          </p>
        )}
      </section>
      <EvidenceTable k={k} />
      <section className="card" aria-labelledby="claim-scores">
        <h2 id="claim-scores">{t('claims.score')}</h2>
        {k.claims.map((c) => (
          <div key={c.id} className="claim-score-of">
            <h3>{t('claims.claimBy', { basis: t(`claims.basis.${c.basis}` as MessageKey), name: c.claimantName })}</h3>
            <ScoreExplained lines={c.explanation} score={c.priorityScore} />
          </div>
        ))}
      </section>
      <Actions k={k} onDone={file.reload} />
      <Reopen k={k} onDone={file.reload} />
      <Steps k={k} />
    </Screen>
  );
}

function evidenceText(
  e: NonNullable<ClaimCaseFileT['claims'][number]['evidence']>[number],
  t: (k: MessageKey, v?: Record<string, string | number>) => string,
  num: (n: number) => string,
) {
  if (e.item === 'remote_class' && typeof e.value === 'string') return t(`claims.remote.${e.value}` as MessageKey);
  if (e.item === 'field_class') return typeof e.value === 'string' ? t(`claims.class.${e.value}` as MessageKey) : t('claims.notAssessed');
  if (e.item === 'other_claims' && typeof e.value === 'number') return num(e.value);
  return t(`claims.result.${e.result}` as MessageKey);
}

/** One row per piece of evidence, one column per claim: the value, whether it matches, its source. */
function EvidenceTable({ k }: { k: ClaimCaseFileT }) {
  const { t, num, day } = useI18n();
  const items = k.claims[0]?.evidence?.map((e) => e.item) ?? [];
  const label = (c: ClaimCaseFileT['claims'][number]) =>
    t('claims.claimBy', { basis: t(`claims.basis.${c.basis}` as MessageKey), name: c.claimantName });
  return (
    <section className="card" aria-labelledby="claim-evidence">
      <h2 id="claim-evidence">{t('claims.evidence')}</h2>
      <table className="compare claim-evidence">
        <thead>
          <tr>
            <th scope="col">{t('claims.evidenceItem')}</th>
            {k.claims.map((c) => (
              <th scope="col" key={c.id}>
                {label(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('claims.claimedClass')}</th>
            {k.claims.map((c) => (
              <td key={c.id}>
                <span className="compare-label" aria-hidden="true">
                  {label(c)}
                </span>
                {t(`claims.class.${c.claimedClass}` as MessageKey)} · {day(c.damageDate)}
              </td>
            ))}
          </tr>
          {items.map((item) => (
            <tr key={item} data-item={item}>
              <th scope="row">{t(`claims.item.${item}` as MessageKey)}</th>
              {k.claims.map((c) => {
                const e = c.evidence?.find((x) => x.item === item);
                return (
                  <td key={c.id} data-result={e?.result}>
                    <span className="compare-label" aria-hidden="true">
                      {label(c)}
                    </span>
                    {e && (
                      <>
                        <span className={`claim-result claim-result-${e.result}`}>{evidenceText(e, t, num)}</span>
                        <span className="muted"> · {t('claims.source', { source: t(`claims.source.${e.source}` as MessageKey) })}</span>
                      </>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
          <tr>
            <th scope="row">{t('claims.documents')}</th>
            {k.claims.map((c) => (
              <td key={c.id}>
                <span className="compare-label" aria-hidden="true">
                  {label(c)}
                </span>
                {c.documents.length === 0 ? (
                  <span className="muted">{t('claims.noDocuments')}</span>
                ) : (
                  <ul className="plain">
                    {c.documents.map((d) => (
                      <li key={d.id}>
                        {t('claims.docLine', {
                          kind: t(`claims.doc.${d.kind}` as MessageKey),
                          type: isolate(d.mediaType.split('/')[1]!.toUpperCase()),
                          size: num(Math.max(1, Math.round(d.sizeBytes / 1024))),
                        })}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </section>
  );
}

function Actions({ k, onDone }: { k: ClaimCaseFileT; onDone: () => void }) {
  const { t } = useI18n();
  const { user } = useSession();
  const { busy, error, post } = useAction();
  const [text, setText] = useState('');
  const me = user?.me?.userId;
  const open = k.state === 'filed' || k.state === 'verified' || k.state === 'inspection';
  const officer = can(user?.role, 'checkClaimCase') && open;
  const committee = can(user?.role, 'decideClaimCase') && k.state === 'verified';
  if (!officer && !committee) return null;
  const send = async (path: string, body: object) => {
    if (await post(`/api/v1/reconstruction/cases/${k.id}/${path}`, body)) {
      setText('');
      onDone();
    }
  };
  const note = text.trim();
  if (committee && k.checkedBy === me) return <p className="card muted">{t('claims.ownCheck')}</p>;
  // a reopened case is decided by a member who did not decide it before (the server refuses too)
  const decidedBefore = k.steps.some((s) => (s.step === 'approved' || s.step === 'rejected') && s.actor === user?.me?.username);
  if (committee && decidedBefore) return <p className="card muted">{t('decided.earlierDecision')}</p>;
  return (
    <section className="card hh-form" aria-labelledby="claim-actions">
      <h2 id="claim-actions">{officer ? t('claims.officerCheck') : t('claims.committee')}</h2>
      <TextAreaField
        label={officer ? t('claims.note') : t('claims.decisionReason')}
        name="claimNote"
        dir="auto"
        maxLength={1000}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <ActionError error={error} />
      <p className="actions">
        {officer && (
          <>
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy}
              onClick={() => void send('check', { step: 'verified', ...(note ? { note } : {}) })}
            >
              {t('claims.verify')}
            </button>{' '}
            <button
              type="button"
              className="btn btn-secondary"
              disabled={busy}
              onClick={() => void send('check', { step: 'inspection', ...(note ? { note } : {}) })}
            >
              {t('claims.toInspection')}
            </button>
          </>
        )}
        {committee && (
          <>
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy || !note}
              onClick={() => void send('decision', { decision: 'approved', reason: note })}
            >
              {t('claims.approve')}
            </button>{' '}
            <button
              type="button"
              className="btn btn-secondary"
              disabled={busy || !note}
              onClick={() => void send('decision', { decision: 'rejected', reason: note })}
            >
              {t('claims.reject')}
            </button>
          </>
        )}
      </p>
    </section>
  );
}

/** A rejected case reopened for review by a committee member, with a reason (a grievance upheld, new evidence). */
function Reopen({ k, onDone }: { k: ClaimCaseFileT; onDone: () => void }) {
  const { t } = useI18n();
  const { user } = useSession();
  const { busy, error, post } = useAction();
  const [reason, setReason] = useState('');
  if (k.state !== 'rejected' || !can(user?.role, 'reopenClaimCase')) return null;
  const text = reason.trim();
  return (
    <section className="card hh-form" aria-labelledby="claim-reopen">
      <h2 id="claim-reopen">{t('decided.reopenTitle')}</h2>
      <p className="muted">{t('decided.reopenIntro')}</p>
      <TextAreaField
        label={t('decided.reason')}
        name="reopenReason"
        dir="auto"
        maxLength={1000}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <ActionError error={error} />
      <p className="actions">
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy || !text}
          onClick={async () => {
            if (await post(`/api/v1/reconstruction/cases/${k.id}/reopen`, { reason: text })) {
              setReason('');
              onDone();
            }
          }}
        >
          {t('decided.reopen')}
        </button>
      </p>
    </section>
  );
}

function Steps({ k }: { k: ClaimCaseFileT }) {
  const { t, dateTime } = useI18n();
  const { user } = useSession();
  if (k.steps.length === 0) return null;
  return (
    <section className="card" aria-labelledby="claim-steps">
      <h2 id="claim-steps">{t('claims.steps')}</h2>
      <ol className="timeline">
        {k.steps.map((s) => (
          <li key={`${s.step}-${s.at}`} data-step={s.step}>
            <strong>{t(`claims.step.${s.step}` as MessageKey)}</strong>
            {s.reason && <p>{s.reason}</p>}
            <p className="muted">{t('claims.by', { who: isolate(s.actor ?? ''), when: dateTime(s.at) })}</p>
          </li>
        ))}
      </ol>
      {can(user?.role, 'rankedClaims') && (
        <p>
          <Link to={{ name: 'claimsRanked' }}>{t('claims.ranked')}</Link>
        </p>
      )}
    </section>
  );
}
