// API types, inferred from the server's zod schemas (type-only imports: no server code is bundled).
import type { z } from 'zod';
import type { EnrolSession, LoginStep, MeView, RecoveryCodesView } from '../../../src/api/routes/auth/schema.ts';
import type { DisplacementInput, HouseholdInput, HouseholdView, MemberRef } from '../../../src/api/routes/households/schema.ts';
import type { PersonSearch, PersonSummary, PersonView, PersonUpdate } from '../../../src/api/routes/persons/schema.ts';
import type { SiteView } from '../../../src/api/routes/sites/schema.ts';
import type { CandidateView, CheckResponse, DecisionInput, DraftCheck, QueueItem } from '../../../src/api/routes/duplicates/schema.ts';
import type { ReachSummary } from '../../../src/api/routes/stats/schema.ts';

export type PersonViewT = z.infer<typeof PersonView>;
export type PersonSummaryT = z.infer<typeof PersonSummary>;
export type PersonSearchT = z.input<typeof PersonSearch>;
export type PersonInputT = z.input<typeof PersonUpdate>;
export type HouseholdViewT = z.infer<typeof HouseholdView>;
export type HouseholdInputT = z.input<typeof HouseholdInput>;
export type DisplacementInputT = z.input<typeof DisplacementInput>;
export type Relationship = z.infer<typeof MemberRef>['relationship'];
export type DisplacementReason = DisplacementInputT['reason'];
export type Sex = NonNullable<PersonViewT['sex']>;

export type Page<T> = { items: T[]; nextCursor: string | null };
export type LoginResult = { token: string; expiresAt: string; role: string };
/** Sign-in's first step: a challenge for the code, or an enrolment (secret shown once). */
export type LoginStepT = z.infer<typeof LoginStep>;
export type EnrolSessionT = z.infer<typeof EnrolSession>;
/** Who is signed in: account, organisation, second factor and recovery codes left. */
export type Me = z.infer<typeof MeView>;
export type RecoveryCodesViewT = z.infer<typeof RecoveryCodesView>;
export type GovernorateT = { pcode: string; territory: string; nameEn: string; nameAr: string };
export type GovernorateStats = { governorate: string; people: number; female: number; male: number; households: number };
export type HistoryEntry = {
  seq: number;
  at: string;
  actorId: string | null;
  orgId: string | null;
  deviceId: string | null;
  action: string;
  before: unknown;
  after: unknown;
};
export type FieldError = { field: string; reason: string };
export type Problem = { type: string; title: string; status: number; detail?: string; errors?: FieldError[] };

// Vocabularies, checked against the server's types: a value missing here fails the typecheck.
type Exhaustive<Union, List extends readonly unknown[]> = [Exclude<Union, List[number]>] extends [never] ? List : never;
const rel = [
  'head',
  'spouse',
  'son',
  'daughter',
  'father',
  'mother',
  'brother',
  'sister',
  'grandchild',
  'grandparent',
  'other_relative',
  'other',
] as const satisfies readonly Relationship[];
export const relationships: Exhaustive<Relationship, typeof rel> = rel;
const reasons = [
  'hostilities',
  'evacuation_order',
  'home_damaged',
  'home_destroyed',
  'return',
  'relocation',
  'other',
] as const satisfies readonly DisplacementReason[];
export const displacementReasons: Exhaustive<DisplacementReason, typeof reasons> = reasons;

// Sites (shelters) and their occupancy against the Sphere standards.
export type SiteViewT = z.infer<typeof SiteView>;
export type SiteCapacity = {
  site: { id: string; name: string; kind: string; governorate: string; status: string };
  households: number;
  people: number;
  capacity: number | null;
  overBy: number;
  occupancyRate: number | null;
  toiletGap: number;
  waterPointGap: number;
  waterGapLitresPerDay: number | null;
  flags: string[];
};
export type CapacityReport = { on: string; sites: SiteCapacity[] };

// Identity resolution: a registration being typed, checked against the registry.
export type DraftCheckT = z.input<typeof DraftCheck>;
export type CheckResponseT = z.infer<typeof CheckResponse>;

// The duplicate review queue: pairs of records that may be one person, and the decisions on them.
export type QueueItemT = z.infer<typeof QueueItem>;
export type CandidateViewT = z.infer<typeof CandidateView>;
export type DecisionT = z.infer<typeof DecisionInput>['decision'];

// Aid reach per cycle (the dashboard).
export type ReachSummaryT = z.infer<typeof ReachSummary>;
