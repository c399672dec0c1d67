// The routes of reconstruction claims (#16).
import type { RouteDef } from '../../../route.ts';
import caseCheck from './caseCheck.ts';
import caseDecision from './caseDecision.ts';
import caseReopen from './caseReopen.ts';
import decided from './decided.ts';
import caseGet from './caseGet.ts';
import document from './document.ts';
import documentGet from './documentGet.ts';
import file from './file.ts';
import ranked from './ranked.ts';
import rulesGet from './rulesGet.ts';
import rulesPreview from './rulesPreview.ts';
import rulesSave from './rulesSave.ts';
import rulesVersion from './rulesVersion.ts';
import rulesVersions from './rulesVersions.ts';

export const claimRoutes: RouteDef[] = [
  file,
  document,
  documentGet,
  caseGet,
  caseCheck,
  caseDecision,
  ranked,
  rulesGet,
  rulesSave,
  caseReopen,
  decided,
  rulesPreview,
  rulesVersions,
  rulesVersion,
];
