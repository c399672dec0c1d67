// Reconstruction claims (#16): the vocabulary shared by the server and the web app. How a household
// claims a unit, the damage class it claims (the shelter cluster's classes, as field assessments
// use), the documents it may attach, the states of a claim and of a joint case, the evidence a check
// shows and the reasons a case goes to inspection. Pure data, no I/O.

export const claimBases = ['owner', 'tenant', 'heir'] as const;
export type ClaimBasis = (typeof claimBases)[number];

/** Damage classes a claimant may claim (and a field assessment records), worst first. */
export const fieldClasses = ['destroyed', 'severe', 'major', 'minor'] as const;
export type FieldClass = (typeof fieldClasses)[number];

export const documentKinds = ['title', 'rental_contract', 'inheritance', 'other'] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** The only files a claim may carry, recognised by their first bytes, never by name or declared type. */
export const documentMediaTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type DocumentMediaType = (typeof documentMediaTypes)[number];
/**
 * The largest document: 700 KiB, so that its base64 form fits the API's 1 MiB body limit (a phone
 * photo of a title deed, or a scanned PDF page, fits). The table allows up to 5 MiB for later.
 */
export const MAX_DOCUMENT_BYTES = 700 * 1024;
/** The most documents one claim may carry. */
export const MAX_DOCUMENTS_PER_CLAIM = 10;

export const claimStates = ['filed', 'verified', 'inspection', 'approved', 'rejected', 'withdrawn'] as const;
export type ClaimState = (typeof claimStates)[number];

export const caseStates = ['filed', 'verified', 'inspection', 'approved', 'rejected'] as const;
export type CaseState = (typeof caseStates)[number];
export const openCaseStates = ['filed', 'verified', 'inspection'] as const satisfies readonly CaseState[];

export const grantStreams = ['repair', 'rebuild'] as const;
export type GrantStream = (typeof grantStreams)[number];

/** What a check looks at, in the order the evidence is shown. */
export const evidenceItems = ['registry', 'occupancy', 'remote_class', 'field_class', 'other_claims', 'claimant_alive'] as const;
export type EvidenceItem = (typeof evidenceItems)[number];
export const evidenceResults = ['match', 'mismatch', 'unknown'] as const;
export type EvidenceResult = (typeof evidenceResults)[number];
export const evidenceSources = ['registry', 'occupancy', 'remote_assessment', 'field_assessment', 'claims', 'life_events'] as const;
export type EvidenceSource = (typeof evidenceSources)[number];

/** Why a claim (and its case) goes to inspection; never a refusal. */
export const inspectionReasons = [
  'not_in_registry',
  'no_occupancy_record',
  'destroyed_but_no_visible_damage',
  'possibly_damaged',
  'no_remote_assessment',
  'field_class_differs',
  'claimant_deceased',
  'not_eligible',
] as const;
export type InspectionReason = (typeof inspectionReasons)[number];

/** The household facts a priority weight may score. */
export const priorityFields = ['destroyed_home', 'female_headed', 'disability', 'children', 'still_displaced', 'household_size'] as const;
export type PriorityField = (typeof priorityFields)[number];

export type EvidenceEntry = { item: EvidenceItem; result: EvidenceResult; source: EvidenceSource; value: string | number | null };
export type ScoreLine = { field: PriorityField; value: number | boolean; weight: number; points: number };
