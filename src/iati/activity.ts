// One IATI 2.03 activity as XML text (pure). The elements follow the schema's sequence
// (iati-activities-schema.xsd: order matters); every text goes in a narrative, English first (the
// activity's xml:lang) and Arabic with xml:lang="ar". Only what a project holds is written: no
// person, household or claim (IATI is public), at most aggregates such as housing units.

export type IatiOrg = { ref: string | null; type: string; name: string };
export type IatiActivity = {
  identifier: string;
  lastUpdated: string; // ISO date-time
  reportingOrg: IatiOrg & { ref: string };
  title: { en: string; ar: string };
  description: { en: string; ar: string };
  participatingOrgs: (IatiOrg & { role: string })[];
  activityStatus: string;
  plannedStart: string;
  plannedEnd: string;
  actualStart: string | null;
  actualEnd: string | null;
  currency: string;
  housingUnits: number | null;
  locations: { governorate: string; nameEn: string; nameAr: string; point: { lat: number; lon: number } | null }[];
  sectors: { code: string; percentage: number }[];
  budgets: { type: string; status: string; periodStart: string; periodEnd: string; value: number; currency: string }[];
  transactions: {
    ref: string;
    type: string;
    date: string;
    value: number;
    currency: string;
    description: string | null;
    provider: IatiOrg | null;
    receiver: IatiOrg | null;
  }[];
};

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
/** Text safe in an XML element or a double-quoted attribute. */
export const xmlEscape = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
const attr = (name: string, v: string | number | null | undefined) =>
  v === null || v === undefined ? '' : ` ${name}="${xmlEscape(String(v))}"`;
const narrative = (text: string, lang?: string) => `<narrative${attr('xml:lang', lang)}>${xmlEscape(text)}</narrative>`;
const bilingual = (t: { en: string; ar: string }) => `${narrative(t.en)}${narrative(t.ar, 'ar')}`;
/** An amount as IATI writes it (a decimal, no grouping). */
const amount = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(2));

const OPEN = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** The start of an iati-activities document. */
export const documentHead = (generatedAt: string): string =>
  `${OPEN}<iati-activities version="2.03" generated-datetime="${xmlEscape(generatedAt)}">\n`;
export const documentTail = '</iati-activities>\n';

function org(tag: string, o: IatiOrg, extra = ''): string {
  return `<${tag}${attr('ref', o.ref)}${attr('type', o.type)}${extra}>${narrative(o.name)}</${tag}>`;
}

function dates(a: IatiActivity): string {
  const d = (type: string, day: string | null) => (day ? `<activity-date type="${type}" iso-date="${day}"/>` : '');
  return d('1', a.plannedStart) + d('2', a.actualStart) + d('3', a.plannedEnd) + d('4', a.actualEnd);
}

function locations(a: IatiActivity): string {
  return a.locations
    .map((l) => {
      const point = l.point
        ? `<point srsName="http://www.opengis.net/def/crs/EPSG/0/4326"><pos>${l.point.lat} ${l.point.lon}</pos></point><exactness code="1"/>`
        : '<exactness code="2"/>';
      // no IATI vocabulary has OCHA P-codes: the governorate's P-code is the location's ref
      return `<location ref="${xmlEscape(l.governorate)}"><location-reach code="1"/><name>${bilingual({ en: l.nameEn, ar: l.nameAr })}</name>${point}<location-class code="1"/></location>`;
    })
    .join('');
}

function budgets(a: IatiActivity): string {
  return a.budgets
    .map(
      (b) =>
        `<budget type="${xmlEscape(b.type)}" status="${xmlEscape(b.status)}"><period-start iso-date="${b.periodStart}"/><period-end iso-date="${b.periodEnd}"/><value currency="${xmlEscape(b.currency)}" value-date="${b.periodStart}">${amount(b.value)}</value></budget>`,
    )
    .join('');
}

function transactions(a: IatiActivity): string {
  return a.transactions
    .map((t) => {
      const description = t.description ? `<description>${narrative(t.description)}</description>` : '';
      const provider = t.provider ? org('provider-org', t.provider) : '';
      const receiver = t.receiver ? org('receiver-org', t.receiver) : '';
      return `<transaction ref="${xmlEscape(t.ref)}"><transaction-type code="${xmlEscape(t.type)}"/><transaction-date iso-date="${t.date}"/><value currency="${xmlEscape(t.currency)}" value-date="${t.date}">${amount(t.value)}</value>${description}${provider}${receiver}</transaction>`;
    })
    .join('');
}

/** The housing units, if given, as an output result (an aggregate). */
function result(a: IatiActivity): string {
  if (a.housingUnits === null) return '';
  const title = bilingual({ en: 'Housing units repaired or rebuilt', ar: 'وحدات سكنية رُمّمت أو أُعيد بناؤها' });
  return `<result type="1" aggregation-status="1"><title>${title}</title><indicator measure="1" ascending="1"><title>${title}</title><baseline year="${a.plannedStart.slice(0, 4)}" iso-date="${a.plannedStart}" value="0"/><period><period-start iso-date="${a.plannedStart}"/><period-end iso-date="${a.plannedEnd}"/><target value="${a.housingUnits}"/></period></indicator></result>`;
}

/** One iati-activity element (one line of the streamed document). */
export function activityXml(a: IatiActivity): string {
  return [
    `<iati-activity last-updated-datetime="${xmlEscape(a.lastUpdated)}" xml:lang="en" default-currency="${xmlEscape(a.currency)}" humanitarian="1">`,
    `<iati-identifier>${xmlEscape(a.identifier)}</iati-identifier>`,
    org('reporting-org', a.reportingOrg),
    `<title>${bilingual(a.title)}</title>`,
    `<description type="1">${bilingual(a.description)}</description>`,
    a.participatingOrgs.map((o) => org('participating-org', o, ` role="${xmlEscape(o.role)}"`)).join(''),
    `<activity-status code="${xmlEscape(a.activityStatus)}"/>`,
    dates(a),
    '<activity-scope code="6"/>', // sub-national: governorates
    '<recipient-country code="PS" percentage="100"/>',
    locations(a),
    a.sectors.map((s) => `<sector vocabulary="1" code="${xmlEscape(s.code)}" percentage="${s.percentage}"/>`).join(''),
    budgets(a),
    transactions(a),
    result(a),
    '</iati-activity>\n',
  ].join('');
}
