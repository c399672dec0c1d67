// The words of a site (shelter): its kind, status and Sphere phase. Pure data, shared by the server
// and the web app's site form.
export const siteKinds = ['collective_centre', 'school', 'camp', 'informal_site', 'host_community_area'] as const;
export type SiteKind = (typeof siteKinds)[number];
export const siteStatuses = ['open', 'closed', 'damaged'] as const;
export type SiteStatus = (typeof siteStatuses)[number];
export const sitePhases = ['initial', 'later'] as const;
export type SitePhase = (typeof sitePhases)[number];
