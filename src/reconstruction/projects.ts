// Reconstruction projects (pure): the rules a project and a transaction must meet beyond their
// form, so that every project Sanad holds is publishable as a valid IATI 2.03 activity (the
// schema and the ruleset checks of rulesets/standard.json), and the totals a project's page shows.
import { activityIdentifierProblem, hasForbiddenCharacters, isOrgRef } from '../iati/identifiers.ts';
import type { FieldError } from '../shared/problems.ts';
import type { IatiActivity } from '../iati/activity.ts';

export type Org = { ref?: string | undefined; type: string; name: string };
/** A project as given (the API's body, the seed, the benchmark): checked by projectProblems. */
export type ProjectDraft = {
  iatiIdentifier: string;
  reportingOrg: { ref: string; type: string; name: string };
  title: { en: string; ar: string };
  description: { en: string; ar: string };
  activityStatus: string;
  housingUnits?: number | undefined;
  participatingOrgs: (Org & { role: string })[];
  plannedStart: string;
  plannedEnd: string;
  actualStart?: string | undefined;
  actualEnd?: string | undefined;
  currency: string;
  sectors: { code: string; percentage: number }[];
  locations: { governorate: string; point?: { lat: number; lon: number } | undefined }[];
  budgets: { type: string; status: string; periodStart: string; periodEnd: string; value: number; currency?: string | undefined }[];
};
export type TransactionDraft = {
  type: string;
  date: string;
  value: number;
  currency?: string | undefined;
  description?: string | undefined;
  provider?: Org | undefined;
  receiver?: Org | undefined;
};

/** IATI organisation roles: 1 funding, 4 implementing. */
export const FUNDING = '1';
export const IMPLEMENTING = '4';
/** IATI transaction types Sanad totals: 2 outgoing commitment, 3 disbursement. */
export const COMMITMENT = '2';
export const DISBURSEMENT = '3';

/** The State of Palestine's extent (WGS 84): a public building's point must lie inside it. */
const EXTENT = { south: 31.2, north: 32.56, west: 34.2, east: 35.58 };

const isCalendarDay = (d: string) => {
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
};

/** One year after a day (the longest budget period the IATI ruleset accepts: time_limit). */
export function yearAfter(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
}

function checkDays(p: ProjectDraft, today: string, out: FieldError[]): void {
  const days: [string, string | undefined][] = [
    ['plannedStart', p.plannedStart],
    ['plannedEnd', p.plannedEnd],
    ['actualStart', p.actualStart],
    ['actualEnd', p.actualEnd],
  ];
  for (const [field, d] of days) if (d !== undefined && !isCalendarDay(d)) out.push({ field, reason: 'not_a_calendar_date' });
  if (out.length) return;
  if (p.plannedEnd <= p.plannedStart) out.push({ field: 'plannedEnd', reason: 'before_start' });
  if (p.actualStart && p.actualStart > today) out.push({ field: 'actualStart', reason: 'in_future' });
  if (p.actualEnd && p.actualEnd > today) out.push({ field: 'actualEnd', reason: 'in_future' });
  if (p.actualEnd && !p.actualStart) out.push({ field: 'actualStart', reason: 'required' });
  if (p.actualEnd && p.actualStart && p.actualEnd < p.actualStart) out.push({ field: 'actualEnd', reason: 'before_start' });
}

function checkOrgs(p: ProjectDraft, out: FieldError[]): void {
  if (!isOrgRef(p.reportingOrg.ref)) out.push({ field: 'reportingOrg.ref', reason: 'org_ref_form' });
  else {
    const why = activityIdentifierProblem(p.iatiIdentifier, p.reportingOrg.ref);
    if (why) out.push({ field: 'iatiIdentifier', reason: why });
  }
  p.participatingOrgs.forEach((o, i) => {
    if (o.ref !== undefined && !isOrgRef(o.ref)) out.push({ field: `participatingOrgs.${i}.ref`, reason: 'org_ref_form' });
  });
  const roles = new Set(p.participatingOrgs.map((o) => o.role));
  if (!roles.has(FUNDING) || !roles.has(IMPLEMENTING)) out.push({ field: 'participatingOrgs', reason: 'role_required' });
}

