// The reconstruction dashboard as an HXL-tagged CSV (https://hxlstandard.org): a header row, the
// hashtag row under it, then one row for all the reader's governorates, one per governorate and one
// per locality, each with the same figures as the screen (withheld cells "<5", as published to the
// reader). Funds and materials are per governorate: their columns are empty on locality rows; one
// pair of fund columns per currency, one group of material columns per item. Pure: no I/O.
import { claimStates } from '../shared/claims.ts';
import { cellText } from '../shared/disclosure.ts';
import { neutraliseCell } from '../shared/spreadsheetCell.ts';
import { type Dashboard, type Figures, type Funds, fieldKeys, type Materials, remoteKeys } from './dashboard.ts';

type N = number | null;
type Row = {
  level: 'total' | 'governorate' | 'locality';
  governorate: string | null;
  locality: { ar: string | null; en: string | null } | null;
  figures: Figures<N>;
  funds: Funds[] | null;
  materials: Materials<N>[] | null;
};
type Column = { name: string; hxl: string; of: (r: Row) => string | number | null };

const tag = (s: string) => s.replace(/[^a-z0-9_]/g, '_');

function figureColumns(): Column[] {
  return [
    { name: 'buildings', hxl: '#indicator+num+buildings', of: (r) => r.figures.buildings.total },
    { name: 'buildings_damaged', hxl: '#indicator+num+buildings+damaged', of: (r) => r.figures.buildings.damaged },
    ...remoteKeys.map((k) => ({
      name: `buildings_remote_${k}`,
      hxl: `#indicator+num+buildings+remote+${k}`,
      of: (r: Row) => r.figures.buildings.remote[k],
    })),
    ...fieldKeys.map((k) => ({
      name: `buildings_field_${k}`,
      hxl: `#indicator+num+buildings+field+${k}`,
      of: (r: Row) => r.figures.buildings.field[k],
    })),
    { name: 'units', hxl: '#indicator+num+units', of: (r) => r.figures.units.total },
    { name: 'units_damaged', hxl: '#indicator+num+units+damaged', of: (r) => r.figures.units.damaged },
    ...remoteKeys.map((k) => ({
      name: `units_remote_${k}`,
      hxl: `#indicator+num+units+remote+${k}`,
      of: (r: Row) => r.figures.units.remote[k],
    })),
    ...fieldKeys.map((k) => ({
      name: `units_field_${k}`,
      hxl: `#indicator+num+units+field+${k}`,
      of: (r: Row) => r.figures.units.field[k],
    })),
    { name: 'claims', hxl: '#indicator+num+claims', of: (r) => r.figures.claims.total },
    ...claimStates.map((k) => ({ name: `claims_${k}`, hxl: `#indicator+num+claims+${k}`, of: (r: Row) => r.figures.claims.byState[k] })),
    { name: 'cases_with_plan', hxl: '#indicator+num+cases+plan', of: (r) => r.figures.grants.plans },
    { name: 'cases_paid', hxl: '#indicator+num+cases+paid', of: (r) => r.figures.grants.paidCases },
    { name: 'grants_paid', hxl: '#value+grants+paid', of: (r) => r.figures.grants.paid },
  ];
}

function fundColumns(currencies: readonly string[]): Column[] {
  return currencies.flatMap((c) => {
    const f = (r: Row) => r.funds?.find((x) => x.currency === c);
    const cur = tag(c.toLowerCase());
    const money = (v: number | undefined) => (v === undefined ? 0 : v.toFixed(2));
    return [
      { name: `projects_${cur}`, hxl: `#activity+num+${cur}`, of: (r: Row) => (r.funds === null ? '' : (f(r)?.projects ?? 0)) },
      { name: `committed_${cur}`, hxl: `#value+committed+${cur}`, of: (r: Row) => (r.funds === null ? '' : money(f(r)?.committed)) },
      { name: `disbursed_${cur}`, hxl: `#value+disbursed+${cur}`, of: (r: Row) => (r.funds === null ? '' : money(f(r)?.disbursed)) },
    ];
  });
}

function materialColumns(items: readonly string[]): Column[] {
  return items.flatMap((item) => {
    const m = (r: Row) => r.materials?.find((x) => x.item === item);
    const it = tag(item);
    const cell = (r: Row, k: 'quota' | 'sold' | 'installed' | 'leftVendors') => {
      if (r.materials === null) return '';
      const x = m(r);
      return x === undefined ? 0 : x[k];
    };
    return [
      { name: `${it}_quota`, hxl: `#indicator+num+materials+${it}+quota`, of: (r: Row) => cell(r, 'quota') },
      { name: `${it}_sold`, hxl: `#indicator+num+materials+${it}+sold`, of: (r: Row) => cell(r, 'sold') },
      { name: `${it}_installed`, hxl: `#indicator+num+materials+${it}+installed`, of: (r: Row) => cell(r, 'installed') },
      { name: `${it}_left_vendors`, hxl: `#indicator+num+materials+${it}+left_vendors`, of: (r: Row) => cell(r, 'leftVendors') },
    ];
  });
}

const csvCell = (v: string | number | null): string => {
  const s = String(neutraliseCell(cellText(v)));
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

function rowsOf(d: Dashboard<N>): Row[] {
  const rows: Row[] = [
    { level: 'total', governorate: null, locality: null, figures: d.totals, funds: d.totals.funds, materials: d.totals.materials },
  ];
  for (const g of d.governorates) {
    rows.push({ level: 'governorate', governorate: g.governorate, locality: null, figures: g, funds: g.funds, materials: g.materials });
    for (const l of g.localities)
      rows.push({
        level: 'locality',
        governorate: g.governorate,
        locality: { ar: l.nameAr, en: l.nameEn },
        figures: l,
        funds: null,
        materials: null,
      });
  }
  return rows;
}

/** The CSV text: byte order mark, header, HXL row, rows (CRLF). `nameOf` names a governorate by its P-code. */
export function dashboardCsv(d: Dashboard<N>, nameOf: (pcode: string) => { en: string; ar: string }): string {
  const currencies = d.totals.funds.map((f) => f.currency);
  const items = d.totals.materials.map((m) => m.item);
  const columns: Column[] = [
    { name: 'level', hxl: '#meta+level', of: (r) => r.level },
    { name: 'governorate', hxl: '#adm2+name', of: (r) => (r.governorate ? nameOf(r.governorate).en : '') },
    { name: 'governorate_ar', hxl: '#adm2+name+i_ar', of: (r) => (r.governorate ? nameOf(r.governorate).ar : '') },
    { name: 'governorate_pcode', hxl: '#adm2+code', of: (r) => r.governorate ?? '' },
    { name: 'locality', hxl: '#loc+name', of: (r) => (r.locality ? (r.locality.en ?? r.locality.ar ?? '') : '') },
    { name: 'locality_ar', hxl: '#loc+name+i_ar', of: (r) => (r.locality ? (r.locality.ar ?? '') : '') },
    ...figureColumns(),
    ...fundColumns(currencies),
    ...materialColumns(items),
  ];
  const lines = [columns.map((c) => c.name).join(','), columns.map((c) => c.hxl).join(',')];
  for (const r of rowsOf(d)) lines.push(columns.map((c) => csvCell(c.of(r))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
