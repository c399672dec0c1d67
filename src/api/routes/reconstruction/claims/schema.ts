// Request and response schemas of reconstruction claims (#16): filing a claim, its documents (base64
// in JSON, type read from the bytes), a joint case with its evidence, the officer's check, the
// committee's decision, the ranked list and the claim rules.
import { z } from 'zod';
import { ClaimRulesSchema } from '../../../../reconstruction/claimRules.ts';
import {
  caseStates,
  claimBases,
  claimStates,
  documentKinds,
  documentMediaTypes,
  evidenceItems,
  evidenceResults,
  evidenceSources,
  fieldClasses,
  grantStreams,
  inspectionReasons,
  MAX_DOCUMENT_BYTES,
  priorityFields,
} from '../../../../shared/claims.ts';
import { Day, Uuid } from '../../../schemas.ts';

export const ClaimInput = z
  .object({
    unitId: Uuid,
    householdId: Uuid,
    claimantId: Uuid.optional().describe("the member who claims; the household's current head when left out"),
    basis: z.enum(claimBases),
    claimedClass: z.enum(fieldClasses),
    damageDate: Day.describe('the day the unit was damaged: the household must have lived there then'),
  })
  .strict();

const MAX_BASE64 = Math.ceil(MAX_DOCUMENT_BYTES / 3) * 4;
export const DocumentInput = z
  .object({
    kind: z.enum(documentKinds),
    content: z
      .string()
      .max(MAX_BASE64 + 4, 'too_long')
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'wrong_form')
      .describe('the file, base64; its type is read from its bytes (PDF, JPEG or PNG); no file name is taken'),
  })
  .strict();
export const DocumentParams = z.object({ id: Uuid, documentId: Uuid });

const Evidence = z.object({
  item: z.enum(evidenceItems),
  result: z.enum(evidenceResults),
  source: z.enum(evidenceSources),
  value: z.union([z.string(), z.number()]).nullable(),
});
const ScoreLine = z.object({
  field: z.enum(priorityFields),
  value: z.union([z.number(), z.boolean()]),
  weight: z.number(),
  points: z.number(),
});

export const DocumentView = z.object({
  id: z.string(),
  claimId: z.string(),
  kind: z.enum(documentKinds),
  mediaType: z.enum(documentMediaTypes),
  sizeBytes: z.number(),
  createdAt: z.string(),
});

export const ClaimView = z.object({
  id: z.string(),
  caseId: z.string(),
  unitId: z.string(),
  householdId: z.string(),
  claimantId: z.string(),
  basis: z.enum(claimBases),
  claimedClass: z.enum(fieldClasses),
  damageDate: z.string(),
  state: z.enum(claimStates),
  evidence: z.array(Evidence).nullable(),
  reasons: z.array(z.enum(inspectionReasons)),
  priorityScore: z.number().nullable(),
  explanation: z.array(ScoreLine).nullable(),
  ruleVersion: z.number().nullable(),
  createdAt: z.string(),
  version: z.number(),
});

export const CaseView = z.object({
  id: z.string(),
  governorate: z.string(),
  unitId: z.string(),
  state: z.enum(caseStates),
  reasons: z.array(z.enum(inspectionReasons)),
  damageClass: z.enum(fieldClasses).nullable(),
  ruleVersion: z.number().nullable(),
  priorityScore: z.number().nullable(),
  explanation: z.array(ScoreLine).nullable(),
  checkedBy: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  decidedRuleVersion: z.number().nullable(),
  grantAmount: z.number().nullable(),
  stream: z.enum(grantStreams).nullable(),
  createdAt: z.string(),
  version: z.number(),
});

export const CaseFileView = CaseView.extend({
  unit: z.object({ id: z.string(), floor: z.number(), unitNumber: z.string(), buildingId: z.string(), lon: z.number(), lat: z.number() }),
  assessors: z.array(z.string()),
  claims: z.array(
    ClaimView.extend({ claimantName: z.string(), householdRecordId: z.string().nullable(), documents: z.array(DocumentView) }),
  ),
  steps: z.array(
    z.object({
      step: z.string(),
      actor: z.string().nullable(),
      reason: z.string().nullable(),
      ruleVersion: z.number().nullable(),
      at: z.string(),
    }),
  ),
  plan: z.object({ code: z.string() }).nullable().describe('the grant plan of an approved case (its code), null before it is opened'),
});

export const CheckInput = z
  .object({ step: z.enum(['verified', 'inspection']), note: z.string().trim().min(1).max(1000).optional() })
  .strict();
export const DecisionInput = z.object({ decision: z.enum(['approved', 'rejected']), reason: z.string().trim().min(1).max(1000) }).strict();
export const ReopenInput = z.object({ reason: z.string().trim().min(1).max(1000) }).strict();

export const DecidedQuery = z
  .object({
    governorate: z.string().regex(/^PS0[12][0-9]{2}$/, 'not_a_governorate'),
    state: z.enum(['approved', 'rejected']).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .strict();
export const DecidedList = z.object({
  items: z.array(CaseView.extend({ claims: z.number(), unitNumber: z.string(), floor: z.number() })),
});

export const RankedQuery = z
  .object({
    governorate: z.string().regex(/^PS0[12][0-9]{2}$/, 'not_a_governorate'),
    state: z.enum(['filed', 'verified', 'inspection']).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .strict();
export const RankedList = z.object({
  items: z.array(CaseView.extend({ rank: z.number(), claims: z.number(), unitNumber: z.string(), floor: z.number() })),
});

export const RulesView = z.object({ version: z.number(), rules: ClaimRulesSchema });
export const RulesInput = z
  .object({
    basedOn: z.number().int().min(1).describe('the version the editor read: another saved since is a version_conflict'),
    reason: z.string().trim().min(1).max(1000).describe('why the rules change: listed in the history and the change log'),
    rules: ClaimRulesSchema,
  })
  .strict();
export const RulesPreviewInput = z
  .object({
    rules: ClaimRulesSchema,
    governorate: z
      .string()
      .regex(/^PS0[12][0-9]{2}$/, 'not_a_governorate')
      .optional()
      .describe('whose ranking to show the top of'),
  })
  .strict();
export const RulesPreviewView = z.object({
  basedOn: z.number().describe('the current version the proposal is compared with'),
  openCases: z.number(),
  rankChanged: z.number().describe('open cases whose rank in their governorate changes'),
  eligibilityChanged: z.number(),
  grantChanged: z.number(),
  governorate: z.string().nullable(),
  top: z.array(
    z.object({
      id: z.string(),
      unitNumber: z.string(),
      floor: z.number(),
      oldRank: z.number(),
      newRank: z.number(),
      oldScore: z.number().nullable(),
      newScore: z.number().nullable(),
      eligible: z.boolean(),
    }),
  ),
});
const RuleVersionEntry = z.object({
  version: z.number(),
  savedAt: z.string().nullable(),
  savedBy: z.string().nullable().describe('the username; none for the starting rules'),
  reason: z.string().nullable(),
});
export const RuleVersionList = z.object({ versions: z.array(RuleVersionEntry) });
export const RuleVersionView = RuleVersionEntry.extend({ rules: ClaimRulesSchema });
export const VersionParams = z.object({ version: z.coerce.number().int().min(1).max(1_000_000) }).strict();
