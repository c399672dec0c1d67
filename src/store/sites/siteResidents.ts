// The households living at a site on a date (their latest displacement up to that date went there),
// with their size and needs (recorded vulnerabilities plus those derived from the head). Only the
// households in the reader's organisation and governorates are listed; the others are counted.
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { deriveHeadVulnerabilities } from '../../registry/household.ts';
import { scopeSql } from '../registry/scope.ts';
import { occupancy } from './capacity.ts';
import { getSite } from './getSite.ts';

type ResidentRow = {
  id: string;
  record_id: string | null;
  governorate: string | null;
  since: string;
  size: number;
  head_sex: 'female' | 'male' | null;
  head_dob: string | null;
  kinds: string[] | null;
};

export type SiteResident = {
  id: string;
  recordId: string | null;
  governorate: string | null;
  since: string;
  size: number;
  vulnerabilities: string[];
};

export async function siteResidents(db: pg.Pool, actor: Actor, siteId: string, on: string) {
  const site = await getSite(db, actor, siteId);
  const scope = scopeSql('h', actor, 3);
  const r = await db.query<ResidentRow>(
    `WITH latest AS (
       SELECT DISTINCT ON (d.household_id) d.household_id, d.to_site, d.event_date
       FROM displacement_event d
       WHERE d.household_id IN (SELECT household_id FROM displacement_event WHERE to_site = $1) AND d.event_date <= $2
       ORDER BY d.household_id, d.event_date DESC, d.recorded_at DESC),
     current AS (
       SELECT m.household_id, m.person_id, m.relationship FROM household_member m
       WHERE m.valid_from <= $2 AND (m.valid_to IS NULL OR m.valid_to > $2))
     SELECT h.id, h.record_id, h.governorate, l.event_date AS since,
       (SELECT count(*)::int FROM current c WHERE c.household_id = h.id) AS size,
       hp.sex AS head_sex, hp.date_of_birth AS head_dob,
       (SELECT array_agg(DISTINCT v.kind ORDER BY v.kind) FROM vulnerability v
         WHERE v.household_id = h.id AND v.valid_from <= $2 AND (v.valid_to IS NULL OR v.valid_to > $2)) AS kinds
     FROM latest l
     JOIN household h ON h.id = l.household_id
     LEFT JOIN current hc ON hc.household_id = h.id AND hc.relationship = 'head'
     LEFT JOIN person hp ON hp.id = hc.person_id
     WHERE l.to_site = $1 AND ${scope.sql}
     ORDER BY l.event_date DESC, h.record_id`,
    [site.id, on, ...scope.params],
  );
  const households: SiteResident[] = r.rows.map((row) => ({
    id: row.id,
    recordId: row.record_id,
    governorate: row.governorate,
    since: row.since,
    size: row.size,
    vulnerabilities: [
      ...deriveHeadVulnerabilities(row.head_sex || row.head_dob ? { sex: row.head_sex, dateOfBirth: row.head_dob } : undefined, on),
      ...(row.kinds ?? []),
    ],
  }));
  const all = (await occupancy(db, [site.id], on)).get(site.id)?.households ?? 0;
  return { site: site.id, on, households, notShown: Math.max(0, all - households.length) };
}
