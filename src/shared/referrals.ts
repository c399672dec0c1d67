// The service directory and referrals between organisations: the kinds of service, what a referral
// may carry (each only when the case's consent names it), how urgent it is and its states. Shared by
// the server and the web app.

export const serviceTypes = ['physiotherapy', 'prosthetics', 'psychosocial_support', 'cash', 'legal_documents', 'other'] as const;
export type ServiceType = (typeof serviceTypes)[number];

/**
 * What a referral may carry to the receiving organisation, each only when the consent lists it:
 * the person's name, their age band (never the date of birth), their sex and the need as the sender
 * wrote it. The case's notes, its type and its identifiers are never carried (see docs/DATABASE.md).
 */
export const referralFields = ['name', 'age_band', 'sex', 'need'] as const;
export type ReferralField = (typeof referralFields)[number];

export const urgencies = ['routine', 'urgent', 'emergency'] as const;
export type Urgency = (typeof urgencies)[number];

/** sent -> accepted -> completed (reported back), or sent -> declined (with a reason). */
export const referralStatuses = ['sent', 'accepted', 'declined', 'completed'] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

export const ageBands = ['0-4', '5-11', '12-17', '18-59', '60+'] as const;
export type AgeBand = (typeof ageBands)[number];

/** Why a referral was refused for the case's consent: one problem each. */
export const consentRefusals = ['not_given', 'expired', 'other_organisation'] as const;
export type ConsentRefusal = (typeof consentRefusals)[number];