function checkPlaces(p: ProjectDraft, out: FieldError[]): void {
  const sum = p.sectors.reduce((s, x) => s + Math.round(x.percentage * 100), 0);
  if (sum !== 10_000) out.push({ field: 'sectors', reason: 'percentages_sum' });
  if (new Set(p.sectors.map((s) => s.code)).size !== p.sectors.length) out.push({ field: 'sectors', reason: 'repeated' });
  if (new Set(p.locations.map((l) => l.governorate)).size !== p.locations.length) out.push({ field: 'locations', reason: 'repeated' });
  p.locations.forEach((l, i) => {
    const pt = l.point;
    if (pt && (pt.lat < EXTENT.south || pt.lat > EXTENT.north || pt.lon < EXTENT.west || pt.lon > EXTENT.east))
      out.push({ field: `locations.${i}.point`, reason: 'outside_palestine' });
  });
}

function checkBudgets(p: ProjectDraft, out: FieldError[]): void {
  p.budgets.forEach((b, i) => {
    if (!isCalendarDay(b.periodStart)) out.push({ field: `budgets.${i}.periodStart`, reason: 'not_a_calendar_date' });
    else if (!isCalendarDay(b.periodEnd)) out.push({ field: `budgets.${i}.periodEnd`, reason: 'not_a_calendar_date' });
    else if (b.periodEnd <= b.periodStart) out.push({ field: `budgets.${i}.periodEnd`, reason: 'before_start' });
    else if (b.periodEnd > yearAfter(b.periodStart)) out.push({ field: `budgets.${i}.periodEnd`, reason: 'period_over_year' });
  });
}

/** Every refused field of a project (empty: publishable). `today` is the day actual dates may not pass. */
export function projectProblems(p: ProjectDraft, today: string): FieldError[] {
  const out: FieldError[] = [];
  checkDays(p, today, out);
  checkOrgs(p, out);
  checkPlaces(p, out);
  checkBudgets(p, out);
  return out;
}

/** Every refused field of a transaction: a real day, not in the future (IATI: transaction dates are not in the future). */
export function transactionProblems(t: TransactionDraft, today: string): FieldError[] {
  const out: FieldError[] = [];
  if (!isCalendarDay(t.date)) out.push({ field: 'date', reason: 'not_a_calendar_date' });
  else if (t.date > today) out.push({ field: 'date', reason: 'in_future' });
  for (const side of ['provider', 'receiver'] as const) {
    const ref = t[side]?.ref;
    if (ref !== undefined && (hasForbiddenCharacters(ref) || !isOrgRef(ref))) out.push({ field: `${side}.ref`, reason: 'org_ref_form' });
  }
  return out;
}

export type Totals = { currency: string; budget: number; committed: number; disbursed: number };

/** Budget, committed and disbursed per currency (the project's currency first), in cents to stay exact. */
export function projectTotals(
  currency: string,
  budgets: { value: number; currency: string }[],
  transactions: { type: string; value: number; currency: string }[],
): Totals[] {
  const cents = new Map<string, { budget: number; committed: number; disbursed: number }>([
    [currency, { budget: 0, committed: 0, disbursed: 0 }],
  ]);
  const at = (c: string) => {
    let t = cents.get(c);
    if (!t) cents.set(c, (t = { budget: 0, committed: 0, disbursed: 0 }));
    return t;
  };
  for (const b of budgets) at(b.currency).budget += Math.round(b.value * 100);
  for (const t of transactions) {
    if (t.type === COMMITMENT) at(t.currency).committed += Math.round(t.value * 100);
    if (t.type === DISBURSEMENT) at(t.currency).disbursed += Math.round(t.value * 100);
  }
  return [...cents].map(([c, t]) => ({ currency: c, budget: t.budget / 100, committed: t.committed / 100, disbursed: t.disbursed / 100 }));
}

