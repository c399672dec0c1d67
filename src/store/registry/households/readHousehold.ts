// A household as of a date: members with their relationship, current location from the latest
// displacement, recorded vulnerabilities plus those derived from the head (female-, child-, elderly-headed).
import type pg from 'pg';
import type { Actor } from '../../../access/actor.ts';
import { deriveHeadVulnerabilities } from '../../../registry/household.ts';
import { scopeSql } from '../scope.ts';
import { getHousehold } from './findHousehold.ts';
import { membersOn } from './membership.ts';

export async function readHousehold(db: pg.Pool, actor: Actor, id: string, on: string) {
  const h = await getHousehold(db, actor, id);
  const members = await membersOn(db, h.id, on);
  // Every member is listed with their relationship; the name, sex and birth date only of those the
  // reader may read (a member registered in a governorate outside the reader's stays unnamed).
  const scope = scopeSql('p', actor, 2);
  const people = members.length
    ? (
        await db.query<{ id: string; full_name: string; sex: 'female' | 'male' | null; date_of_birth: string | null; visible: boolean }>(
          `SELECT p.id, p.full_name, p.sex, p.date_of_birth, (${scope.sql}) AS visible FROM person p WHERE p.id = ANY($1::uuid[])`,
          [members.map((m) => m.personId), ...scope.params],
        )
      ).rows
    : [];
  const all = new Map(people.map((p) => [p.id, p]));
  const byId = new Map(people.filter((p) => p.visible).map((p) => [p.id, p]));
  const displacements = (
    await db.query<{
      id: string;
      from_governorate: string | null;
      to_governorate: string | null;
      to_locality: string | null;
      to_site: string | null;
      event_date: string;
      reason: string | null;
    }>(
      'SELECT id, from_governorate, to_governorate, to_locality, to_site, event_date, reason FROM displacement_event WHERE household_id = $1 AND event_date <= $2 ORDER BY event_date, recorded_at',
      [h.id, on],
    )
  ).rows.map((d) => ({
    id: d.id,
    fromGovernorate: d.from_governorate,
    toGovernorate: d.to_governorate,
    toLocality: d.to_locality,
    toSite: d.to_site,
    date: d.event_date,
    reason: d.reason,
  }));
  const recorded = (
    await db.query<{ kind: string; person_id: string | null; valid_from: string }>(
      'SELECT kind, person_id, valid_from FROM vulnerability WHERE household_id = $1 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to > $2) ORDER BY kind',
      [h.id, on],
    )
  ).rows.map((v) => ({ kind: v.kind, personId: v.person_id, since: v.valid_from, derived: false }));
  const head = members.find((m) => m.relationship === 'head');
  // derived from the head's sex and age even when the reader may not read the head's record: a fact of the household
  const headPerson = head ? all.get(head.personId) : undefined;
  const derived = deriveHeadVulnerabilities(
    headPerson ? { sex: headPerson.sex, dateOfBirth: headPerson.date_of_birth } : undefined,
    on,
  ).map((kind) => ({ kind, personId: head?.personId ?? null, since: null, derived: true }));
  const last = displacements.at(-1);
  return {
    id: h.id,
    recordId: h.record_id,
    governorate: h.governorate,
    on,
    members: members.map((m) => ({
      ...m,
      fullName: byId.get(m.personId)?.full_name ?? null,
      sex: byId.get(m.personId)?.sex ?? null,
      dateOfBirth: byId.get(m.personId)?.date_of_birth ?? null,
    })),
    currentLocation: last
      ? { governorate: last.toGovernorate, locality: last.toLocality, site: last.toSite, since: last.date }
      : { governorate: h.governorate, locality: null, site: null, since: null },
    displacements,
    vulnerabilities: [...derived, ...recorded],
  };
}
