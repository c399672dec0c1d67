// Claims and joint cases as the domain sees them. Pure types.
import type {
  CaseState,
  ClaimBasis,
  ClaimState,
  DocumentKind,
  DocumentMediaType,
  EvidenceEntry,
  FieldClass,
  GrantStream,
  InspectionReason,
  ScoreLine,
} from '../shared/claims.ts';

export type Claim = {
  id: string;
  caseId: string;
  unitId: string;
  householdId: string;
  claimantId: string;
  basis: ClaimBasis;
  claimedClass: FieldClass;
  damageDate: string;
  state: ClaimState;
  evidence: EvidenceEntry[] | null;
  reasons: InspectionReason[];
  priorityScore: number | null;
  explanation: ScoreLine[] | null;
  ruleVersion: number | null;
  createdAt: string;
  version: number;
};

export type ClaimCase = {
  id: string;
  governorate: string;
  unitId: string;
  state: CaseState;
  reasons: InspectionReason[];
  damageClass: FieldClass | null;
  ruleVersion: number | null;
  priorityScore: number | null;
  explanation: ScoreLine[] | null;
  checkedBy: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  decidedRuleVersion: number | null;
  grantAmount: number | null;
  stream: GrantStream | null;
  createdAt: string;
  version: number;
};

export type ClaimDocument = {
  id: string;
  claimId: string;
  kind: DocumentKind;
  mediaType: DocumentMediaType;
  sizeBytes: number;
  createdAt: string;
};
