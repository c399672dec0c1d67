// Reconstruction projects (issue #16): a donor-funded package of cases or a public building, its
// budget, commitments and disbursements, published as IATI 2.03 activities. Codes come from the
// shipped IATI codelists (src/shared/iatiCodelists.ts); cross-field rules are in
// src/reconstruction/projects.ts.
import { z } from 'zod';
import { governorateCodes } from '../../../../places/governorates.ts';
import {
  iatiActivityStatus,
  iatiBudgetStatus,
  iatiBudgetType,
  iatiCurrencies,
  iatiOrganisationRole,
  iatiOrganisationType,
  iatiSectors,
  iatiTransactionType,
} from '../../../../shared/iatiCodelists.ts';
import type { FieldReason } from '../../../../shared/reasons.ts';
import { Day, PlainName } from '../../../schemas.ts';

const codes = <T extends Record<string, string>>(list: T) => Object.keys(list) as [keyof T & string, ...(keyof T & string)[]];
const codelist = <T extends Record<string, string>>(list: T) => z.enum(codes(list), 'not_in_codelist' satisfies FieldReason);

export const ActivityStatus = codelist(iatiActivityStatus);
export const OrganisationType = codelist(iatiOrganisationType);
export const OrganisationRole = codelist(iatiOrganisationRole);
export const TransactionType = codelist(iatiTransactionType);
export const SectorCode = codelist(iatiSectors);
export const Currency = z.enum(iatiCurrencies, 'not_in_codelist' satisfies FieldReason);

/** An IATI organisation identifier: a registration agency's prefix, a dash, the organisation's number there. */
export const OrgRef = z
  .string()
  .trim()
  .min(3)
  .max(100)
  .regex(/^\P{Cc}+$/u, 'wrong_form' satisfies FieldReason);
/** Words in a narrative: visible text only. */
const Narrative = (max: number) => PlainName.pipe(z.string().max(max));
/** An amount with at most two decimals. */
export const Money = z
  .number()
  .positive()
  .max(1e12)
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, 'wrong_form' satisfies FieldReason);

export const Organisation = z.object({ ref: OrgRef, type: OrganisationType, name: Narrative(200) }).strict();
export const ParticipatingOrg = z
  .object({ role: OrganisationRole, ref: OrgRef.optional(), type: OrganisationType, name: Narrative(200) })
  .strict();
const Bilingual = (max: number) => z.object({ en: Narrative(max), ar: Narrative(max) }).strict();

export const ProjectFields = z
  .object({
    iatiIdentifier: z.string().trim().min(3).max(150).describe('the reporting organisation’s ref, a dash, a suffix'),
    reportingOrg: Organisation,
    title: Bilingual(200),
    description: Bilingual(2000),
    participatingOrgs: z.array(ParticipatingOrg).min(1).max(20),
    activityStatus: ActivityStatus,
    plannedStart: Day,
    plannedEnd: Day,
    actualStart: Day.optional(),
    actualEnd: Day.optional(),
    currency: Currency.describe('the default currency of the project'),
    sectors: z
      .array(z.object({ code: SectorCode, percentage: z.number().positive().max(100) }).strict())
      .min(1)
      .max(11),
    locations: z
      .array(
        z
          .object({
            governorate: z.enum(governorateCodes as [string, ...string[]], 'not_a_governorate' satisfies FieldReason),
            point: z
              .object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) })
              .strict()
              .optional(),
          })
          .strict(),
      )
      .min(1)
      .max(16),
    budgets: z
      .array(
        z
          .object({
            type: codelist(iatiBudgetType).default('1'),
            status: codelist(iatiBudgetStatus).default('1'),
            periodStart: Day,
            periodEnd: Day,
            value: Money,
            currency: Currency.optional(),
          })
          .strict(),
      )
      .max(40)
      .default([]),
    housingUnits: z.number().int().min(0).max(1_000_000).optional().describe('an aggregate only: never a list of homes'),
  })
  .strict();
export const ProjectInput = ProjectFields;
export const ProjectUpdate = ProjectFields.extend({ version: z.number().int().positive() }).strict();

export const TransactionInput = z
  .object({
    type: TransactionType,
    date: Day,
    value: Money,
    currency: Currency.optional(),
    description: Narrative(500).optional(),
    provider: z
      .object({ ref: OrgRef.optional(), type: OrganisationType, name: Narrative(200) })
      .strict()
      .optional(),
    receiver: z
      .object({ ref: OrgRef.optional(), type: OrganisationType, name: Narrative(200) })
      .strict()
      .optional(),
  })
  .strict();

const OrgView = z.object({ ref: z.string().nullable(), type: z.string(), name: z.string() });
const Totals = z.object({ currency: z.string(), budget: z.number(), committed: z.number(), disbursed: z.number() });

export const TransactionView = z.object({
  id: z.string(),
  type: TransactionType,
  date: z.string(),
  value: z.number(),
  currency: z.string(),
  description: z.string().nullable(),
  provider: OrgView.nullable(),
  receiver: OrgView.nullable(),
  createdAt: z.string(),
});

export const ProjectSummaryView = z.object({
  id: z.string(),
  iatiIdentifier: z.string(),
  title: z.object({ en: z.string(), ar: z.string() }),
  activityStatus: ActivityStatus,
  currency: z.string(),
  governorates: z.array(z.string()),
  totals: z.array(Totals).describe('per currency: budget, committed and disbursed'),
  version: z.number(),
});

export const ProjectView = ProjectSummaryView.extend({
  reportingOrg: OrgView.extend({ ref: z.string() }),
  description: z.object({ en: z.string(), ar: z.string() }),
  participatingOrgs: z.array(OrgView.extend({ role: OrganisationRole })),
  plannedStart: z.string(),
  plannedEnd: z.string(),
  actualStart: z.string().nullable(),
  actualEnd: z.string().nullable(),
  sectors: z.array(z.object({ code: SectorCode, percentage: z.number() })),
  locations: z.array(z.object({ governorate: z.string(), point: z.object({ lat: z.number(), lon: z.number() }).nullable() })),
  budgets: z.array(
    z.object({
      type: z.string(),
      status: z.string(),
      periodStart: z.string(),
      periodEnd: z.string(),
      value: z.number(),
      currency: z.string(),
    }),
  ),
  housingUnits: z.number().nullable(),
  transactions: z.array(TransactionView),
  updatedAt: z.string(),
});

export const ProjectList = z.object({ items: z.array(ProjectSummaryView), nextCursor: z.string().nullable() });
export const ProjectListQuery = z.object({ cursor: z.string().max(100).optional() });

export const FundsView = z.object({
  rows: z.array(
    z.object({ governorate: z.string(), currency: z.string(), projects: z.number(), committed: z.number(), disbursed: z.number() }),
  ),
});

export const IatiBody = z.object({ organisation: OrgRef.optional().describe('only projects this organisation reports') }).strict();
export const FundsCsvBody = z.object({}).strict();

export type ProjectInput = z.infer<typeof ProjectInput>;
export type ProjectInputRaw = z.input<typeof ProjectInput>;
export type TransactionInput = z.infer<typeof TransactionInput>;
export type ProjectView = z.infer<typeof ProjectView>;
export type ProjectSummaryView = z.infer<typeof ProjectSummaryView>;
export type TransactionView = z.infer<typeof TransactionView>;
export type FundsView = z.infer<typeof FundsView>;
