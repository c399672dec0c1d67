// API types, inferred from the server's zod schemas (type-only imports: no server code is bundled).
import type { z } from 'zod';
import type { TicketFileView, TicketList, TicketView } from '../../../src/api/routes/tickets/schema.ts';
import type { CorrectionInput, CorrectionList, CorrectionView } from '../../../src/api/routes/corrections/schema.ts';
import type {
  FundsView,
  ProjectInput,
  ProjectList,
  ProjectSummaryView,
  ProjectView,
  TransactionInput,
  TransactionView,
} from '../../../src/api/routes/reconstruction/projects/schema.ts';
import type { Assignees, CaseFileView, CaseList, CaseView, PersonCaseList } from '../../../src/api/routes/cases/schema.ts';
import type {
  DeathListSummaryView,
  LifeEventInput,
  LifeEventList,
  LifeEventView,
  TaskList,
  TaskView,
} from '../../../src/api/routes/lifeEvents/schema.ts';
import type { AuditEntryWithContents, AuditLogPage, AuditVerification } from '../../../src/api/routes/audit/schema.ts';
import type {
  EnrolSession,
  LoginStep,
  MeView,
  PasswordChangeInput,
  PasswordChangeView,
  RecoveryCodesView,
  SessionView,
  SetupView,
} from '../../../src/api/routes/auth/schema.ts';
import type { DisplacementInput, HouseholdInput, HouseholdView } from '../../../src/api/routes/households/schema.ts';
import type { ExportBody } from '../../../src/api/routes/exports/schema.ts';
import type { GovernorateList } from '../../../src/api/routes/places/schema.ts';
import type {
  HistoryEntry as HistoryEntrySchema,
  HistoryList,
  Page as PageSchema,
  PersonSearch,
  PersonSearchPage,
  PersonSummary,
  PersonView,
  PersonUpdate,
} from '../../../src/api/routes/persons/schema.ts';
import type {
  SiteCapacityReport as CapacityReportSchema,
  SiteListView as SitesView,
  SiteView,
} from '../../../src/api/routes/sites/schema.ts';
import type { CandidateView, CheckResponse, DecisionInput, DraftCheck, QueueItem } from '../../../src/api/routes/duplicates/schema.ts';
import type { GovernorateStats as GovernorateStatsSchema, ReachSummary } from '../../../src/api/routes/stats/schema.ts';
import type { RegistrationInput, RegistrationView } from '../../../src/api/routes/registrations/schema.ts';
import type {
  AccessInput,
  DisableView,
  SecondFactorResetView,
  TemporaryPasswordView,
  TokenInput,
  TokenList,
  TokenRecord,
  TokenView,
  UserInput,
  UserList,
  UserView,
} from '../../../src/api/routes/users/schema.ts';
export type { FieldError, Problem } from '../../../src/shared/problems.ts';

export type PersonViewT = z.infer<typeof PersonView>;
export type PersonSummaryT = z.infer<typeof PersonSummary>;
/** A page of search results, and whether a name matched more people than are ranked. */
export type PersonSearchPageT = z.infer<typeof PersonSearchPage>;
export type PersonSearchT = z.input<typeof PersonSearch>;
export type PersonInputT = z.input<typeof PersonUpdate>;
export type HouseholdViewT = z.infer<typeof HouseholdView>;
export type HouseholdInputT = z.input<typeof HouseholdInput>;
export type DisplacementInputT = z.input<typeof DisplacementInput>;
export type ExportRequestT = z.input<typeof ExportBody>;
export type { DisplacementReason, Relationship, Sex } from '../../../src/shared/vocabulary.ts';

/** A page of a list: items and the cursor of the next page. */
export type Page<T> = z.infer<ReturnType<typeof PageSchema<z.ZodType<T>>>>;
/** A session, as the last step of sign-in answers it. */
export type LoginResult = z.infer<typeof SessionView>;
/** Sign-in's first step: a challenge for the code, or an enrolment (secret shown once). */
export type LoginStepT = z.infer<typeof LoginStep>;
export type EnrolSessionT = z.infer<typeof EnrolSession>;
/** Who is signed in: account, organisation, second factor and recovery codes left. */
export type Me = z.infer<typeof MeView>;
export type RecoveryCodesViewT = z.infer<typeof RecoveryCodesView>;
export type SetupViewT = z.infer<typeof SetupView>;
export type PasswordChangeInputT = z.input<typeof PasswordChangeInput>;
export type PasswordChangeViewT = z.infer<typeof PasswordChangeView>;
export type GovernorateListT = z.infer<typeof GovernorateList>;
export type GovernorateT = GovernorateListT['items'][number];
export type GovernorateStatsListT = z.infer<typeof GovernorateStatsSchema>;
export type GovernorateStats = GovernorateStatsListT['items'][number];
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;
export type HistoryListT = z.infer<typeof HistoryList>;

