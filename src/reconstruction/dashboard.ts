// The reconstruction dashboard (#16) as published: per governorate and locality, buildings and
// housing units by their latest remote class and latest field class, claims by state, approved cases
// with a plan and the grants paid to them in tranches; per governorate the projects' funds (public,
// as in the IATI file) and the materials reconciliation. For the roles that see only aggregates
// (src/shared/disclosure.ts) counts of households' homes, claims and cases of 1 to 4 are withheld,
// with secondary suppression along the sums a reader could subtract (localities -> governorate ->
// totals; units = sum of remote classes = sum of field classes; claims = sum of states), and the
// amounts that would give a household's grant or quota away withheld with their count of cases.
// Buildings are structures, published as the buildings summary and imagery analyses publish them.
// Pure: no I/O.
import { tableBuilder } from '../shared/disclosure.ts';
import { claimStates, fieldClasses } from '../shared/claims.ts';
import { damageClasses } from '../shared/reconstruction.ts';

export const remoteKeys = [...damageClasses, 'not_assessed'] as const;
export const fieldKeys = [...fieldClasses, 'not_assessed'] as const;
export type RemoteKey = (typeof remoteKeys)[number];
export type FieldKey = (typeof fieldKeys)[number];
export type ClaimStateKey = (typeof claimStates)[number];

/** The figures of one area (a locality, a governorate, or everything), as counted or as published (null: withheld). */
export type Figures<N> = {
  /** damaged: by the latest remote class, destroyed to possibly damaged */
  buildings: { total: number; damaged: number; remote: Record<RemoteKey, number>; field: Record<FieldKey, number> };
  units: { total: N; damaged: N; remote: Record<RemoteKey, N>; field: Record<FieldKey, N> };
  claims: { total: N; byState: Record<ClaimStateKey, N> };
  /** approved cases with a plan, the cases paid at least one tranche, and the amount paid */
  grants: { plans: N; paidCases: N; paid: N };
};
export type Funds = { currency: string; projects: number; committed: number; disbursed: number };
export type Materials<N> = { item: string; quota: N; sold: N; installed: N; leftVendors: number };
export type LocalityFigures<N> = Figures<N> & { localityId: string | null; nameAr: string | null; nameEn: string | null };
export type GovernorateFigures<N> = Figures<N> & {
  governorate: string;
  localities: LocalityFigures<N>[];
  funds: Funds[];
  materials: Materials<N>[];
};
export type Dashboard<N> = {
  aggregateOnly: boolean;
  governorates: GovernorateFigures<N>[];
  totals: Figures<N> & { funds: Funds[]; materials: Materials<N>[] };
};

/** One counted fact of the store's read: an area, what is counted, its key (a class, a state) and the value. */
export type Fact = { governorate: string; localityId: string | null; measure: Measure; key: string; n: number };
export const measures = [
  'buildings_remote',
  'buildings_field',
  'units_remote',
  'units_field',
  'claims',
  'plans',
  'paid_cases',
  'paid',
] as const;
export type Measure = (typeof measures)[number];
export type LocalityName = { id: string; nameAr: string; nameEn: string | null };
export type MaterialsRow = { governorate: string; item: string; quota: number; sold: number; installed: number; leftVendors: number };
export type FundsRow = Funds & { governorate: string };

type TableBuilder = ReturnType<typeof tableBuilder>;

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export function emptyFigures(): Figures<number> {
  return {
    buildings: { total: 0, damaged: 0, remote: zeros(remoteKeys), field: zeros(fieldKeys) },
    units: { total: 0, damaged: 0, remote: zeros(remoteKeys), field: zeros(fieldKeys) },
    claims: { total: 0, byState: zeros(claimStates) },
    grants: { plans: 0, paidCases: 0, paid: 0 },
  };
}

/** The remote classes that count as damaged (UNOSAT's four; not "no visible damage", not "not assessed"). */
export const damagedClasses = ['destroyed', 'severely_damaged', 'moderately_damaged', 'possibly_damaged'] as const;
const isDamaged = (k: string) => (damagedClasses as readonly string[]).includes(k);

function add(f: Figures<number>, x: Fact): void {
  const { key, n } = x;
  if (x.measure === 'buildings_remote' && key in f.buildings.remote) {
    f.buildings.remote[key as RemoteKey] += n;
    f.buildings.total += n;
    if (isDamaged(key)) f.buildings.damaged += n;
  } else if (x.measure === 'buildings_field' && key in f.buildings.field) f.buildings.field[key as FieldKey] += n;
  else if (x.measure === 'units_remote' && key in f.units.remote) {
    f.units.remote[key as RemoteKey] += n;
    f.units.total += n;
    if (isDamaged(key)) f.units.damaged += n;
  } else if (x.measure === 'units_field' && key in f.units.field) f.units.field[key as FieldKey] += n;
  else if (x.measure === 'claims' && key in f.claims.byState) {
    f.claims.byState[key as ClaimStateKey] += n;
    f.claims.total += n;
  } else if (x.measure === 'plans') f.grants.plans += n;
  else if (x.measure === 'paid_cases') f.grants.paidCases += n;
  else if (x.measure === 'paid') f.grants.paid = Math.round((f.grants.paid + n) * 100) / 100;
}

