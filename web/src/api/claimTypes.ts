// The types of reconstruction claims' answers, from the server's schemas (type-only imports).
import type { z } from 'zod';
import type {
  CaseFileView,
  CaseView,
  ClaimView,
  DecidedList,
  DocumentView,
  RankedList,
  RulesPreviewView,
  RuleVersionList,
  RuleVersionView,
  RulesView,
} from '../../../src/api/routes/reconstruction/claims/schema.ts';

export type ClaimViewT = z.infer<typeof ClaimView>;
export type ClaimCaseViewT = z.infer<typeof CaseView>;
export type ClaimCaseFileT = z.infer<typeof CaseFileView>;
export type ClaimDocumentT = z.infer<typeof DocumentView>;
export type RankedListT = z.infer<typeof RankedList>;
export type RankedCaseT = RankedListT['items'][number];
export type DecidedListT = z.infer<typeof DecidedList>;
export type ClaimRulesViewT = z.infer<typeof RulesView>;
export type ClaimRulesT = ClaimRulesViewT['rules'];
export type RulesPreviewT = z.infer<typeof RulesPreviewView>;
export type RuleVersionListT = z.infer<typeof RuleVersionList>;
export type RuleVersionViewT = z.infer<typeof RuleVersionView>;
