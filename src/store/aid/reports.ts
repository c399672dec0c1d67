// Reach reports for a cycle, per governorate, site and item: households and people reached (by sex
// and age group, from the cycle's registry snapshot), quantities, coverage against entitlements,
// sites over capacity. Only counts leave here, and only of the actor's governorates; for the roles
// that see only aggregates, small cells are withheld (src/aid/reportDisclosure.ts). Also the rows of
// the HXL 3W/5W export.
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import {
  COUNT_GROUPS as GROUPS,
  type Counts,
  coverage,
  type PublishedReachRow,
  type ReachRow,
  suppressReach,
} from '../../aid/reportDisclosure.ts';
import { governorates, territories } from '../../places/governorates.ts';
import { cellText, seesOnlyAggregates } from '../../shared/disclosure.ts';
import { capacityReport } from '../sites/capacity.ts';
import { appendLog } from '../write.ts';
import { getCycle, getProgramme } from './catalogue.ts';

export async function reach(db: pg.Pool, actor: Actor, cycleId: string) {
  const c = await getCycle(db, actor, cycleId);
  const prog = await getProgramme(db, actor, c.programmeId);
  const sum = (pre: string) => [
    `count(*)::int AS ${pre}households`,
    `sum(s.size)::int AS ${pre}people`,
    ...GROUPS.map((g) => `sum(s.${g})::int AS ${pre}${g}`),
  ];
  const filtered = (pre: string, cond: string) => [
    `count(*) FILTER (WHERE ${cond})::int AS ${pre}households`,
    `coalesce(sum(s.size) FILTER (WHERE ${cond}), 0)::int AS ${pre}people`,
    ...GROUPS.map((g) => `coalesce(sum(s.${g}) FILTER (WHERE ${cond}), 0)::int AS ${pre}${g}`),
  ];
  const r = await db.query<Record<string, unknown>>(
    `SELECT s.governorate, s.site_id, i.code AS item, i.unit, grouping(s.site_id) AS by_gov,
       ${sum('t_').join(', ')}, ${filtered('r_', 'red.q IS NOT NULL').join(', ')},
       sum(e.quantity) AS entitled_q, coalesce(sum(red.q), 0) AS distributed_q
     FROM entitlement e
     JOIN cycle_household s ON s.cycle_id = e.cycle_id AND s.household_id = e.household_id
     JOIN aid_item i ON i.id = e.item_id
     LEFT JOIN (SELECT entitlement_id, sum(quantity) FILTER (WHERE status = 'standing') AS q FROM redemption WHERE cycle_id = $1 GROUP BY entitlement_id) red ON red.entitlement_id = e.id
     WHERE e.cycle_id = $1 AND s.governorate = ANY($2::text[])
     GROUP BY GROUPING SETS ((s.governorate, i.code, i.unit), (s.governorate, s.site_id, i.code, i.unit))
     ORDER BY s.governorate, by_gov DESC, s.site_id NULLS FIRST, i.code`,
    [cycleId, actor.governorates],
  );
  const counts = (row: Record<string, unknown>, pre: string): Counts => {
    const o = { households: Number(row[`${pre}households`]), people: Number(row[`${pre}people`]) } as Counts;
    for (const g of GROUPS) o[g] = Number(row[`${pre}${g}`]);
    return o;
  };
  const rows: ReachRow[] = r.rows.map((x) => {
    const targeted = counts(x, 't_');
    const reached = counts(x, 'r_');
    return {
      governorate: (x.governorate as string | null) ?? null,
      siteId: Number(x.by_gov) ? null : ((x.site_id as string | null) ?? null),
      level: Number(x.by_gov) ? ('governorate' as const) : ('site' as const),
      item: x.item as string,
      unit: x.unit as string,
      targeted,
      reached,
      entitledQuantity: Number(x.entitled_q),
      distributedQuantity: Number(x.distributed_q),
      coverage: coverage(reached.households, targeted.households),
    };
  });
  const cap = await capacityReport(db, actor, { on: c.cutoffDate });
  const aggregateOnly = seesOnlyAggregates(actor.role);
  return {
    cycle: { id: c.id, number: c.number, cutoffDate: c.cutoffDate, programme: { id: prog.id, name: prog.name, sector: prog.sector } },
    rows: aggregateOnly ? suppressReach(rows) : (rows as PublishedReachRow[]),
    // withheld for aggregate-only roles by the capacity report itself (src/sites/capacityDisclosure.ts)
    sitesOverCapacity: cap.sites
      .filter((s) => s.flags.includes('over_capacity'))
      .map((s) => ({
        siteId: s.site.id,
        name: s.site.name,
        governorate: s.site.governorate,
        people: s.people,
        capacity: s.capacity,
        overBy: s.overBy,
      })),
  };
}

