// A site (collective centre, school, camp, informal site, host community area) as the registry
// keeps it, and the rule for changing it. No I/O.
import { errors } from '../errors.ts';
import type { SiteKind, SitePhase, SiteStatus } from './capacity.ts';

export type SiteInput = {
  kind: SiteKind;
  name: string;
  governorate: string;
  locality?: string | undefined;
  lat?: number | undefined;
  lon?: number | undefined;
  managingOrganisation?: string | undefined;
  coveredAreaM2?: number | undefined;
  toilets?: number | undefined;
  waterPoints?: number | undefined;
  waterLitresPerDay?: number | undefined;
  phase?: SitePhase | undefined;
  status?: SiteStatus | undefined;
};

export type Site = {
  id: string;
  kind: SiteKind;
  name: string;
  governorate: string;
  locality: string | null;
  lat: number | null;
  lon: number | null;
  managingOrganisation: string | null;
  coveredAreaM2: number | null;
  toilets: number | null;
  waterPoints: number | null;
  waterLitresPerDay: number | null;
  phase: SitePhase;
  status: SiteStatus;
  version: number;
};

/** An update names the version it read: a site changed since then is refused; else the next version. */
export function nextVersion(current: number, sent: number): number {
  if (current !== sent) throw errors.versionConflict();
  return current + 1;
}
