// A site (collective centre, school, camp, informal site, host community area) as the registry
// keeps it, and the rule for changing it. No I/O.
import { errors } from '../errors.ts';
import type { SiteFacts, SiteKind } from './capacity.ts';

/** Where a site is and who runs it. */
type SitePlace = { kind: SiteKind; name: string; governorate: string; locality: string | null; lat: number | null; lon: number | null };
type Optional<T> = { [K in keyof T]?: Exclude<T[K], null> | undefined };

/** What a site is registered or updated with: the facts left out are unknown (phase initial, status open). */
export type SiteInput = Pick<SitePlace, 'kind' | 'name' | 'governorate'> &
  Optional<Omit<SitePlace, 'kind' | 'name' | 'governorate'>> &
  Optional<SiteFacts> & { managingOrganisation?: string | undefined };

export type Site = SitePlace & SiteFacts & { id: string; managingOrganisation: string | null; version: number };

/** An update names the version it read: a site changed since then is refused; else the next version. */
export function nextVersion(current: number, sent: number): number {
  if (current !== sent) throw errors.versionConflict();
  return current + 1;
}
