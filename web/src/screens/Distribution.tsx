// The distribution point: prepare once online (a cycle and a point: the manifest with the card
// keys goes into IndexedDB), then, online or not, scan a household card with the camera or type its
// printed number (or its whole code), see what the household receives here, record the hand-over.
// A typed number is not proof of holding the card: the officer confirms the recipient's identity
// document before recording, and the redemption says it was typed. Online, the server is asked
// before "Record" is enabled whether the card is good and the entitlements still open (handed out
// elsewhere since the list was downloaded?); offline, or without an answer, the list on the device
// decides. Hand-overs wait in the outbox on the device and are sent by themselves when the network
// is there; the server's answer (synced, conflict, refused) is shown for each. For the identity
// check, the head of household's name and the household's size: from the server's check online,
// else from the list on the device (which keeps them only for its own households, for a few days:
// docs/decisions/0023-offline-identity-check.md). Never an ID number. Every number, date and name
// is isolated for bidirectional text (i18n/bidi.tsx).
import { useCallback, useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { ApiError, type Api } from '../api/client.ts';
import type { Me } from '../api/types.ts';
import { Alert, PersonName, Screen, SelectField, TextField } from '../components/ui.tsx';
import { useOnline } from '../components/useOnline.ts';
import { verifier, verifyCard, normaliseCode, parseCard } from '../distribution/card.ts';
import { cardNumber } from '../../../src/shared/cardNumber.ts';
import { keepOnlyPrepared, loadPrepared, savePrepared } from '../distribution/db.ts';
import {
  applyServerCheck,
  decide,
  groups,
  handover,
  identityOf,
  type Identity,
  serverIdentity,
  withoutStaleIdentities,
  lookupNumber,
  looksLikeNumber,
  preparedKey,
  usedEntitlements,
  type CycleItem,
  type Decision,
  type Group,
  type Line,
  type LocalCheck,
  type Manifest,
  type PointItem,
  type Prepared,
  type Presentation,
  type Recorded,
  type Refusal,
  type ServerCheck,
} from '../distribution/model.ts';
import { currentState, onSynced, record, retryFailed, start, subscribe, syncNow, type OutboxState } from '../distribution/outbox.ts';
import { preloadScanner, ScanError, startScanner, type ScanProblem, type Scanner } from '../distribution/scanner.ts';
import { CardNumber, isolate, withNodes } from '../i18n/bidi.tsx';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { usePlural } from './household/parts.tsx';
import { useGovernorateName, useSession } from '../session.tsx';

const CURRENT = 'sanad.distribution.current'; // "cycleId:pointId": opaque ids, no personal data

const REFUSED: Record<Refusal, MessageKey> = {
  malformed: 'distribution.refused.malformed',
  unknown_key: 'distribution.refused.unknown_key',
  bad_signature: 'distribution.refused.bad_signature',
  revoked: 'distribution.refused.revoked',
  bad_number: 'distribution.refused.bad_number',
  unknown_number: 'distribution.refused.unknown_number',
  retired_key: 'distribution.refused.retired_key',
  unknown_card: 'distribution.refused.unknown_card',
};
/** How long the check with the server may take before the list on the device decides. */
const SERVER_CHECK_MS = 8_000;
const SCAN: Record<ScanProblem, MessageKey> = {
  unsupported: 'distribution.scan.unsupported',
  denied: 'distribution.scan.denied',
  noCamera: 'distribution.scan.noCamera',
  failed: 'distribution.scan.failed',
};
const REASONS: Record<string, MessageKey> = {
  malformed: 'distribution.reason.malformed',
  unknown_key: 'distribution.reason.unknown_key',
  retired_key: 'distribution.reason.retired_key',
  bad_signature: 'distribution.reason.bad_signature',
  revoked: 'distribution.reason.revoked',
  not_entitled: 'distribution.reason.not_entitled',
  unknown_entitlement: 'distribution.reason.unknown_entitlement',
  wrong_household: 'distribution.reason.wrong_household',
  id_reused: 'distribution.reason.id_reused',
  cycle_closed: 'distribution.reason.cycle_closed',
  already_redeemed: 'distribution.reason.already_redeemed',
  bad_number: 'distribution.reason.bad_number',
  unknown_card: 'distribution.reason.unknown_card',
};

/** A sentence naming a card by its printed number: the number's groups in place in right-to-left text too. */
function CardSentence({ k, serial }: { k: MessageKey; serial: number }) {
  const { t } = useI18n();
  return <>{withNodes(t(k), { serial: <CardNumber number={cardNumber(serial)} /> })}</>;
}

/** Online, before a hand-over: the server's view of the card and of the entitlements about to be handed out. */
async function askServer(
  api: Api,
  shown: Presentation,
  d: Decision & { kind: 'due' },
): Promise<{ decision: Decision; server: 'checked' | 'unreachable'; identity?: Identity }> {
  const body = {
    ...(shown.presented === 'qr' ? { card: shown.card } : { cardNumber: shown.cardNumber }),
    entitlementIds: d.due.map((l) => l.entitlementId),
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), SERVER_CHECK_MS);
    });
    const r = await Promise.race([api.post<ServerCheck>('/api/v1/aid/cards/check', body), late]);
    const identity = serverIdentity(r);
    return { decision: applyServerCheck(d, r), server: 'checked', ...(identity ? { identity } : {}) };
  } catch (e) {
    // Not a card of this organisation: refused. No answer (network, server, timeout): the device's list decides.
    if (e instanceof ApiError && e.status === 404) return { decision: { kind: 'refused', reason: 'unknown_card' }, server: 'checked' };
    return { decision: d, server: 'unreachable' };
  } finally {
    clearTimeout(timer);
  }
}