/** HXL-tagged 3W/5W columns: header, hashtag, value from a governorate-level reach row. */
export const hxlColumns: { name: string; tag: string; value: (r: HxlRow) => string | number | null }[] = [
  { name: 'Organisation', tag: '#org+name', value: (r) => r.org },
  { name: 'Sector', tag: '#sector', value: (r) => r.sector },
  { name: 'Programme', tag: '#activity+name', value: (r) => r.programme },
  { name: 'Cycle', tag: '#activity+code', value: (r) => r.cycle },
  { name: 'Territory', tag: '#adm1+name', value: (r) => r.adm1Name },
  { name: 'Territory P-code', tag: '#adm1+code', value: (r) => r.adm1Code },
  { name: 'Governorate', tag: '#adm2+name', value: (r) => r.adm2Name },
  { name: 'Governorate (Arabic)', tag: '#adm2+name+i_ar', value: (r) => r.adm2NameAr },
  { name: 'Governorate P-code', tag: '#adm2+code', value: (r) => r.adm2Code },
  { name: 'Item', tag: '#item+name', value: (r) => r.item },
  { name: 'Unit', tag: '', value: (r) => r.unit },
  { name: 'Households targeted', tag: '#targeted+hh', value: (r) => r.targeted.households },
  { name: 'Households reached', tag: '#reached+hh', value: (r) => r.reached.households },
  { name: 'People targeted', tag: '#targeted', value: (r) => r.targeted.people },
  { name: 'Women and girls targeted', tag: '#targeted+f', value: (r) => r.targeted.female },
  { name: 'Men and boys targeted', tag: '#targeted+m', value: (r) => r.targeted.male },
  { name: 'People reached', tag: '#reached', value: (r) => r.reached.people },
  { name: 'Women and girls reached', tag: '#reached+f', value: (r) => r.reached.female },
  { name: 'Men and boys reached', tag: '#reached+m', value: (r) => r.reached.male },
  { name: 'Girls reached (0-17)', tag: '#reached+f+children', value: (r) => r.reached.f_0_17 },
  { name: 'Boys reached (0-17)', tag: '#reached+m+children', value: (r) => r.reached.m_0_17 },
  { name: 'Women reached (18-59)', tag: '#reached+f+adults', value: (r) => r.reached.f_18_59 },
  { name: 'Men reached (18-59)', tag: '#reached+m+adults', value: (r) => r.reached.m_18_59 },
  { name: 'Women reached (60+)', tag: '#reached+f+elderly', value: (r) => r.reached.f_60_plus },
  { name: 'Men reached (60+)', tag: '#reached+m+elderly', value: (r) => r.reached.m_60_plus },
  { name: 'Quantity entitled', tag: '#targeted+num', value: (r) => r.entitledQuantity },
  { name: 'Quantity distributed', tag: '#output+num', value: (r) => r.distributedQuantity },
];
type HxlRow = Pick<PublishedReachRow, 'targeted' | 'reached' | 'entitledQuantity' | 'distributedQuantity' | 'item' | 'unit'> & {
  org: string;
  sector: string;
  programme: string;
  cycle: string;
  adm1Name: string;
  adm1Code: string;
  adm2Name: string;
  adm2NameAr: string;
  adm2Code: string;
};

/**
 * The 3W/5W rows (header, HXL hashtags, one row per governorate and item of the actor's governorates;
 * "<5" in a withheld cell); the export is logged.
 */
export async function threeW(db: pg.Pool, actor: Actor, cycleId: string): Promise<(string | number)[][]> {
  const rep = await reach(db, actor, cycleId);
  const org = (await db.query<{ name: string }>('SELECT name FROM organisation WHERE id = $1', [actor.orgId])).rows[0]?.name ?? '';
  const out: (string | number)[][] = [hxlColumns.map((c) => c.name), hxlColumns.map((c) => c.tag)];
  for (const r of rep.rows) {
    if (r.level !== 'governorate' || !r.governorate) continue;
    const g = governorates.find((x) => x.pcode === r.governorate)!;
    const t = territories.find((x) => x.pcode === g.territory)!;
    const row: HxlRow = {
      ...r,
      org,
      sector: rep.cycle.programme.sector,
      programme: rep.cycle.programme.name,
      cycle: String(rep.cycle.number),
      adm1Name: t.nameEn,
      adm1Code: t.pcode,
      adm2Name: g.nameEn,
      adm2NameAr: g.nameAr,
      adm2Code: g.pcode,
    };
    out.push(hxlColumns.map((c) => cellText(c.value(row))));
  }
  await appendLog(db, actor, { entity: 'export', entityId: cycleId, action: 'export_3w', after: { rows: out.length - 2 } });
  return out;
}
