// Schemas shared by many routes: ids and dates. One of each.
import { z } from 'zod';
import { UUID_PATTERN } from '../shared/ids.ts';

/** A record id. */
export const Uuid = z.string().regex(UUID_PATTERN, 'must be a UUID');
/** `/:id` in a route's path. */
export const IdParams = z.object({ id: Uuid });
/** A calendar day, YYYY-MM-DD. */
export const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');
