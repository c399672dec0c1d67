import { z } from 'zod';
import { ticketActions, ticketCategories, ticketChannels, ticketStates } from '../../../shared/tickets.ts';
import { digits, Uuid } from '../../schemas.ts';

const Text = z.string().trim().min(1).max(4000);

export const TicketInput = z
  .object({
    channel: z.enum(ticketChannels),
    category: z.enum(ticketCategories),
    personId: Uuid.optional().describe('whom it is about; leave out for an anonymous ticket (then give governorate)'),
    governorate: z.string().max(10).optional(),
    object: z
      .object({ kind: z.enum(['entitlement', 'redemption', 'case', 'household_card']), id: Uuid })
      .strict()
      .optional(),
    description: Text,
  })
  .strict();

export const TicketView = z.object({
  id: z.string(),
  orgId: z.string(),
  governorate: z.string(),
  channel: z.enum(ticketChannels),
  category: z.enum(ticketCategories),
  sensitive: z.boolean(),
  person: z.object({ id: z.string(), fullName: z.string() }).nullable(),
  householdId: z.string().nullable(),
  object: z.object({ kind: z.string(), id: z.string() }).nullable(),
  description: z.string(),
  status: z.enum(ticketStates),
  assignedTo: z.object({ id: z.string(), username: z.string() }).nullable(),
  answer: z.string().nullable(),
  proposedBy: z.string().nullable(),
  answeredAt: z.string().nullable(),
  dueAt: z.string(),
  overdue: z.boolean(),
  closedOnTime: z.boolean().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  version: z.number(),
});
export const TicketFileView = TicketView.extend({
  events: z.array(
    z.object({ id: z.string(), action: z.string(), note: z.string().nullable(), actor: z.string().nullable(), at: z.string() }),
  ),
});
export const TicketListQuery = z.object({
  /** the nextCursor of the previous page (opaque: a ticket's id) */
  cursor: z.string().max(200).optional(),
  limit: digits(1, 100).optional(),
});
export const TicketList = z.object({ items: z.array(TicketView), nextCursor: z.string().nullable() });
export const TicketStepInput = z
  .object({ action: z.enum(ticketActions), note: Text.optional(), answer: Text.optional(), userId: Uuid.optional() })
  .strict();

export const TicketReportQuery = z.object({ by: z.enum(['category', 'channel', 'governorate']).default('category') });
const Cell = z.number().nullable().describe('null: withheld (fewer than 5)');
export const TicketReport = z.object({
  by: z.enum(['category', 'channel', 'governorate']),
  rows: z.array(z.object({ key: z.string(), total: Cell, open: Cell, overdue: Cell, onTime: Cell, late: Cell, medianDays: Cell })),
});
