// Every problem type Sanad answers with (RFC 9457 `type: /problems/<id>`), one per cause, with its
// HTTP status and English title. Pure data: the server builds its errors from it (src/errors.ts),
// the OpenAPI document lists it, and the web app translates every id (a test fails on a missing one).
import type { FieldReason, ReasonParams } from './reasons.ts';

export const problemTypes = {
  validation: { status: 422, title: 'The request has invalid fields' },
  bad_request: { status: 400, title: 'Bad request' },
  invalid_json: { status: 400, title: 'The body is not valid JSON' },
  invalid_encoding: { status: 400, title: 'The body is not valid UTF-8' },
  empty_body: { status: 400, title: 'The JSON body is empty' },
  wrong_form: { status: 400, title: 'A value has the wrong form' },
  payload_too_large: { status: 413, title: 'Request body too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  uri_too_long: { status: 414, title: 'The address is too long' },
  not_found: { status: 404, title: 'Not found' },
  unauthenticated: { status: 401, title: 'Sign in required' },
  bad_credentials: { status: 401, title: 'Wrong username or password' },
  wrong_password: { status: 403, title: 'The current password is wrong' },
  bad_code: { status: 401, title: 'Wrong code' },
  challenge_expired: { status: 401, title: 'Sign in again' },
  second_factor_locked: { status: 429, title: 'Too many wrong codes' },
  no_second_factor: { status: 409, title: 'No second factor is set up' },
  forbidden: { status: 403, title: 'Not allowed' },
  session_required: { status: 403, title: 'Only a signed-in person may do this' },
  rate_limited: { status: 429, title: 'Too many requests' },
  version_conflict: { status: 409, title: 'The record changed since you read it' },
  operation_reused: { status: 409, title: 'Operation id reused' },
  duplicate_value: { status: 409, title: 'A record with this value exists' },
  still_referenced: { status: 409, title: 'Other records still refer to this one' },
  username_taken: { status: 409, title: 'That username is taken' },
  own_second_factor: { status: 409, title: 'You cannot reset your own second factor' },
  already_head: { status: 409, title: 'That person is already the head' },
  head_cannot_leave: { status: 409, title: 'The head cannot leave' },
  already_member: { status: 409, title: 'The person is already a current member of a household' },
  household_has_head: { status: 409, title: 'The household already has a head' },
  item_code_taken: { status: 409, title: 'An item with this code exists' },
  programme_name_taken: { status: 409, title: 'A programme with this name exists' },
  cycle_not_generated: { status: 409, title: 'Only a generated cycle can be closed' },
  cycle_already_generated: { status: 409, title: 'The entitlement list of this cycle was already generated' },
  not_enough_stock: { status: 409, title: 'Not enough of this item' },
  pair_already_decided: { status: 409, title: 'This pair was already decided' },
  pair_linked_through_others: { status: 409, title: 'These records are linked through other records' },
  pair_not_decided: { status: 409, title: 'This pair has no decision to undo' },
  merge_refused: { status: 409, title: 'Merge refused: conflicting evidence' },
  internal: { status: 500, title: 'Internal error' },
  database_unavailable: { status: 503, title: 'The database is unavailable' },
  server_stopping: { status: 503, title: 'The server is stopping' },
  token_expired: { status: 401, title: 'This API token has expired' },
  token_revoked: { status: 401, title: 'This API token was revoked' },
  own_account: { status: 409, title: 'You cannot do this to your own account' },
  not_a_machine: { status: 409, title: 'API tokens are only for machine accounts' },
  machine_account: { status: 409, title: 'A machine account has no password or second factor' },
  password_change_required: { status: 403, title: 'Choose a new password first' },
  organisation_required: { status: 401, title: 'Name your organisation to sign in' },
  account_disabled: { status: 409, title: 'The account is disabled' },
  life_event_withdrawn: { status: 409, title: 'This report was withdrawn' },
  task_closed: { status: 409, title: 'This task is already closed' },
  migrations_pending: { status: 503, title: 'The database is not migrated to this version' },
  metrics_forbidden: { status: 403, title: 'The metrics are for the monitoring system only' },
  case_step_refused: { status: 409, title: 'This step is not possible at the case’s stage' },
  ticket_step_refused: { status: 409, title: 'This step is not possible for the ticket now' },
  cycle_cards_not_generated: { status: 409, title: 'Cards are issued and printed for a generated cycle only' },
  referral_step_refused: { status: 409, title: 'This step is not possible for the referral now' },
  referral_consent_not_given: { status: 409, title: 'The person has not consented to referrals (or withdrew consent)' },
  referral_consent_expired: { status: 409, title: 'The person’s consent has expired' },
  referral_consent_other_organisation: { status: 409, title: 'The consent does not cover this organisation' },
  service_inactive: { status: 409, title: 'This service is not taking referrals' },
  not_a_data_correction: { status: 409, title: 'Only a data-correction ticket about a person carries a correction' },
  change_request_pending: { status: 409, title: 'A correction of this ticket already waits for a decision' },
  change_request_decided: { status: 409, title: 'This correction was already decided' },
  own_change_request: { status: 409, title: 'A correction is approved by someone other than the one who proposed it' },
  change_request_stale: { status: 409, title: 'The record changed since this correction was proposed' },
  iati_identifier_taken: { status: 409, title: 'A project with this IATI identifier exists' },
  death_list_unreadable: { status: 422, title: 'The death list cannot be read' },
  // field assessments (#16): an id made by a device, photos of an assessment
  field_assessment_id_taken: { status: 409, title: 'This assessment id belongs to another assessment' },
  photo_id_taken: { status: 409, title: 'This photo id belongs to another photo' },
  too_many_photos: { status: 409, title: 'This assessment has as many photos as it may have' },
  photo_too_large: { status: 413, title: 'The photo is too large' },
  photo_type_not_allowed: { status: 415, title: 'Only JPEG, PNG and WebP photos are accepted' },
  photo_unreadable: { status: 422, title: 'The photo is damaged or incomplete' },
  // reconstruction claims (#16)
  claim_case_closed: { status: 409, title: 'This case was already decided' },
  claim_case_not_verified: { status: 409, title: 'A claims officer verifies the case before the committee decides' },
  claim_own_check: { status: 403, title: 'You checked this case: another committee member decides it' },
  claim_own_assessment: { status: 403, title: 'You assessed this unit: another committee member decides it' },
  claim_earlier_decision: { status: 403, title: 'You decided this case before: another committee member decides the review' },
  claim_case_not_rejected: { status: 409, title: 'Only a rejected case can be reopened for review' },
  claim_unit_has_open_case: { status: 409, title: 'Another case on this unit is open: settle the claims there' },
  document_type_refused: { status: 415, title: 'Only PDF, JPEG and PNG documents are accepted' },
  document_too_large: { status: 413, title: 'The document is larger than allowed' },
  claim_documents_full: { status: 409, title: 'This claim has as many documents as it may have' },
  // reconstruction tranches and materials (#16)
  plan_case_not_approved: { status: 409, title: 'Only an approved case gets a tranche plan' },
  plan_exists: { status: 409, title: 'This unit already has a grant plan' },
  tranche_no_inspection: { status: 409, title: 'No inspection records this tranche’s stage yet' },
  tranche_own_inspection: { status: 403, title: 'You inspected this stage: someone else releases the tranche' },
  tranche_paid: { status: 409, title: 'This tranche was already paid' },
  tranche_out_of_order: { status: 409, title: 'The earlier tranches are released first' },
  sale_beyond_quota: { status: 409, title: 'The sale is beyond what remains of the quota' },
  sale_id_reused: { status: 409, title: 'This sale id was used for a different sale' },
  vendor_not_approved: { status: 403, title: 'Your account is not an approved vendor' },
  quota_below_sold: { status: 409, title: 'A quota cannot be less than what was sold' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemId = keyof typeof problemTypes;
export const problemIds = Object.keys(problemTypes) as ProblemId[];

/** The id in a problem's `type` (`/problems/<id>`), if it is one Sanad knows. */
export function problemIdOf(type: string | undefined): ProblemId | undefined {
  const id = type?.startsWith('/problems/') ? type.slice('/problems/'.length) : undefined;
  return id !== undefined && Object.hasOwn(problemTypes, id) ? (id as ProblemId) : undefined;
}

/** A field and why it was refused (a stable code from shared/reasons.ts, with its limits); never the value. */
export type FieldError = { field: string; reason: FieldReason; params?: ReasonParams };

/** The body of every error answer. */
export type Problem = { type: string; title: string; status: number; detail?: string; errors?: FieldError[]; instance?: string };
