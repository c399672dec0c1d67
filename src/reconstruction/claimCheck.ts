// The check of one claim, pure: the facts the store gathered set-based (registry, occupancy on the
// damage date, the latest remote class at the building, the field class, other claims on the unit,
// whether the claimant is recorded as deceased) become the evidence shown side by side, each item
// with its result and source, and the reasons the claim goes to inspection. Nothing here refuses a
// claim: a mismatch is a reason to inspect. Eligibility and priority come from the rules (data).
import type { ClaimBasis, EvidenceEntry, FieldClass, InspectionReason, ScoreLine } from '../shared/claims.ts';
import type { DamageClass } from '../shared/reconstruction.ts';
import { type ClaimRules, eligible, priorityScore } from './claimRules.ts';

export type ClaimFacts = {
  basis: ClaimBasis;
  claimedClass: FieldClass;
  inRegistry: boolean;
  occupied: boolean;
  remoteClass: DamageClass | null;
  fieldClass: FieldClass | null;
  otherClaims: number;
  claimantDeceased: boolean;
  femaleHeaded: boolean;
  disability: boolean;
  children: number;
  stillDisplaced: boolean;
  size: number;
};

export type ClaimCheck = {
  evidence: EvidenceEntry[];
  reasons: InspectionReason[];
  /** The class the claim is settled on: the field class once assessed, else the class claimed. */
  damageClass: FieldClass;
  score: number;
  explanation: ScoreLine[];
};

/** Remote classes against the class claimed: which claims imagery contradicts or cannot support. */
function remoteReasons(claimed: FieldClass, remote: DamageClass | null): InspectionReason[] {
  if (remote === null) return ['no_remote_assessment'];
  if (remote === 'possibly_damaged') return ['possibly_damaged'];
  if (remote === 'no_visible_damage' && (claimed === 'destroyed' || claimed === 'severe')) return ['destroyed_but_no_visible_damage'];
  return [];
}

export function checkClaim(f: ClaimFacts, rules: ClaimRules): ClaimCheck {
  const reasons: InspectionReason[] = [];
  if (!f.inRegistry) reasons.push('not_in_registry');
  if (!f.occupied) reasons.push('no_occupancy_record');
  const remote = remoteReasons(f.claimedClass, f.remoteClass);
  reasons.push(...remote);
  if (f.fieldClass !== null && f.fieldClass !== f.claimedClass) reasons.push('field_class_differs');
  if (f.claimantDeceased) reasons.push('claimant_deceased');
  const damageClass = f.fieldClass ?? f.claimedClass;
  if (!eligible(rules.eligibility, { basis: f.basis, damageClass, occupied: f.occupied })) reasons.push('not_eligible');
  const { score, lines } = priorityScore(rules.priority, { ...f, damageClass });
  const evidence: EvidenceEntry[] = [
    { item: 'registry', result: f.inRegistry ? 'match' : 'mismatch', source: 'registry', value: null },
    { item: 'occupancy', result: f.occupied ? 'match' : 'mismatch', source: 'occupancy', value: null },
    {
      item: 'remote_class',
      result: f.remoteClass === null ? 'unknown' : remote.length ? 'mismatch' : 'match',
      source: 'remote_assessment',
      value: f.remoteClass,
    },
    {
      item: 'field_class',
      result: f.fieldClass === null ? 'unknown' : f.fieldClass === f.claimedClass ? 'match' : 'mismatch',
      source: 'field_assessment',
      value: f.fieldClass,
    },
    // other households claiming the same unit are not a mismatch: they join the case
    { item: 'other_claims', result: 'match', source: 'claims', value: f.otherClaims },
    { item: 'claimant_alive', result: f.claimantDeceased ? 'mismatch' : 'match', source: 'life_events', value: null },
  ];
  return { evidence, reasons, damageClass, score, explanation: lines };
}