function storedKey(): string | null {
  try {
    return localStorage.getItem(CURRENT);
  } catch {
    return null;
  }
}

/** The outbox's state, kept sending; what checking and scanning need is loaded now, while there may be a network. */
function useOutbox(api: Api): OutboxState {
  const [outbox, setOutbox] = useState<OutboxState>(currentState);
  useEffect(() => subscribe(setOutbox), []);
  useEffect(() => {
    start(api);
  }, [api]);
  useEffect(() => {
    void verifier();
    preloadScanner();
  }, []);
  return outbox;
}

/** The list without its names when they have had their time (saved so), else as it is. */
async function forgetStale(p: Prepared): Promise<Prepared> {
  const q = withoutStaleIdentities(p, new Date());
  if (q !== p) await savePrepared(q).catch(() => undefined);
  return q;
}

/** The prepared list of this device (IndexedDB): downloaded once, kept fresh while online. */
function usePrepared(api: Api) {
  const [prepared, setPrepared] = useState<Prepared | null | undefined>(undefined);
  const lastRefresh = useRef(0);
  useEffect(() => {
    const key = storedKey();
    if (!key) {
      setPrepared(null);
      return;
    }
    loadPrepared(key).then(
      async (p) => setPrepared(p ? await forgetStale(p) : null),
      () => setPrepared(null),
    );
  }, []);
  // Names leave the device once the list is too old, even with the screen left open.
  useEffect(() => {
    const every = setInterval(() => {
      setPrepared((p) => (p ? withoutStaleIdentities(p, new Date()) : p));
    }, 60_000);
    return () => clearInterval(every);
  }, []);

  const download = useCallback(
    async (cycleId: string, pointId: string, programmeName: string): Promise<Prepared> => {
      const [manifest, me] = await Promise.all([
        api.get<Manifest>(`/api/v1/aid/cycles/${cycleId}/manifest?point=${pointId}`),
        api.get<Me>('/api/v1/me'),
      ]);
      const p = withoutStaleIdentities(
        { key: preparedKey(cycleId, pointId), orgId: me.orgId, programmeName, downloadedAt: new Date().toISOString(), manifest },
        new Date(),
      );
      await savePrepared(p);
      await keepOnlyPrepared(p.key);
      try {
        localStorage.setItem(CURRENT, p.key);
      } catch {
        /* private mode: chosen again next time */
      }
      lastRefresh.current = Date.now();
      return p;
    },
    [api],
  );

  // Keep the list fresh while online: after each sync (what other points handed out, revoked cards).
  const refresh = useCallback(
    async (force = false) => {
      const p = prepared;
      if (!p || !navigator.onLine || (!force && Date.now() - lastRefresh.current < 15_000)) return;
      try {
        setPrepared(await download(p.manifest.cycle.id, p.manifest.point.id, p.programmeName));
      } catch {
        /* offline again, or the session ended: keep the list we have */
      }
    },
    [prepared, download],
  );
  useEffect(
    () =>
      onSynced(() => {
        void refresh();
      }),
    [refresh],
  );
  useEffect(() => {
    const on = () => {
      void refresh();
    };
    addEventListener('online', on);
    return () => removeEventListener('online', on);
  }, [refresh]);
  return { prepared, setPrepared, download, refresh };
}

