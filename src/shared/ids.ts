// Record ids are UUIDs. One pattern for every check (routes, store look-ups, the web app).
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (s: unknown): s is string => typeof s === 'string' && UUID_PATTERN.test(s);

/**
 * A short reference to show people: an id's last 8 hex digits. Random in every uuid version; the
 * first digits of a time-ordered id (person, household, membership: docs/decisions/0029) are its
 * time of creation, the same for every record made in the same minute, and are never shown.
 */
export const shortRef = (id: string): string => id.slice(-8);