// Sites (shelters) and their occupancy against the Sphere standards.
export type SiteViewT = z.infer<typeof SiteView>;
/** GET /api/v1/sites */
export type SitesT = z.infer<typeof SitesView>;
export type CapacityReport = z.infer<typeof CapacityReportSchema>;
export type SiteCapacity = CapacityReport['sites'][number];

// Identity resolution: a registration being typed, checked against the registry.
export type DraftCheckT = z.input<typeof DraftCheck>;
export type CheckResponseT = z.infer<typeof CheckResponse>;

// The duplicate review queue: pairs of records that may be one person, and the decisions on them.
export type QueueItemT = z.infer<typeof QueueItem>;
export type CandidateViewT = z.infer<typeof CandidateView>;
export type DecisionT = z.infer<typeof DecisionInput>['decision'];

// Aid reach per cycle (the dashboard).
export type ReachSummaryT = z.infer<typeof ReachSummary>;

// The change log as auditors read it: a page of entries, one entry with its contents, the chain check.
export type AuditLogPageT = z.infer<typeof AuditLogPage>;
export type AuditLogEntryT = AuditLogPageT['items'][number];
export type AuditEntryT = z.infer<typeof AuditEntryWithContents>;
export type AuditVerificationT = z.infer<typeof AuditVerification>;
export type RegistrationInputT = z.input<typeof RegistrationInput>;
export type RegistrationViewT = z.infer<typeof RegistrationView>;

// User administration: accounts and API tokens (administrators).
export type UserViewT = z.infer<typeof UserView>;
export type UserListT = z.infer<typeof UserList>;
export type UserInputT = z.input<typeof UserInput>;
export type AccessInputT = z.input<typeof AccessInput>;
export type DisableViewT = z.infer<typeof DisableView>;
export type SecondFactorResetViewT = z.infer<typeof SecondFactorResetView>;
export type TemporaryPasswordViewT = z.infer<typeof TemporaryPasswordView>;
export type TokenInputT = z.input<typeof TokenInput>;
export type TokenRecordT = z.infer<typeof TokenRecord>;
export type TokenViewT = z.infer<typeof TokenView>;
export type TokenListT = z.infer<typeof TokenList>;

// Life events and the tasks that follow from them.
export type LifeEventViewT = z.infer<typeof LifeEventView>;
export type LifeEventListT = z.infer<typeof LifeEventList>;
export type LifeEventInputT = z.input<typeof LifeEventInput>;
export type TaskViewT = z.infer<typeof TaskView>;
export type TaskListT = z.infer<typeof TaskList>;

// Cases.
export type CaseViewT = z.infer<typeof CaseView>;
export type CaseFileViewT = z.infer<typeof CaseFileView>;
export type CaseListT = z.infer<typeof CaseList>;
export type PersonCaseListT = z.infer<typeof PersonCaseList>;
export type AssigneesT = z.infer<typeof Assignees>;

// Complaints and feedback.
export type TicketViewT = z.infer<typeof TicketView>;
export type TicketFileViewT = z.infer<typeof TicketFileView>;
export type TicketListT = z.infer<typeof TicketList>;

// Data corrections from a ticket.
export type CorrectionViewT = z.infer<typeof CorrectionView>;
export type CorrectionListT = z.infer<typeof CorrectionList>;
export type CorrectionInputT = z.input<typeof CorrectionInput>;
// Reconstruction projects (issue #16).
export type ProjectViewT = z.infer<typeof ProjectView>;
export type ProjectSummaryT = z.infer<typeof ProjectSummaryView>;
export type ProjectListT = z.infer<typeof ProjectList>;
export type ProjectInputT = z.input<typeof ProjectInput>;
export type TransactionInputT = z.input<typeof TransactionInput>;
export type TransactionViewT = z.infer<typeof TransactionView>;
export type FundsViewT = z.infer<typeof FundsView>;
export type DeathListSummaryT = z.infer<typeof DeathListSummaryView>;