export default function Distribution() {
  const { t } = useI18n();
  const { api } = useSession();
  const online = useOnline();
  const outbox = useOutbox(api);
  const { prepared, setPrepared, download, refresh } = usePrepared(api);
  const [changing, setChanging] = useState(false);

  const ready = prepared && !changing;
  return (
    <Screen
      title={t('distribution.title')}
      actions={
        <span className={online ? 'chip chip-ok' : 'chip chip-warn'} role="status">
          {online ? t('distribution.online') : t('distribution.offline')}
        </span>
      }
    >
      <div className="dist-grid">
        <div className="dist-main">
          {prepared === undefined ? null : ready ? (
            <>
              <ReadyLine p={prepared} online={online} onUpdate={() => void refresh(true)} onChange={() => setChanging(true)} />
              <CardDesk prepared={prepared} outbox={outbox} />
            </>
          ) : (
            <Prepare
              online={online}
              current={prepared ?? null}
              download={download}
              onReady={(p) => {
                setPrepared(p);
                setChanging(false);
              }}
              onCancel={prepared ? () => setChanging(false) : undefined}
            />
          )}
        </div>
        <div className="dist-side">
          <OutboxPanel outbox={outbox} online={online} />
        </div>
      </div>
    </Screen>
  );
}

/** The cycles ready for distribution and the points, read while online; the current choice first. */
function useChoices(online: boolean, current: Prepared | null) {
  const { api } = useSession();
  const [cycles, setCycles] = useState<CycleItem[] | null>(null);
  const [points, setPoints] = useState<PointItem[] | null>(null);
  const [cycleId, setCycleId] = useState(current?.manifest.cycle.id ?? '');
  const [pointId, setPointId] = useState(current?.manifest.point.id ?? '');
  useEffect(() => {
    if (!online) return;
    let live = true;
    api.get<{ cycles: CycleItem[] }>('/api/v1/aid/cycles?status=generated').then(
      (r) => {
        if (!live) return;
        setCycles(r.cycles);
        setCycleId((c) => c || r.cycles[0]?.id || '');
      },
      () => undefined,
    );
    api.get<{ points: PointItem[] }>('/api/v1/aid/points').then(
      (r) => {
        if (!live) return;
        setPoints(r.points);
        setPointId((p) => p || r.points[0]?.id || '');
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [online, api]);
  return { cycles, points, cycleId, setCycleId, pointId, setPointId };
}

function Prepare({
  online,
  current,
  download,
  onReady,
  onCancel,
}: {
  online: boolean;
  current: Prepared | null;
  download: (c: string, p: string, programme: string) => Promise<Prepared>;
  onReady: (p: Prepared) => void;
  onCancel: (() => void) | undefined;
}) {
  const { t, day, sep } = useI18n();
  const govName = useGovernorateName();
  const { cycles, points, cycleId, setCycleId, pointId, setPointId } = useChoices(online, current);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const c = cycles?.find((x) => x.id === cycleId);
    if (!c || !pointId) return;
    setBusy(true);
    setFailed(false);
    try {
      onReady(await download(c.id, pointId, c.programmeName));
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 401)) setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="dist-prepare">
      <h2 id="dist-prepare">{t('distribution.prepare.title')}</h2>
      {!online && <Alert kind="warning">{t('distribution.prepare.needOnline')}</Alert>}
      {online && cycles && cycles.length === 0 && <p className="muted">{t('distribution.prepare.noCycles')}</p>}
      {online && points && points.length === 0 && <p className="muted">{t('distribution.prepare.noPoints')}</p>}
      {online && cycles && points && cycles.length > 0 && points.length > 0 && (
        <form onSubmit={submit}>
          <SelectField label={t('distribution.prepare.cycle')} value={cycleId} onChange={(e) => setCycleId(e.target.value)}>
            {cycles.map((c) => (
              <option key={c.id} value={c.id}>
                {t('distribution.prepare.cycleOption', {
                  programme: isolate(c.programmeName),
                  number: c.number,
                  date: isolate(day(c.cutoffDate)),
                })}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('distribution.prepare.point')} value={pointId} onChange={(e) => setPointId(e.target.value)}>
            {points.map((p) => (
              <option key={p.id} value={p.id}>{`${isolate(p.name)}${sep}${isolate(govName(p.governorate))}`}</option>
            ))}
          </SelectField>
          {failed && <Alert kind="error">{t('distribution.prepare.failed')}</Alert>}
          <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
            {busy ? t('distribution.prepare.busy') : t('distribution.prepare.download')}
          </button>
        </form>
      )}
      {onCancel && (
        <button type="button" className="btn btn-secondary btn-block dist-cancel" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      )}
    </section>
  );
}

function ReadyLine({ p, online, onUpdate, onChange }: { p: Prepared; online: boolean; onUpdate: () => void; onChange: () => void }) {
  const { t, dateTime, sep } = useI18n();
  const plural = usePlural();
  const m = p.manifest;
  const households = new Set(m.entitlements.map((e) => e.householdId)).size;
  return (
    <section className="card dist-ready">
      <p className="big">
        {t('point.ready', {
          households: plural('point.readyHh', households),
          entitlements: plural('point.readyEnt', m.entitlements.length),
        })}
      </p>
      <p className="muted dist-ready-line">
        <bdi>{m.point.name}</bdi>
        {sep}
        <bdi>{p.programmeName}</bdi>
        {sep}
        <bdi>{t('distribution.cycleNumber', { number: m.cycle.number })}</bdi>
        {sep}
        <bdi>{t('distribution.downloaded', { time: dateTime(p.downloadedAt) })}</bdi>
      </p>
      {m.cycle.status === 'closed' && <Alert kind="warning">{t('distribution.cycleClosed')}</Alert>}
      {p.identitiesCleared && !m.households && <Alert kind="info">{t('point.identity.cleared')}</Alert>}
      {online && (
        <div className="row">
          <button type="button" className="btn btn-secondary btn-small" onClick={onUpdate}>
            {t('distribution.update')}
          </button>
          <button type="button" className="btn btn-secondary btn-small" onClick={onChange}>
            {t('distribution.change')}
          </button>
        </div>
      )}
    </section>
  );
}

type ServerState = 'checking' | 'checked' | 'unreachable' | null;
type Shown =
  | { shown: Presentation; decision: Decision; server: ServerState; identity?: Identity | undefined }
  | { recorded: number; handoverId: string }
  | null;

/** A card's check: on this device first (signature, revocations, what was handed out), then the server's when online. */
function useCardCheck(prepared: Prepared, outbox: OutboxState) {
  const { api } = useSession();
  const [idChecked, setIdChecked] = useState(false);
  const asked = useRef(0);
  const [checking, setChecking] = useState(false);
  const [shown, setShown] = useState<Shown>(null);
  const used = usedEntitlements(outbox.records);
  const usedRef = useRef(used);
  usedRef.current = used;

  const check = useCallback(
    async (text: string) => {
      const raw = text.trim();
      if (!raw) return;
      setChecking(true);
      setIdChecked(false);
      const seq = ++asked.current;
      try {
        const m = prepared.manifest;
        let shown: Presentation;
        let c: LocalCheck;
        if (looksLikeNumber(raw)) {
          const n = lookupNumber(m, raw);
          shown = { presented: 'typed', cardNumber: n.number ?? raw };
          c = n;
        } else {
          const token = normaliseCode(raw);
          shown = { presented: 'qr', card: token };
          c = await verifyCard(token, m.keys, new Set(m.revokedSerials.map((r) => r.serial)));
        }
        const decision = decide(m, usedRef.current, c);
        const local = decision.kind === 'refused' ? undefined : identityOf(m, decision.card.householdId);
        if (decision.kind !== 'due' || !navigator.onLine) {
          setShown({ shown, decision, server: null, identity: local });
          return;
        }
        setShown({ shown, decision, server: 'checking', identity: local });
        const answer = await askServer(api, shown, decision);
        if (seq === asked.current) setShown({ shown, identity: local, ...answer });
      } finally {
        setChecking(false);
      }
    },
    [prepared, api],
  );
  /** Puts the card away; an answer still on its way is ignored. */
  const cancel = () => {
    asked.current++;
    setShown(null);
  };
  return { idChecked, setIdChecked, checking, shown, setShown, check, cancel };
}

/** The camera: looks for a card's QR code (other QR codes are ignored) and hands its text on. */
function useScan(onStart: () => void, onCard: (text: string) => void) {
  const [scanning, setScanning] = useState(false);
  const [scanProblem, setScanProblem] = useState<ScanProblem | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const scanner = useRef<Scanner | null>(null);
  const stopScan = useCallback(() => {
    scanner.current?.stop();
    scanner.current = null;
    setScanning(false);
  }, []);
  useEffect(() => stopScan, [stopScan]);

  const scan = async () => {
    setScanProblem(null);
    onStart();
    setScanning(true);
    await new Promise((r) => requestAnimationFrame(r)); // the video element is in the page
    try {
      scanner.current = await startScanner(video.current!, (text) => {
        if (!parseCard(normaliseCode(text))) return false; // another QR code: keep looking
        setScanning(false);
        scanner.current = null;
        onCard(text);
        return true;
      });
    } catch (e) {
      setScanning(false);
      setScanProblem(e instanceof ScanError ? e.problem : 'failed');
    }
  };
  return { scanning, scanProblem, video, scan, stopScan };
}

/** Records the hand-over on this device (the outbox sends it); nothing kept means nothing handed over. */
function useRecordHandover(prepared: Prepared, shown: Shown, idChecked: boolean, onRecorded: (s: Shown) => void) {
  const [saving, setSaving] = useState(false);
  const [saveFailed, setSaveFailed] = useState(false);
  const recordHandover = async () => {
    if (!shown || !('decision' in shown) || shown.decision.kind !== 'due' || saving || shown.server === 'checking') return;
    if (shown.shown.presented === 'typed' && !idChecked) return;
    const d = shown.decision;
    setSaving(true);
    setSaveFailed(false);
    try {
      const rs = handover(prepared, shown.shown, d.card, d.due, new Date(), () => crypto.randomUUID());
      await record(rs);
      onRecorded({ recorded: d.card.serial, handoverId: rs[0]!.handoverId });
    } catch {
      setSaveFailed(true); // nothing was kept: the officer must not hand over yet
    } finally {
      setSaving(false);
    }
  };
  return { saving, saveFailed, recordHandover };
}

type DeskRefs = {
  idBox: RefObject<HTMLInputElement | null>;
  scanButton: RefObject<HTMLButtonElement | null>;
  recordButton: RefObject<HTMLButtonElement | null>;
  resultHeading: RefObject<HTMLHeadingElement | null>;
};

/**
 * Focus follows the work: the record button when there is something to hand over, else the result.
 * A typed number: the identity check first. While the server is asked, the result's heading.
 */
function useFocusFollowsWork(shown: Shown, refs: DeskRefs) {
  useEffect(() => {
    if (shown && 'decision' in shown) {
      if (shown.decision.kind === 'due' && shown.server !== 'checking')
        (shown.shown.presented === 'typed' ? refs.idBox : refs.recordButton).current?.focus();
      else refs.resultHeading.current?.focus();
    } else if (shown && 'recorded' in shown) refs.resultHeading.current?.focus();
  }, [shown]); // eslint-disable-line react-hooks/exhaustive-deps
}

function CardDesk({ prepared, outbox }: { prepared: Prepared; outbox: OutboxState }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const refs: DeskRefs = {
    idBox: useRef<HTMLInputElement>(null),
    scanButton: useRef<HTMLButtonElement>(null),
    recordButton: useRef<HTMLButtonElement>(null),
    resultHeading: useRef<HTMLHeadingElement>(null),
  };
  const card = useCardCheck(prepared, outbox);
  const camera = useScan(
    () => card.setShown(null),
    (text) => void card.check(text),
  );
  const saver = useRecordHandover(prepared, card.shown, card.idChecked, (s) => {
    card.setShown(s);
    setCode('');
  });
  useFocusFollowsWork(card.shown, refs);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    camera.stopScan();
    void card.check(code);
  };

  return (
    <>
      <CardInput camera={camera} scanButton={refs.scanButton} code={code} onCode={setCode} checking={card.checking} onSubmit={onSubmit} />
      {card.shown && (
        <section className="card dist-result" aria-live="polite">
          {'recorded' in card.shown ? (
            <RecordedHandover
              serial={card.shown.recorded}
              handoverId={card.shown.handoverId}
              outbox={outbox}
              headingRef={refs.resultHeading}
            />
          ) : (
            <>
              {saver.saveFailed && <Alert kind="error">{t('distribution.saveFailed')}</Alert>}
              <Result
                identity={card.shown.identity}
                decision={card.shown.decision}
                server={card.shown.server}
                typed={card.shown.shown.presented === 'typed'}
                idChecked={card.idChecked}
                onIdChecked={card.setIdChecked}
                idRef={refs.idBox}
                headingRef={refs.resultHeading}
                recordRef={refs.recordButton}
                saving={saver.saving}
                onRecord={() => void saver.recordHandover()}
                onCancel={() => {
                  card.cancel();
                  refs.scanButton.current?.focus();
                }}
              />
            </>
          )}
        </section>
      )}
    </>
  );
}

/** The card: scanned with the camera, or its code or printed number typed. */
function CardInput({
  camera,
  scanButton,
  code,
  onCode,
  checking,
  onSubmit,
}: {
  camera: ReturnType<typeof useScan>;
  scanButton: RefObject<HTMLButtonElement | null>;
  code: string;
  onCode: (code: string) => void;
  checking: boolean;
  onSubmit: (e: FormEvent) => void;
}) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="dist-card">
      <h2 id="dist-card">{t('distribution.card.title')}</h2>
      {camera.scanning ? (
        <div className="dist-camera">
          <video ref={camera.video} aria-label={t('distribution.scan.video')} muted playsInline />
          <p className="muted" role="status">
            {t('distribution.scan.looking')}
          </p>
          <button type="button" className="btn btn-secondary btn-block" onClick={camera.stopScan}>
            {t('distribution.scan.stop')}
          </button>
        </div>
      ) : (
        <button ref={scanButton} type="button" className="btn btn-primary btn-block btn-large" onClick={() => void camera.scan()}>
          {t('distribution.scan')}
        </button>
      )}
      {camera.scanProblem && <Alert kind="warning">{t(SCAN[camera.scanProblem])}</Alert>}
      <form className="dist-code" onSubmit={onSubmit}>
        <TextField
          label={t('distribution.code')}
          hint={t('distribution.code.hint')}
          value={code}
          onChange={(e) => onCode(e.target.value)}
          dir="ltr"
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          name="card-code"
        />
        <button type="submit" className="btn btn-secondary btn-block" disabled={checking || !code.trim()}>
          {checking ? t('distribution.checking') : t('distribution.check')}
        </button>
      </form>
    </section>
  );
}

