// Every error Sanad reports, one factory per cause, each with a stable id from the catalogue in
// src/shared/problems.ts. The API renders them as RFC 9457 problem+json (type = /problems/<id>);
// the web app translates each id. Details name fields and reasons, never personal data.
import { type FieldError, type ProblemId, problemTypes } from './shared/problems.ts';
import { type FieldReason, type ReasonParams, reasonText } from './shared/reasons.ts';

export class AppError extends Error {
  readonly status: number;
  readonly title: string;
  constructor(
    readonly id: ProblemId,
    readonly detail?: string,
    readonly errors?: FieldError[],
  ) {
    super(detail ?? problemTypes[id].title);
    this.name = 'AppError';
    this.status = problemTypes[id].status;
    this.title = problemTypes[id].title;
  }
}

/** Why a link between two records was refused (409 merge_refused). */
export const mergeRefusals = {
  national_id: 'The two records, or records already linked to them, have two different valid national IDs: they cannot be one person.',
  decided_different:
    'A record linked to one of them was decided to be a different person from a record linked to the other: undo that decision or those links first.',
  siblings:
    "Records already linked to them would join records whose given names differ while the father's or family name agrees (brothers, sisters, a parent and a child): decide those pairs directly.",
} as const;

/** The reason for a governorate outside the actor's: the one scope rule (src/access/scope.ts, imports). */
export const OUTSIDE_GOVERNORATES = 'outside_governorates' satisfies FieldReason;

const p = (id: ProblemId, detail?: string, fieldErrors?: FieldError[]) => new AppError(id, detail, fieldErrors);
const field = (name: string, reason: FieldReason, params?: ReasonParams): FieldError[] => [
  params ? { field: name, reason, params } : { field: name, reason },
];

/** One refused field (422): its name, the reason's code and the reason's numbers. */
export const fieldError = (name: string, reason: FieldReason, params?: ReasonParams): FieldError => field(name, reason, params)[0]!;