/** A project as Sanad holds it (the store's rows parsed). */
export type Project = {
  id: string;
  orgId: string;
  iatiIdentifier: string;
  reportingOrg: { ref: string; type: string; name: string };
  title: { en: string; ar: string };
  description: { en: string; ar: string };
  participatingOrgs: { role: string; ref: string | null; type: string; name: string }[];
  activityStatus: string;
  plannedStart: string;
  plannedEnd: string;
  actualStart: string | null;
  actualEnd: string | null;
  currency: string;
  sectors: { code: string; percentage: number }[];
  locations: { governorate: string; point: { lat: number; lon: number } | null }[];
  budgets: { type: string; status: string; periodStart: string; periodEnd: string; value: number; currency: string }[];
  housingUnits: number | null;
  transactions: ProjectTransaction[];
  updatedAt: string;
  version: number;
};
export type ProjectTransaction = {
  id: string;
  type: string;
  date: string;
  value: number;
  currency: string;
  description: string | null;
  provider: { ref: string | null; type: string; name: string } | null;
  receiver: { ref: string | null; type: string; name: string } | null;
  createdAt: string;
};

/** A project as an IATI activity: governorates named in both languages, transactions by their id; nothing about persons. */
export function toIatiActivity(p: Project, governorateNames: (pcode: string) => { en: string; ar: string }): IatiActivity {
  return {
    identifier: p.iatiIdentifier,
    lastUpdated: `${p.updatedAt.slice(0, 19)}Z`,
    reportingOrg: p.reportingOrg,
    title: p.title,
    description: p.description,
    participatingOrgs: p.participatingOrgs,
    activityStatus: p.activityStatus,
    plannedStart: p.plannedStart,
    plannedEnd: p.plannedEnd,
    actualStart: p.actualStart,
    actualEnd: p.actualEnd,
    currency: p.currency,
    housingUnits: p.housingUnits,
    locations: p.locations.map((l) => {
      const n = governorateNames(l.governorate);
      return { governorate: l.governorate, nameEn: n.en, nameAr: n.ar, point: l.point };
    }),
    sectors: p.sectors,
    budgets: p.budgets,
    transactions: p.transactions.map((t) => ({
      ref: t.id,
      type: t.type,
      date: t.date,
      value: t.value,
      currency: t.currency,
      description: t.description,
      provider: t.provider,
      receiver: t.receiver,
    })),
  };
}

/** The funds table's columns with their HXL hashtags (https://hxlstandard.org): governorates are admin level 2. */
export const fundsColumns = [
  { name: 'governorate', hxl: '#adm2+name' },
  { name: 'governorate_ar', hxl: '#adm2+name+i_ar' },
  { name: 'governorate_pcode', hxl: '#adm2+code' },
  { name: 'currency', hxl: '#currency' },
  { name: 'projects', hxl: '#activity+num' },
  { name: 'committed', hxl: '#value+committed' },
  { name: 'disbursed', hxl: '#value+disbursed' },
] as const;

const csvCell = (v: string | number) => {
  const s = String(v);
  // a formula-looking text starts with an apostrophe (as in every file Sanad writes)
  const safe = /^[=+\-@\t\r]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/** Funds committed and disbursed per governorate as CSV (byte order mark, header, HXL row). */
export function fundsCsv(
  rows: { governorate: string; currency: string; projects: number; committed: number; disbursed: number }[],
  nameOf: (pcode: string) => { en: string; ar: string },
): string {
  const lines = [fundsColumns.map((c) => c.name), fundsColumns.map((c) => c.hxl)].map((l) => l.join(','));
  for (const r of rows) {
    const n = nameOf(r.governorate);
    lines.push([n.en, n.ar, r.governorate, r.currency, r.projects, r.committed.toFixed(2), r.disbursed.toFixed(2)].map(csvCell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
