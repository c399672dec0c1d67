// The effect of proposed claim rules before they are saved, computed without writing: every open
// case of the organisation is checked on the facts as they stand today under the current rules and
// under the proposed ones (one read of the facts per batch, the pure rule twice), then ranked per
// governorate as the ranked list ranks them (score, then the older case first). Counts: cases whose
// rank changes, whose eligibility changes, whose grant changes; and the top of the new ranking of one
// governorate beside its old rank. No names: cases and units only. Decided cases are not looked at.
import type pg from 'pg';
import type { Actor } from '../../../access/actor.ts';
import { type ClaimRules, grantFor } from '../../../reconstruction/claimRules.ts';
import { type CaseResult, evaluateCases } from './checkCases.ts';
import { currentRules } from './claimRules.ts';

export type PreviewLine = {
  id: string;
  unitNumber: string;
  floor: number;
  oldRank: number;
  newRank: number;
  oldScore: number | null;
  newScore: number | null;
  eligible: boolean;
};
export type RulesPreview = {
  basedOn: number;
  openCases: number;
  rankChanged: number;
  eligibilityChanged: number;
  grantChanged: number;
  governorate: string | null;
  top: PreviewLine[];
};

type OpenCase = { id: string; governorate: string; unit_number: string; floor: number; seq: number };

/** Rank within each governorate: highest score first, no score last, then the older case first. */
function ranks(cases: OpenCase[], score: (id: string) => number | null): Map<string, number> {
  const sorted = [...cases].sort((a, b) => {
    const sa = score(a.id);
    const sb = score(b.id);
    if (sa !== sb) return sa === null ? 1 : sb === null ? -1 : sb - sa;
    return a.seq - b.seq;
  });
  const next = new Map<string, number>();
  const out = new Map<string, number>();
  for (const c of sorted) {
    const r = (next.get(c.governorate) ?? 0) + 1;
    next.set(c.governorate, r);
    out.set(c.id, r);
  }
  return out;
}

const isEligible = (k: CaseResult | undefined) => !k?.reasons.includes('not_eligible');
const grantKey = (rules: ClaimRules, k: CaseResult | undefined) => {
  const g = k ? grantFor(rules, k.damageClass) : null;
  return g ? `${g.stream}:${g.amount}` : '';
};

export async function previewClaimRules(
  db: pg.Pool,
  actor: Actor,
  proposed: ClaimRules,
  governorate: string | null,
  opts: { top?: number; batch?: number } = {},
): Promise<RulesPreview> {
  const cur = await currentRules(db, actor.orgId);
  const open = (
    await db.query<OpenCase>(
      `SELECT k.id, k.governorate, u.unit_number, u.floor, (row_number() OVER (ORDER BY k.created_at, k.id))::int AS seq
         FROM claim_case k JOIN housing_unit u ON u.id = k.unit_id
        WHERE k.org_id = $1 AND k.state IN ('filed','verified','inspection')`,
      [actor.orgId],
    )
  ).rows;
  const before = new Map<string, CaseResult>();
  const after = new Map<string, CaseResult>();
  const batch = opts.batch ?? 20000;
  for (let i = 0; i < open.length; i += batch) {
    const [b, a] = await evaluateCases(
      db,
      open.slice(i, i + batch).map((c) => c.id),
      [cur.rules, proposed],
    );
    for (const [id, k] of b!) before.set(id, k);
    for (const [id, k] of a!) after.set(id, k);
  }
  const oldScore = (id: string) => before.get(id)?.best.score ?? null;
  const newScore = (id: string) => after.get(id)?.best.score ?? null;
  const oldRank = ranks(open, oldScore);
  const newRank = ranks(open, newScore);
  const count = (f: (c: OpenCase) => boolean) => open.filter(f).length;
  const gov = governorate && actor.governorates.includes(governorate) ? governorate : null;
  const top = open
    .filter((c) => c.governorate === gov)
    .sort((a, b) => newRank.get(a.id)! - newRank.get(b.id)!)
    .slice(0, opts.top ?? 10)
    .map((c) => ({
      id: c.id,
      unitNumber: c.unit_number,
      floor: c.floor,
      oldRank: oldRank.get(c.id)!,
      newRank: newRank.get(c.id)!,
      oldScore: oldScore(c.id),
      newScore: newScore(c.id),
      eligible: isEligible(after.get(c.id)),
    }));
  return {
    basedOn: cur.version,
    openCases: open.length,
    rankChanged: count((c) => oldRank.get(c.id) !== newRank.get(c.id)),
    eligibilityChanged: count((c) => isEligible(before.get(c.id)) !== isEligible(after.get(c.id))),
    grantChanged: count((c) => grantKey(cur.rules, before.get(c.id)) !== grantKey(proposed, after.get(c.id))),
    governorate: gov,
    top,
  };
}