export const errors = {
  validation: (fieldErrors: FieldError[]) =>
    p('validation', fieldErrors.map((e) => `${e.field} ${reasonText(e.reason, e.params)}`).join('; '), fieldErrors),
  /** One refused field (422). */
  invalidField: (name: string, reason: FieldReason, params?: ReasonParams) => errors.validation(field(name, reason, params)),
  /** The one scope rule: records and places outside the actor's governorates. */
  outsideGovernorates: (fieldName = 'governorate') => errors.validation(field(fieldName, OUTSIDE_GOVERNORATES)),
  badRequest: (detail: string) => p('bad_request', detail),
  invalidJson: () => p('invalid_json', 'The body is not valid JSON.'),
  invalidEncoding: () => p('invalid_encoding', 'The body is not valid UTF-8: send text encoded as UTF-8.'),
  emptyBody: () => p('empty_body', 'The JSON body is empty.'),
  wrongForm: () => p('wrong_form', 'A value has the wrong form.'),
  payloadTooLarge: () => p('payload_too_large', 'The input is too large.'),
  unsupportedMediaType: () => p('unsupported_media_type', 'Send application/json.'),
  uriTooLong: () => p('uri_too_long', 'A part of the address is longer than any id Sanad gives.'),
  notFound: (what = 'record') => p('not_found', `No such ${what}.`),
  unauthenticated: () => p('unauthenticated', 'Send a valid session or API token as a Bearer token.'),
  badCredentials: () => p('bad_credentials'),
  /** A signed-in person changing their password gave a wrong current one (403: the session itself is good). */
  wrongPassword: () => p('wrong_password', 'The current password is wrong.', field('currentPassword', 'wrong')),
  /** 401 at sign-in; 403 when a signed-in person proves their authenticator (their session stays good). */
  badCode: (status: 401 | 403 = 401) => {
    const e = p('bad_code', 'The code is wrong, too old, or was already used. Check the time on your phone and enter the newest code.');
    return status === 401 ? e : Object.assign(e, { status });
  },
  challengeExpired: () => p('challenge_expired', 'This sign-in step has expired or was already used. Sign in with your password again.'),
  secondFactorLocked: (minutes: number) =>
    p(
      'second_factor_locked',
      `Sign-in to this account is paused for ${minutes} minutes after too many wrong codes. Wait, or ask an administrator to reset your second factor.`,
    ),
  noSecondFactor: () => p('no_second_factor', 'No second factor is set up for this account: sign out and sign in again to set one up.'),
  forbidden: () => p('forbidden', 'Your role may not do this.'),
  sessionRequired: () =>
    p('session_required', 'Only a person signed in with a password and a second factor may do this, not an API token.'),
  rateLimited: () => p('rate_limited', 'Wait a moment and try again.'),
  versionConflict: () => p('version_conflict', 'Reload it and apply your change again.'),
  operationReused: () => p('operation_reused', 'This operation id was already used for a different request.'),
  /** A unique value (a record id, a code) that another record holds already. */
  duplicateValue: (fieldName: string) =>
    p('duplicate_value', `${fieldName} is already used by another record.`, field(fieldName, 'already_used')),
  stillReferenced: () => p('still_referenced', 'Other records still refer to this one.'),
  usernameTaken: () => p('username_taken', 'That username is taken.', field('username', 'taken')),
  ownSecondFactor: () => p('own_second_factor', 'You cannot reset your own second factor: ask another administrator.'),
  alreadyHead: () => p('already_head', 'That person is already the head.', field('personId', 'already_head')),
  /** With a field: the member of a registration who is the head of another household. */
  headCannotLeave: (fieldName?: string) =>
    p(
      'head_cannot_leave',
      'The head cannot leave: change the head first.',
      fieldName ? field(fieldName, 'head_of_other_household') : undefined,
    ),
  /** With a field: the member of a registration who belongs to another household (move them with move: true). */
  alreadyMember: (fieldName?: string) =>
    p(
      'already_member',
      'A person is already a current member of a household: end that membership first (leave), or move them.',
      fieldName ? field(fieldName, 'member_elsewhere') : undefined,
    ),
  lifeEventWithdrawn: () => p('life_event_withdrawn', 'A withdrawn report cannot be changed: report the event again.'),
  taskClosed: () => p('task_closed', 'This task was already done or dismissed.'),
  caseStepRefused: () =>
    p(
      'case_step_refused',
      'Not at this stage of the case, or not for you: a supervisor approves or sends back what waits for them; a closed case is reopened first.',
    ),
  ticketStepRefused: () =>
    p(
      'ticket_step_refused',
      'Not possible in the ticket’s state, or the answer is approved by another focal point than the one who proposed it.',
    ),
  householdHasHead: () => p('household_has_head', 'The household already has a head: change the head instead.'),
  itemCodeTaken: () => p('item_code_taken', 'An item with this code exists.', field('code', 'taken')),
  programmeNameTaken: () => p('programme_name_taken', 'A programme with this name exists.', field('name', 'taken')),
  cycleNotGenerated: () => p('cycle_not_generated', 'Only a generated cycle can be closed.'),
  cycleAlreadyGenerated: () => p('cycle_already_generated', 'The entitlement list of this cycle was already generated.'),
  notEnoughStock: (where: 'warehouse' | 'point') =>
    p(
      'not_enough_stock',
      where === 'warehouse' ? 'Not enough of this item in the warehouse.' : 'Not enough of this item at the distribution point.',
    ),
  pairAlreadyDecided: (status: string) => p('pair_already_decided', `This pair was already decided (${status}); undo that decision first.`),
  pairLinkedThroughOthers: () =>
    p('pair_linked_through_others', 'These two records are linked through other records; undo those links first.'),
  pairNotDecided: () => p('pair_not_decided', 'This pair has no decision to undo.'),
  mergeRefused: (why: keyof typeof mergeRefusals) => p('merge_refused', mergeRefusals[why]),
  internal: () => p('internal', 'Something went wrong on the server. It has been logged without personal data.'),
  /** The database does not answer (it stopped, or it is too busy): 503, never a 500 that hides it. */
  databaseUnavailable: () => p('database_unavailable', 'The database does not answer. Try again in a few minutes.'),
  /** A request that arrives while the server shuts down: 503 with Connection: close, as problem+json. */
  serverStopping: () => p('server_stopping', 'This server is stopping. Try again in a moment.'),
  migrationsPending: () =>
    p('migrations_pending', 'The database lacks migrations this server needs: start the newest server once to apply them.'),
  metricsForbidden: () =>
    p('metrics_forbidden', 'Send the metrics token (SANAD_METRICS_TOKEN) as a bearer token, or connect from this machine directly.'),
  tokenExpired: () => p('token_expired', 'This API token has expired: an administrator makes a new one.'),
  tokenRevoked: () => p('token_revoked', 'This API token was revoked, or its account disabled: an administrator makes a new one.'),
  ownAccount: () =>
    p('own_account', 'You cannot disable your own account, change your own role or governorates, or set your own temporary password.'),
  notAMachine: () => p('not_a_machine', 'API tokens are only for machine accounts: people sign in with a password and a second factor.'),
  machineAccount: () => p('machine_account', 'A machine account has no password or second factor: it acts through API tokens.'),
  accountDisabled: () => p('account_disabled', 'The account is disabled: enable it first.'),
  passwordChangeRequired: () =>
    p('password_change_required', 'Your password was set by an administrator: choose your own (POST /api/v1/auth/password) first.'),
  organisationRequired: () =>
    p('organisation_required', 'More than one account opens with this username and password: name your organisation.', [
      { field: 'organisation', reason: 'required' },
    ]),
  cycleCardsNotGenerated: () =>
    p(
      'cycle_cards_not_generated',
      "Cards are issued and printed for a generated cycle: generate its entitlement list first (a closed cycle's cards are not printed).",
    ),
  referralStepRefused: () =>
    p(
      'referral_step_refused',
      'Only the receiving organisation answers a referral that waits for an answer, and reports back on one it accepted.',
    ),
  referralConsentNotGiven: () =>
    p('referral_consent_not_given', 'The case has no consent to refer, or it was withdrawn: record the person’s consent first.'),
  referralConsentExpired: () =>
    p('referral_consent_expired', 'The consent recorded on the case has expired: record the person’s consent again.'),
  referralConsentOtherOrganisation: () =>
    p(
      'referral_consent_other_organisation',
      'The person did not consent to sharing with the organisation providing this service: record their consent for it first.',
    ),
  serviceInactive: () => p('service_inactive', 'This service is marked inactive in the directory: choose another.'),
  notADataCorrection: () =>
    p(
      'not_a_data_correction',
      'A correction is proposed on an open data-correction ticket about a person, by its focal point or the one it is assigned to.',
    ),
  changeRequestPending: () =>
    p('change_request_pending', 'A correction of this ticket already waits for a decision: it is approved or rejected first.'),
  changeRequestDecided: () => p('change_request_decided', 'This correction was already approved or rejected; it is applied once.'),
  ownChangeRequest: () =>
    p('own_change_request', 'Another person, who may edit the record, approves or rejects a correction you proposed.'),
  changeRequestStale: () =>
    p(
      'change_request_stale',
      'The record changed since this correction was proposed: reject it, and propose it again on the record as it is now.',
    ),
  iatiIdentifierTaken: () =>
    p(
      'iati_identifier_taken',
      'A reconstruction project with this IATI identifier exists: an identifier is published once, for one activity.',
      field('iatiIdentifier', 'taken'),
    ),
  /** A death list refused as a whole (its rows are held one by one, never thrown): the detail names columns or limits, never values. */
  deathListUnreadable: (detail: string) => p('death_list_unreadable', detail),
  fieldAssessmentIdTaken: () =>
    p('field_assessment_id_taken', 'Another assessment was recorded under this id: the device makes a new id for a new assessment.'),
  photoIdTaken: () => p('photo_id_taken', 'Another photo was recorded under this id for this assessment.'),
  tooManyPhotos: (max: number) => p('too_many_photos', `An assessment keeps at most ${max} photos.`),
  photoTooLarge: (max: number) => p('photo_too_large', `A photo may be at most ${max} bytes.`),
  photoTypeNotAllowed: () => p('photo_type_not_allowed', 'Send a JPEG, PNG or WebP photo (recognised by its content, not its name).'),
  photoUnreadable: () => p('photo_unreadable', 'The photo is damaged or incomplete: take it again.'),
  // reconstruction claims (#16)
  claimCaseClosed: () => p('claim_case_closed', 'The case was approved or rejected already; its decision stands.'),
  claimCaseNotVerified: () => p('claim_case_not_verified', 'A claims officer verifies the case before the committee decides it.'),
  claimOwnCheck: () => p('claim_own_check', 'You checked this case as a claims officer: another committee member decides it.'),
  claimOwnAssessment: () => p('claim_own_assessment', 'You assessed this unit in the field: another committee member decides it.'),
  claimEarlierDecision: () =>
    p('claim_earlier_decision', 'You decided this case before it was reopened: another committee member decides the review.'),
  claimCaseNotRejected: () =>
    p('claim_case_not_rejected', 'Only a rejected case can be reopened; an approved one goes on through its tranche plan.'),
  claimUnitHasOpenCase: () =>
    p('claim_unit_has_open_case', 'Another case on this unit is open: the claims are settled there, not in a reopened one.'),
  documentTypeRefused: () =>
    p('document_type_refused', 'The file is not a PDF, JPEG or PNG document (its first bytes are read, not its name).'),
  documentTooLarge: (max: number) => p('document_too_large', `A document may be at most ${max} bytes.`),
  claimDocumentsFull: (max: number) => p('claim_documents_full', `A claim may carry at most ${max} documents.`),
  // reconstruction tranches and materials (#16)
  planCaseNotApproved: () => p('plan_case_not_approved', 'Only a case the committee approved gets a tranche plan.'),
  planExists: () => p('plan_exists', 'This housing unit already has a grant plan: a unit is granted once.'),
  trancheNoInspection: (stage: string) =>
    p('tranche_no_inspection', `No engineer's inspection with photos records the stage "${stage}" yet.`),
  trancheOwnInspection: () => p('tranche_own_inspection', 'You inspected this stage: someone else releases the tranche.'),
  tranchePaid: () => p('tranche_paid', 'This tranche was paid already; it is paid once.'),
  trancheOutOfOrder: () => p('tranche_out_of_order', 'The earlier tranches of this plan are released first.'),
  saleBeyondQuota: (item: string, remaining: number) =>
    p('sale_beyond_quota', `The sale of "${item}" is beyond the quota: ${remaining} remain.`, [
      { field: 'quantity', reason: 'too_big', params: { max: remaining } },
    ]),
  saleIdReused: () => p('sale_id_reused', 'This sale id was already used for a different sale.'),
  vendorNotApproved: () => p('vendor_not_approved', 'Your account is not an approved vendor.'),
  quotaBelowSold: (item: string) => p('quota_below_sold', `The quota of "${item}" cannot be less than what was sold.`),
} as const;

/** Failures of the store outside a request (starting the embedded server, keys): the CLI prints them. */
export class StoreError extends Error {
  constructor(
    readonly id: string,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/** Failures of a bulk import as a whole (rows are quarantined, never thrown). */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}