/** A hand-over recorded on this device, and what the server said about it as soon as it has answered. */
function RecordedHandover({
  serial,
  handoverId,
  outbox,
  headingRef,
}: {
  serial: number;
  handoverId: string;
  outbox: OutboxState;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  return (
    <>
      <Alert kind="success">
        <h2 ref={headingRef} tabIndex={-1} className="dist-result-title">
          <CardSentence k="distribution.recorded" serial={serial} />
        </h2>
      </Alert>
      <HandoverState g={groups(outbox.records.filter((r) => r.handoverId === handoverId))[0]} />
    </>
  );
}

function Lines({ lines }: { lines: { entitlementId: string; name: string; unit: string; quantity: number }[] }) {
  const { num } = useI18n();
  return (
    <ul className="dist-lines">
      {lines.map((l) => (
        <li key={l.entitlementId}>
          <bdi>{l.name}</bdi>
          <span className="dist-qty">
            <bdi>
              {num(l.quantity)} {l.unit}
            </bdi>
          </span>
        </li>
      ))}
    </ul>
  );
}

type ResultProps = {
  identity: Identity | undefined;
  decision: Decision;
  server: ServerState;
  typed: boolean;
  idChecked: boolean;
  onIdChecked: (v: boolean) => void;
  idRef: RefObject<HTMLInputElement | null>;
  headingRef: RefObject<HTMLHeadingElement | null>;
  recordRef: RefObject<HTMLButtonElement | null>;
  saving: boolean;
  onRecord: () => void;
  onCancel: () => void;
};

function Result(props: ResultProps) {
  const { decision: d, server, typed, headingRef, identity } = props;
  const { t } = useI18n();
  const checkedOnline = server === 'checked' && <p className="muted dist-server">{t('distribution.server.checked')}</p>;
  const verdict = (kind: 'error' | 'warning', key: MessageKey) => (
    <Alert kind={kind}>
      <h2 ref={headingRef} tabIndex={-1} className="dist-result-title">
        {t(key)}
      </h2>
    </Alert>
  );
  if (d.kind === 'refused')
    return (
      <>
        {verdict('error', REFUSED[d.reason])}
        {checkedOnline}
      </>
    );
  const serial = (
    <>
      <p className="dist-serial">
        <CardSentence k="distribution.serial" serial={d.card.serial} />
        {typed && <span className="chip chip-warn dist-typed">{t('distribution.typed')}</span>}
      </p>
      <IdentityFacts identity={identity} />
    </>
  );
  if (d.kind === 'notListed' || d.kind === 'closed')
    return (
      <>
        {serial}
        {verdict('warning', d.kind === 'notListed' ? 'distribution.notListed' : 'distribution.closed')}
      </>
    );
  if (d.kind === 'received') {
    return (
      <>
        {serial}
        {verdict('error', 'distribution.received')}
        {checkedOnline}
        <h3>{t('distribution.receivedBefore')}</h3>
        <Lines lines={d.lines} />
      </>
    );
  }
  return (
    <>
      {serial}
      <Due {...props} due={d.due} received={d.received} />
    </>
  );
}

/** What the household receives now: the lines, the server's word, the identity check for a typed number, Record. */
function Due({
  due,
  received,
  server,
  typed,
  idChecked,
  onIdChecked,
  idRef,
  headingRef,
  recordRef,
  saving,
  onRecord,
  onCancel,
}: ResultProps & { due: Line[]; received: Line[] }) {
  const { t } = useI18n();
  return (
    <>
      <p className="dist-valid">{t(typed ? 'distribution.typed.valid' : 'distribution.valid')}</p>
      <h2 ref={headingRef} tabIndex={-1}>
        {t('distribution.due')}
      </h2>
      <Lines lines={due} />
      {received.length > 0 && (
        <>
          <h3>{t('distribution.receivedBefore')}</h3>
          <Lines lines={received} />
        </>
      )}
      {server === 'checking' && (
        <p className="muted dist-server" role="status">
          {t('distribution.server.checking')}
        </p>
      )}
      {server === 'checked' && <p className="muted dist-server">{t('distribution.server.open')}</p>}
      {server === 'unreachable' && (
        <p className="warning-text dist-server" role="status">
          {t('distribution.server.unreachable')}
        </p>
      )}
      {typed && (
        <>
          <Alert kind="warning">{t('distribution.typed.note')}</Alert>
          <label className="check dist-idcheck">
            <input
              ref={idRef}
              type="checkbox"
              name="id-checked"
              required
              checked={idChecked}
              onChange={(e) => onIdChecked(e.target.checked)}
            />
            {t('distribution.typed.idChecked')}
          </label>
        </>
      )}
      <div className="row">
        <button
          ref={recordRef}
          type="button"
          className="btn btn-primary btn-block btn-large"
          disabled={saving || server === 'checking' || (typed && !idChecked)}
          onClick={onRecord}
        >
          {saving ? t('distribution.recording') : server === 'checking' ? t('distribution.server.wait') : t('distribution.record')}
        </button>
        <button type="button" className="btn btn-secondary btn-block" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </>
  );
}

function stateText(t: (k: MessageKey, v?: Record<string, string | number>) => string, g: Group): string {
  switch (g.state) {
    case 'waiting':
      return t('distribution.state.waiting');
    case 'standing':
      return t('distribution.state.standing');
    case 'conflict':
      return t('distribution.state.conflict');
    case 'failed':
      return t('distribution.state.failed');
    case 'rejected':
      return t('distribution.state.rejected', { reason: t(REASONS[g.reason ?? ''] ?? 'distribution.reason.other') });
  }
}

function HandoverState({ g }: { g: Group | undefined }) {
  const { t } = useI18n();
  if (!g) return null;
  return (
    <span className={g.state === 'standing' ? 'chip chip-ok' : g.state === 'waiting' ? 'chip' : 'chip chip-bad'}>{stateText(t, g)}</span>
  );
}

function HandoverItem({ g }: { g: Group }) {
  const { t, dateTime, num, sep } = useI18n();
  return (
    <li className={`dist-handover dist-${g.state}`}>
      <span className="list-title">
        <CardSentence k="distribution.serial" serial={g.serial} />
        {g.typed && <span className="chip chip-warn dist-typed">{t('distribution.typed')}</span>}
      </span>
      <span className="list-meta">
        <bdi>{dateTime(g.redeemedAt)}</bdi>
        {g.lines.map((l) => (
          <span key={l.id} className="dist-handover-line">
            {sep}
            <bdi>{l.itemName}</bdi>:{' '}
            <bdi>
              {num(l.quantity)} {l.unit}
            </bdi>
          </span>
        ))}
      </span>
      <HandoverState g={g} />
    </li>
  );
}

function OutboxPanel({ outbox, online }: { outbox: OutboxState; online: boolean }) {
  const { t, dateTime } = useI18n();
  const all = groups(outbox.records);
  const waiting = all.filter((g) => g.lines.some((l: Recorded) => l.state === 'waiting'));
  const recent = all.filter((g) => !g.lines.some((l: Recorded) => l.state === 'waiting')).slice(0, 20);
  const failed = outbox.records.some((r) => r.state === 'failed');
  return (
    <>
      <section className="card" aria-labelledby="dist-waiting">
        <h2 id="dist-waiting" className="dist-waiting-title">
          {t('distribution.waiting', { count: waiting.length })}
        </h2>
        {!online && <p className="warning-text">{t('distribution.offlineNote')}</p>}
        {outbox.syncing && (
          <p className="muted" role="status">
            {t('distribution.sync.busy')}
          </p>
        )}
        {!outbox.syncing && waiting.length > 0 && outbox.problem && online && (
          <p className="warning-text" role="status">
            {t(
              outbox.problem === 'network'
                ? 'distribution.sync.network'
                : outbox.problem === 'session'
                  ? 'distribution.sync.session'
                  : 'distribution.sync.server',
            )}
          </p>
        )}
        {waiting.length === 0 ? (
          <p className="muted">{t('distribution.waiting.none')}</p>
        ) : (
          <ul className="list">
            {waiting.map((g) => (
              <HandoverItem key={g.handoverId} g={g} />
            ))}
          </ul>
        )}
        {outbox.lastSync && <p className="muted">{t('distribution.sync.last', { time: isolate(dateTime(outbox.lastSync)) })}</p>}
        <div className="row">
          {online && waiting.length > 0 && (
            <button type="button" className="btn btn-secondary" disabled={outbox.syncing} onClick={() => void syncNow()}>
              {t('distribution.sync.now')}
            </button>
          )}
          {online && failed && (
            <button type="button" className="btn btn-secondary" onClick={() => void retryFailed()}>
              {t('distribution.retryFailed')}
            </button>
          )}
        </div>
      </section>
      <section className="card" aria-labelledby="dist-recent">
        <h2 id="dist-recent">{t('distribution.recent')}</h2>
        {recent.length === 0 ? (
          <p className="muted">{t('distribution.recent.none')}</p>
        ) : (
          <ul className="list">
            {recent.map((g) => (
              <HandoverItem key={g.handoverId} g={g} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** The head of household's name and the household's size, for the identity check; where they come from. */
function IdentityFacts({ identity }: { identity: Identity | undefined }) {
  const { t } = useI18n();
  const plural = usePlural();
  if (!identity) return <p className="muted dist-identity-missing">{t('point.identity.missing')}</p>;
  return (
    <section className="dist-identity" aria-label={t('point.identity.title')}>
      <dl className="dist-identity-facts">
        <dt>{t('point.identity.head')}</dt>
        <dd className="dist-head">{identity.headName ? <PersonName fullName={identity.headName} /> : t('point.hh.noHead')}</dd>
        <dt>{t('point.identity.size')}</dt>
        <dd className="dist-size">{plural('hh.members', identity.size)}</dd>
      </dl>
      <p className="muted">
        {t(identity.source === 'server' ? 'point.identity.fromServer' : 'point.identity.fromDevice')} {t('point.identity.compare')}
      </p>
    </section>
  );
}
