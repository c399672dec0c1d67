// The IATI ruleset checks (rulesets/standard.json of IATI-Rulesets 2.03, as the README of
// ../shared/data/standards/iati-2.03 lists them) on an iati-activities document, streamed: each
// activity is read into a small tree, checked and dropped, so a file of any size is checked in
// constant memory. Pure: the caller feeds text chunks. XSD validity is xmllint's job, not this one.
import { SaxesParser } from 'saxes';

type El = { name: string; attrs: Record<string, string>; children: El[]; text: string };
export type RuleViolation = { activity: string; rule: string };

const kids = (e: El, name: string) => e.children.filter((c) => c.name === name);
const kid = (e: El, name: string) => e.children.find((c) => c.name === name);
const dateOf = (e: El, type: string) => kids(e, 'activity-date').find((d) => d.attrs.type === type)?.attrs['iso-date'];
const FORBIDDEN = /[\s/&|?]/;

/** Spent a year or less: the ruleset's time_limit on budget periods. */
function withinYear(start: string, end: string): boolean {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return end <= d.toISOString().slice(0, 10);
}

function checkOrgs(a: El, out: string[]): void {
  const orgs = [
    ...kids(a, 'reporting-org'),
    ...kids(a, 'participating-org'),
    ...kids(a, 'transaction').flatMap((t) => [...kids(t, 'provider-org'), ...kids(t, 'receiver-org')]),
  ];
  for (const o of orgs) {
    if (o.attrs.ref === undefined && kids(o, 'narrative').length === 0) out.push(`${o.name}: a ref or a narrative`);
    if (o.attrs.ref !== undefined && FORBIDDEN.test(o.attrs.ref)) out.push(`${o.name}/@ref: no spaces or / & | ?`);
  }
}

function checkDates(a: El, now: string, out: string[]): void {
  const today = now.slice(0, 10);
  const [ps, as, pe, ae] = ['1', '2', '3', '4'].map((t) => dateOf(a, t));
  if (!ps && !as) out.push('activity-date: a planned or actual start');
  if (ps && pe && !(ps < pe)) out.push('activity-date: planned start before planned end');
  if (as && ae && !(as <= ae)) out.push('activity-date: actual start before actual end');
  if (as && as > today) out.push('activity-date: actual start not in the future');
  if (ae && ae > today) out.push('activity-date: actual end not in the future');
  const updated = a.attrs['last-updated-datetime'];
  // as instants: '...44Z' and '...44.123Z' do not compare as text
  if (updated && Date.parse(updated) > Date.parse(now)) out.push('last-updated-datetime: not in the future');
  for (const t of kids(a, 'transaction')) {
    const d = kid(t, 'transaction-date')?.attrs['iso-date'];
    if (d && d > today) out.push('transaction-date: not in the future');
    const v = kid(t, 'value')?.attrs['value-date'];
    if (v && v > today) out.push('transaction/value/@value-date: not in the future');
  }
  for (const b of kids(a, 'budget')) {
    const s = kid(b, 'period-start')?.attrs['iso-date'];
    const e = kid(b, 'period-end')?.attrs['iso-date'];
    if (!s || !e || !(s < e)) out.push('budget: period-start before period-end');
    else if (!withinYear(s, e)) out.push('budget: a period of a year at most');
  }
}