/** Funds of several governorates summed per currency (a project in several counts its shares once each). */
function sumFunds(rows: readonly Funds[]): Funds[] {
  const by = new Map<string, Funds>();
  for (const r of rows) {
    const s = by.get(r.currency) ?? { currency: r.currency, projects: 0, committed: 0, disbursed: 0 };
    s.committed = Math.round((s.committed + r.committed) * 100) / 100;
    s.disbursed = Math.round((s.disbursed + r.disbursed) * 100) / 100;
    by.set(r.currency, s);
  }
  return [...by.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

function sumMaterials(rows: readonly MaterialsRow[]): Materials<number>[] {
  const by = new Map<string, Materials<number>>();
  for (const r of rows) {
    const s = by.get(r.item) ?? { item: r.item, quota: 0, sold: 0, installed: 0, leftVendors: 0 };
    s.quota += r.quota;
    s.sold += r.sold;
    s.installed += r.installed;
    s.leftVendors += r.leftVendors;
    by.set(r.item, s);
  }
  return [...by.values()].sort((a, b) => a.item.localeCompare(b.item));
}

/**
 * The exact dashboard from the store's facts: every governorate asked for (zeros where nothing is
 * recorded), its localities that have a figure, the totals. `projects` is the number of distinct
 * projects per currency over all the governorates (a project in two governorates is one project).
 */
export function assembleDashboard(input: {
  governorates: readonly string[];
  facts: readonly Fact[];
  localities: readonly LocalityName[];
  funds: readonly FundsRow[];
  projects: ReadonlyMap<string, number>;
  materials: readonly MaterialsRow[];
}): Dashboard<number> {
  const names = new Map(input.localities.map((l) => [l.id, l]));
  const govs = new Map<string, GovernorateFigures<number>>();
  for (const g of input.governorates)
    govs.set(g, {
      governorate: g,
      ...emptyFigures(),
      localities: [],
      funds: input.funds.filter((f) => f.governorate === g).map(({ governorate: _, ...f }) => f),
      materials: input.materials.filter((m) => m.governorate === g).map(({ governorate: _, ...m }) => m),
    });
  const totals = emptyFigures();
  const locs = new Map<string, LocalityFigures<number>>();
  for (const x of input.facts) {
    const g = govs.get(x.governorate);
    if (!g) continue;
    const lkey = `${x.governorate} ${x.localityId ?? ''}`;
    let l = locs.get(lkey);
    if (!l) {
      const n = x.localityId === null ? undefined : names.get(x.localityId);
      l = { localityId: x.localityId, nameAr: n?.nameAr ?? null, nameEn: n?.nameEn ?? null, ...emptyFigures() };
      locs.set(lkey, l);
      g.localities.push(l);
    }
    add(l, x);
    add(g, x);
    add(totals, x);
  }
  for (const g of govs.values())
    g.localities.sort((a, b) =>
      a.localityId === null ? 1 : b.localityId === null ? -1 : (a.nameEn ?? a.nameAr ?? '').localeCompare(b.nameEn ?? b.nameAr ?? ''),
    );
  const funds = sumFunds(input.funds).map((f) => ({ ...f, projects: input.projects.get(f.currency) ?? 0 }));
  return {
    aggregateOnly: false,
    governorates: [...govs.values()],
    totals: { ...totals, funds, materials: sumMaterials(input.materials) },
  };
}

type Cells = {
  units: { total: number; damaged: number; remote: Record<RemoteKey, number>; field: Record<FieldKey, number> };
  claims: { total: number; byState: Record<ClaimStateKey, number> };
  grants: { plans: number; paidCases: number; paid: number };
};

/** The cells of one area's counts, related inside the area (units by either class, claims by state; paid with its cases). */
function areaCells(b: TableBuilder, f: Figures<number>): Cells {
  const remote = Object.fromEntries(remoteKeys.map((k) => [k, b.count(f.units.remote[k])])) as Record<RemoteKey, number>;
  const field = Object.fromEntries(fieldKeys.map((k) => [k, b.count(f.units.field[k])])) as Record<FieldKey, number>;
  const units = { total: b.count(f.units.total), damaged: b.count(f.units.damaged), remote, field };
  b.relate(units.total, Object.values(remote));
  b.relate(
    units.damaged,
    damagedClasses.map((k) => remote[k]),
  );
  b.relate(units.total, Object.values(field));
  const byState = Object.fromEntries(claimStates.map((k) => [k, b.count(f.claims.byState[k])])) as Record<ClaimStateKey, number>;
  const claims = { total: b.count(f.claims.total), byState };
  b.relate(claims.total, Object.values(byState));
  const grants = { plans: b.count(f.grants.plans), paidCases: b.count(f.grants.paidCases), paid: b.amount(f.grants.paid) };
  b.link([grants.paidCases, grants.paid]);
  return { units, claims, grants };
}

/** The flat list of a Cells' indices, in a fixed order (to relate an area to its parts cell by cell). */
function flat(c: Cells): number[] {
  return [
    c.units.total,
    c.units.damaged,
    ...Object.values(c.units.remote),
    ...Object.values(c.units.field),
    c.claims.total,
    ...Object.values(c.claims.byState),
    c.grants.plans,
    c.grants.paidCases,
    c.grants.paid,
  ];
}

function relateParts(b: TableBuilder, whole: Cells, parts: readonly Cells[]): void {
  if (parts.length === 0) return;
  const w = flat(whole);
  const ps = parts.map(flat);
  for (const [i, cell] of w.entries())
    b.relate(
      cell,
      ps.map((p) => p[i]!),
    );
}

type Out = (number | null)[];
const pickRecord = <K extends string>(r: Record<K, number>, out: Out) =>
  Object.fromEntries(Object.entries(r).map(([k, i]) => [k, out[i as number]!])) as Record<K, number | null>;

function publishFigures<T extends Figures<number>>(
  f: T,
  c: Cells,
  out: Out,
): Omit<T, 'units' | 'claims' | 'grants'> & Figures<number | null> {
  return {
    ...f,
    units: {
      total: out[c.units.total]!,
      damaged: out[c.units.damaged]!,
      remote: pickRecord(c.units.remote, out),
      field: pickRecord(c.units.field, out),
    },
    claims: { total: out[c.claims.total]!, byState: pickRecord(c.claims.byState, out) },
    grants: { plans: out[c.grants.plans]!, paidCases: out[c.grants.paidCases]!, paid: out[c.grants.paid]! },
  };
}

type MaterialCells = { item: string; quota: number; sold: number; installed: number };

/** A governorate's materials: quantities withheld with its count of cases with a plan (a quota is a household's). */
function materialCells(b: TableBuilder, rows: readonly Materials<number>[], plans: number): MaterialCells[] {
  const cells = rows.map((m) => ({ item: m.item, quota: b.amount(m.quota), sold: b.amount(m.sold), installed: b.amount(m.installed) }));
  for (const c of cells) b.link([plans, c.quota, c.sold, c.installed]);
  return cells;
}

function publishMaterials(rows: readonly Materials<number>[], cells: readonly MaterialCells[], out: Out): Materials<number | null>[] {
  return rows.map((m, i) => ({ ...m, quota: out[cells[i]!.quota]!, sold: out[cells[i]!.sold]!, installed: out[cells[i]!.installed]! }));
}

/** The dashboard as a role may see it: exact, or with small cells withheld for aggregate-only roles. */
export function publishDashboard(d: Dashboard<number>, aggregateOnly: boolean): Dashboard<number | null> {
  if (!aggregateOnly) return d;
  const b = tableBuilder();
  const govCells = d.governorates.map((g) => {
    const own = areaCells(b, g);
    const locs = g.localities.map((l) => areaCells(b, l));
    relateParts(b, own, locs);
    return { own, locs, materials: materialCells(b, g.materials, own.grants.plans) };
  });
  const total = areaCells(b, d.totals);
  relateParts(
    b,
    total,
    govCells.map((g) => g.own),
  );
  const totalMaterials = d.totals.materials.map((m) => {
    const parts = govCells.flatMap((g, gi) => g.materials.filter((c) => c.item === m.item).map((c) => ({ c, gi })));
    const cells = materialCells(b, [m], total.grants.plans)[0]!;
    for (const k of ['quota', 'sold', 'installed'] as const)
      b.relate(
        cells[k],
        parts.map((p) => p.c[k]),
      );
    return cells;
  });
  const out = b.publish();
  return {
    aggregateOnly: true,
    governorates: d.governorates.map((g, gi) => {
      const c = govCells[gi]!;
      return {
        ...publishFigures(g, c.own, out),
        localities: g.localities.map((l, li) => publishFigures(l, c.locs[li]!, out)),
        materials: publishMaterials(g.materials, c.materials, out),
      };
    }),
    totals: { ...publishFigures(d.totals, total, out), materials: publishMaterials(d.totals.materials, totalMaterials, out) },
  };
}
