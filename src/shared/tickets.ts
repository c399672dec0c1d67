// Complaints and feedback: one ticket spine for every module (accountability to affected people).
// Channels, categories with their deadline, which categories are sensitive (seen only by the
// feedback focal points: nobody else learns they exist), and the states of a ticket.

export const ticketChannels = ['hotline', 'desk', 'outreach', 'suggestion_box', 'other_organisation'] as const;
export type TicketChannel = (typeof ticketChannels)[number];

export const ticketCategories = [
  'information_request',
  'missed_assistance',
  'data_correction',
  'complaint_about_staff',
  'other',
  'fraud',
  'sexual_exploitation_abuse',
] as const;
export type TicketCategory = (typeof ticketCategories)[number];

/** Days from intake to the answer, per category. */
export const ticketDeadlineDays: Record<TicketCategory, number> = {
  information_request: 3,
  missed_assistance: 7,
  data_correction: 14,
  complaint_about_staff: 14,
  other: 14,
  fraud: 7,
  sexual_exploitation_abuse: 2,
};

export const sensitiveTicketCategories: readonly TicketCategory[] = ['fraud', 'sexual_exploitation_abuse'];
export const isSensitiveTicket = (c: TicketCategory): boolean => sensitiveTicketCategories.includes(c);

/** new -> assigned -> in progress <-> on hold -> for approval -> closed (with the answer given, and when). */
export const ticketStates = ['new', 'assigned', 'in_progress', 'on_hold', 'for_approval', 'closed'] as const;
export type TicketState = (typeof ticketStates)[number];
export const ticketActions = ['assign', 'start', 'hold', 'resume', 'propose_answer', 'approve', 'send_back'] as const;
export type TicketAction = (typeof ticketActions)[number];