function checkSectors(a: El, out: string[]): void {
  const own = kids(a, 'sector');
  const txs = kids(a, 'transaction');
  const onTx = txs.filter((t) => kid(t, 'sector'));
  if (own.length === 0 && onTx.length === 0) out.push('sector: on the activity or on its transactions');
  if (own.length > 0 && onTx.length > 0) out.push('sector: on the activity or on every transaction, never both');
  if (own.length === 0 && onTx.length > 0 && onTx.length !== txs.length) out.push('sector: on every transaction');
  const byVocabulary = new Map<string, number[]>();
  for (const s of own) {
    const v = s.attrs.vocabulary ?? '1';
    byVocabulary.set(v, [...(byVocabulary.get(v) ?? []), Number(s.attrs.percentage ?? 'NaN')]);
  }
  for (const [v, ps] of byVocabulary)
    if (ps.length > 1 && Math.round(ps.reduce((x, y) => x + y, 0) * 100) !== 10_000)
      out.push(`sector: vocabulary ${v} percentages sum to 100`);
  const places = [...kids(a, 'recipient-country'), ...kids(a, 'recipient-region')];
  if (places.length > 1) {
    const sum = places.reduce((x, p) => x + Number(p.attrs.percentage ?? 'NaN'), 0);
    if (Math.round(sum * 100) !== 10_000) out.push('recipient-country/region: percentages sum to 100');
  } else if (places.length === 1 && places[0]!.attrs.percentage !== undefined && Number(places[0]!.attrs.percentage) !== 100)
    out.push('recipient-country: a single one is 100%');
}

function checkText(a: El, out: string[]): void {
  const id = kid(a, 'iati-identifier')?.text.trim() ?? '';
  const ref = kid(a, 'reporting-org')?.attrs.ref ?? '';
  if (!ref || !id.startsWith(`${ref}-`)) out.push("iati-identifier: starts with the reporting-org's ref and a dash");
  if (FORBIDDEN.test(id)) out.push('iati-identifier: no spaces or / & | ?');
  for (const e of [...kids(a, 'title'), ...kids(a, 'description')])
    if (!kids(e, 'narrative').some((n) => n.text.trim())) out.push(`${e.name}: at least one narrative`);
  // one_or_all: a default currency, or a currency on every value
  if (!a.attrs['default-currency']) {
    const values = [...kids(a, 'budget'), ...kids(a, 'transaction')].flatMap((x) => kids(x, 'value'));
    if (values.some((v) => !v.attrs.currency)) out.push('value: a default-currency or a currency on every value');
  }
}

/** The violations of one activity (its identifier, or `?`, names it). */
export function checkActivity(a: El, now: string): RuleViolation[] {
  const out: string[] = [];
  checkText(a, out);
  checkDates(a, now, out);
  checkSectors(a, out);
  checkOrgs(a, out);
  const activity = kid(a, 'iati-identifier')?.text.trim() || '?';
  return out.map((rule) => ({ activity, rule }));
}

/**
 * A streaming checker: write() text chunks of an iati-activities document, then close() for every
 * violation (and identifiers that appear twice: the ruleset's `unique`). `now` is an ISO date-time.
 */
export function iatiRuleChecker(now: string) {
  const parser = new SaxesParser({ xmlns: false });
  const violations: RuleViolation[] = [];
  const seen = new Set<string>();
  let stack: El[] = [];
  let activities = 0;
  parser.on('opentag', (t) => {
    const el: El = { name: t.name, attrs: t.attributes as Record<string, string>, children: [], text: '' };
    if (t.name === 'iati-activity') stack = [el];
    else if (stack.length) {
      stack.at(-1)!.children.push(el);
      stack.push(el);
    }
  });
  parser.on('text', (s) => {
    if (stack.length) stack.at(-1)!.text += s;
  });
  parser.on('closetag', (t) => {
    if (t.name === 'iati-activity' && stack.length) {
      const a = stack[0]!;
      activities++;
      violations.push(...checkActivity(a, now));
      const id = kid(a, 'iati-identifier')?.text.trim() ?? '';
      if (seen.has(id)) violations.push({ activity: id, rule: 'iati-identifier: unique in the file' });
      seen.add(id);
      stack = [];
    } else if (stack.length) stack.pop();
  });
  return {
    write(chunk: string): void {
      parser.write(chunk);
    },
    close(): { activities: number; violations: RuleViolation[] } {
      parser.close();
      return { activities, violations };
    },
  };
}
