// The household's history, newest first: who changed what, when, in words (members joining and
// leaving, the head, splits and merges with links to the other household, moves, needs, cards,
// members' life events, and older status events), the day each change took effect and the reason when one was given.
import type { ReactNode } from 'react';
import { statusKinds } from '../../../../src/shared/vocabulary.ts';
import type { HouseholdHistoryEntryT } from '../../api/householdTypes.ts';
import type { HouseholdViewT } from '../../api/types.ts';
import { PersonName } from '../../components/ui.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { useGovernorateName, useSession } from '../../session.tsx';
import { relKey, vulnKey } from '../HouseholdPage.tsx';

type After = Record<string, unknown>;
/** An older status event (before life events): injured, disability, deceased, missing, found. */
const statusKey = (k: string): MessageKey =>
  (statusKinds as readonly string[]).includes(k) ? (`hh.status.kind.${k}` as MessageKey) : 'history.action.status';
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** What a member's life event entry says: reported, confirmed, no longer confirmed, corrected, withdrawn. */
const LIFE: Record<string, MessageKey> = {
  report: 'hh.history.life.report',
  confirmed: 'hh.history.life.confirmed',
  unconfirmed: 'hh.history.life.unconfirmed',
  correct: 'hh.history.life.correct',
  withdraw: 'hh.history.life.withdraw',
};
const titleOf = (e: HouseholdHistoryEntryT): MessageKey =>
  e.entity === 'person_status'
    ? statusKey(e.action)
    : e.entity === 'life_event'
      ? (LIFE[e.action] ?? 'history.action.other')
      : (ACTIONS[e.action] ?? 'history.action.other');

const ACTIONS: Record<string, MessageKey> = {
  create: 'hh.history.create',
  member_join: 'hh.history.join',
  member_leave: 'hh.history.leave',
  head_change: 'hh.history.head',
  split: 'hh.history.split',
  create_by_split: 'hh.history.createBySplit',
  merge: 'hh.history.merge',
  merged_into: 'hh.history.mergedInto',
  displacement: 'hh.history.move',
  vulnerability: 'hh.history.vulnerability',
  vulnerability_end: 'hh.history.vulnerabilityEnd',
  issue: 'hh.history.cardIssued',
  revoke: 'hh.history.cardRevoked',
};

/** A person named in an entry: their name when they are a member now, else "a person"; a link to their record either way. */
function usePerson(h: HouseholdViewT): (id: unknown) => ReactNode {
  const { t } = useI18n();
  return (id) => {
    const personId = str(id);
    if (!personId) return null;
    const name = h.members.find((m) => m.personId === personId)?.fullName;
    return <Link to={{ name: 'person', id: personId }}>{name ? <PersonName fullName={name} /> : t('hh.history.aPerson')}</Link>;
  };
}

/** What an entry says beyond its title: who, which household, where to, which need. */
function Details({ e, h }: { e: HouseholdHistoryEntryT; h: HouseholdViewT }) {
  const { t, sep } = useI18n();
  const govName = useGovernorateName();
  const person = usePerson(h);
  const a = (e.after && typeof e.after === 'object' ? e.after : {}) as After;
  const household = (id: unknown) =>
    str(id) ? <Link to={{ name: 'household', id: str(id)! }}>{t('hh.history.otherHousehold')}</Link> : null;
  switch (e.action) {
    case 'member_join':
      return (
        <>
          {person(a.personId)}
          {sep}
          {t(relKey(str(a.relationship) ?? 'other'))}
        </>
      );
    case 'member_leave':
      return <>{person(a.personId)}</>;
    case 'head_change':
      return <>{person(a.newHead)}</>;
    case 'split':
      return <>{household(a.newHouseholdId)}</>;
    case 'create_by_split':
      return <>{household(a.from)}</>;
    case 'merge':
      return <>{household(a.absorbed)}</>;
    case 'merged_into':
      return <>{household(a.into)}</>;
    case 'displacement':
      return <>{govName(str(a.toGovernorate))}</>;
    case 'vulnerability':
    case 'vulnerability_end':
      return (
        <>
          {t(vulnKey(str(a.kind) ?? ''))}
          {a.personId ? (
            <>
              {sep}
              {person(a.personId)}
            </>
          ) : null}
        </>
      );
    default:
      if (e.entity === 'life_event') {
        const kind = str(a.kind);
        return (
          <>
            {kind ? t(`life.kind.${kind}` as MessageKey) : null}
            {kind ? sep : null}
            {person(e.entityId)}
          </>
        );
      }
      return e.entity === 'person_status' ? person(e.entityId) : null;
  }
}

export function HouseholdHistory({ items, h }: { items: HouseholdHistoryEntryT[]; h: HouseholdViewT }) {
  const { t, dateTime, day, sep } = useI18n();
  const { user } = useSession();
  if (items.length === 0) return <p className="muted">{t('history.empty')}</p>;
  return (
    <ol className="timeline hh-history">
      {[...items].reverse().map((e) => {
        const a = (e.after && typeof e.after === 'object' ? e.after : {}) as After;
        const title = titleOf(e);
        const who =
          e.actorId === null
            ? t('history.system')
            : e.actorId === user?.me?.userId
              ? t('history.you')
              : e.actorName
                ? `\u2068${e.actorName}\u2069`
                : t('history.otherUser');
        const effective = str(a.date);
        return (
          <li key={e.seq}>
            <strong>{t(title)}</strong> <span className="muted">{t('history.by', { actor: who })}</span>
            <div>
              <Details e={e} h={h} />
            </div>
            <time dateTime={e.at}>{dateTime(e.at)}</time>
            {effective && (
              <span className="muted">
                {sep}
                {t(e.entity === 'person_status' || e.entity === 'life_event' ? 'hh.history.eventDate' : 'hh.history.effective', {
                  date: day(effective),
                })}
              </span>
            )}
            {e.reason && (
              <p className="history-reason">
                {t('edit.history.reason')}: <bdi>{e.reason}</bdi>
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
