import { reviewChoices } from '../../../aid/conflict.ts';
import { heldReasons } from '../../../aid/redemptionTime.ts';
import { z } from 'zod';
import { textLimits as L } from '../../../shared/limits.ts';
import type { FieldReason } from '../../../shared/reasons.ts';
import { RuleSchema, sectors } from '../../../aid/rules.ts';
import { Day, Uuid, digits, PlainName } from '../../schemas.ts';
import { stages } from '../../../shared/tranches.ts';

export const IdParam = z.object({ id: z.string() });
export const Gov = z.string().regex(/^PS0[12][0-9]{2}$/, 'not_a_governorate' satisfies FieldReason);

export const ItemInput = z.object({
  code: z.string().regex(/^[a-z0-9_]{1,40}$/, 'code_form' satisfies FieldReason),
  name: PlainName,
  unit: z.string().trim().min(1).max(40).describe('parcel, kit, litre, ILS ...'),
  sector: z.enum(sectors),
  kcalPerUnit: z.number().min(0).optional(),
});
export const ItemView = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  sector: z.string(),
  kcalPerUnit: z.number().nullable(),
});

export const ProgrammeInput = z.object({
  name: PlainName,
  sector: z.enum(sectors),
  rules: z.array(RuleSchema).max(100).default([]),
});
export const RulesInput = z.object({ version: z.number().int().min(1), rules: z.array(RuleSchema).max(100) });
export const ProgrammeView = z.object({
  id: z.string(),
  name: z.string(),
  sector: z.string(),
  rules: z.array(RuleSchema),
  version: z.number(),
});

export const CycleInput = z.object({ cutoffDate: Day.describe('the registry as it stood on this date') });
export const CycleView = z.object({
  id: z.string(),
  programmeId: z.string(),
  number: z.number(),
  cutoffDate: z.string(),
  status: z.string(),
  generatedAt: z.string().nullable(),
  households: z.number().nullable(),
});
export const TotalsView = z.array(
  z.object({
    governorate: z.string().nullable(),
    item: z.string(),
    unit: z.string(),
    households: z.number(),
    people: z.number(),
    quantity: z.number(),
  }),
);

export const PlaceInput = z.object({ name: PlainName, governorate: Gov });
export const PointInput = PlaceInput.extend({
  siteId: Uuid.optional(),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
});
export const PlaceView = z.object({ id: z.string(), name: z.string(), governorate: z.string(), siteId: z.string().nullable() });

/** For the identity check at a distribution point: the current head's full name and the number of current members. */
export const HouseholdIdentityView = z.object({ householdId: z.string(), headName: z.string().nullable(), size: z.number() });

export const ManifestView = z.object({
  cycle: z.object({ id: z.string(), number: z.number(), programmeId: z.string(), cutoffDate: z.string(), status: z.string() }),
  point: z.object({ id: z.string(), name: z.string() }),
  generatedAt: z.string(),
  keys: z.array(z.object({ id: z.string(), publicKey: z.string() })),
  revokedSerials: z.array(z.object({ serial: z.number(), revokedAt: z.string() })),
  cards: z
    .array(z.object({ serial: z.number(), householdId: z.string() }))
    .describe(
      'the valid cards (not revoked, key not retired) of the households listed here: a typed card number finds its household offline',
    ),
  items: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), unit: z.string() })),
  entitlements: z.array(
    z.object({ id: z.string(), householdId: z.string(), itemId: z.string(), quantity: z.number(), redeemed: z.boolean() }),
  ),
  households: z
    .array(HouseholdIdentityView)
    .describe(
      "for the identity check offline: the head's name and household size of the households listed here, nothing else (docs/decisions/0023-offline-identity-check.md); the read is logged",
    ),
});
export const CycleListItem = CycleView.extend({ programmeName: z.string() });

export const CardInput = z.object({ householdId: Uuid });
const PrintedNumber = z
  .string()
  .max(40)
  .describe(
    'the card number printed on the card: serial and Damm check digit, at least 8 digits in groups of 4 ("0001 0008"); spaces, dashes and Arabic-Indic digits are read',
  );
export const CardView = z.object({
  serial: z.number(),
  number: z.string().describe('the card number to print on the card (serial and check digit, groups of 4)'),
  householdId: z.string(),
  keyId: z.string(),
  token: z.string().describe('put this in the QR code'),
});
export const CardCheckInput = z.object({
  card: z.string().min(1).max(400).optional().describe('the signed token read from the card (the QR code)'),
  cardNumber: PrintedNumber.optional(),
  entitlementIds: z.array(Uuid).min(1).max(100).describe("the entitlements the device's list gives the card's household"),
});
export const CardCheckView = z.object({
  valid: z.boolean(),
  reason: z
    .string()
    .optional()
    .describe('why the card is refused: malformed, unknown_key, retired_key, bad_signature, revoked, bad_number'),
  serial: z.number().optional(),
  number: z.string().optional(),
  householdId: z.string().optional(),
  identity: HouseholdIdentityView.optional().describe(
    "a card of the organisation: its household's head's name and size today, for the identity check (the read is logged)",
  ),
  entitlements: z.array(
    z.object({
      id: z.string(),
      state: z
        .enum(['open', 'redeemed', 'other'])
        .describe("open: may be handed out now; redeemed: a redemption stands; other: not this household's, or no such entitlement"),
    }),
  ),
});
export const Revoke = z.object({ reason: z.enum(['lost', 'stolen', 'damaged', 'replaced', 'other']) });
export const SerialParam = z.object({ serial: digits(0, Number.MAX_SAFE_INTEGER) });
export const KeyView = z.object({ id: z.string(), publicKey: z.string(), createdAt: z.string(), retiredAt: z.string().nullable() });

export const Redemption = z.object({
  id: Uuid.describe('generated by the device; a replay with the same id changes nothing'),
  entitlementId: Uuid,
  presented: z
    .enum(['qr', 'typed'])
    .default('qr')
    .describe(
      'qr: the signed code read from the card (scanned or typed in full); typed: the printed card number, after the officer checked the identity document',
    ),
  card: z.string().min(1).max(400).optional().describe('the token read from the household card (presented qr)'),
  cardNumber: PrintedNumber.optional().describe('the printed card number (presented typed)'),
  redeemedAt: z.string().datetime({ offset: true }).optional().describe('device clock (offline)'),
});
export const SyncInput = z.object({
  batchId: Uuid,
  pointId: Uuid,
  deviceId: z.string().trim().min(1).max(100).optional(),
  redemptions: z.array(Redemption).min(1).max(2500),
});
export const RedeemInput = Redemption.extend({ pointId: Uuid });
export const RedemptionResult = z.object({
  id: z.string(),
  status: z.enum(['standing', 'conflict', 'rejected']),
  reason: z.string().optional(),
  detail: z.string().optional(),
  standingId: z.string().optional(),
  held: z.enum(heldReasons).optional().describe('why a conflict is held for review: its time (src/aid/redemptionTime.ts)'),
  replayed: z.boolean(),
});
export const ReviewInput = z.object({
  decision: z
    .enum(reviewChoices)
    .describe(
      'duplicate_confirmed: it does not stand, goods to recover; accepted: it does not stand, but was due; stands: it stands instead of the one that stood (which becomes a conflict reviewed as a duplicate)',
    ),
  reason: z.string().trim().min(1).max(L.reason).describe('why: kept with the decision and in the change log'),
});
export const ReviewView = z.object({
  id: z.string(),
  review: z.enum(reviewChoices),
  standingId: z.string().nullable().describe('the redemption of the entitlement that stands after the decision'),
});
export const ConflictView = z.object({
  id: z.string(),
  entitlementId: z.string(),
  householdId: z.string(),
  standingId: z.string().nullable(),
  pointId: z.string().nullable(),
  deviceId: z.string().nullable(),
  redeemedAt: z.string(),
  review: z.enum(['open', 'duplicate_confirmed', 'accepted']),
  presented: z.enum(['qr', 'typed']).describe('how the card was shown: the signed code, or the typed card number'),
  held: z.enum(heldReasons).nullable().describe('held for review because of its time; null: a second redemption of the entitlement'),
});
export const ConflictList = z.object({ conflicts: z.array(ConflictView) });

export const StockInput = z.object({
  kind: z.enum(['receipt', 'dispatch', 'return', 'loss', 'damage']),
  itemId: Uuid,
  quantity: z.number().positive().max(1e12),
  warehouseId: Uuid.optional(),
  pointId: Uuid.optional(),
  cycleId: Uuid.optional(),
  date: Day.optional(),
  note: z.string().max(L.note).optional(),
});
export const CycleReportQuery = z.object({ cycle: Uuid });

/** A count or quantity withheld from the roles that see only aggregates (1 to 4 households, or a cell that would give one away). */
const Cell = z.number().nullable();
const reconFields = {
  item: z.string(),
  unit: z.string(),
  entitled: Cell,
  entitledHouseholds: Cell,
  distributed: Cell,
  standing: Cell,
  conflicts: Cell,
  redeemedHouseholds: Cell,
  outstanding: Cell,
  dispatched: Cell,
  returned: Cell,
  lost: Cell,
  remaining: Cell,
};
/** GET /api/v1/aid/cycles/:id/reconciliation */
export const Reconciliation = z.object({
  cycleId: z.string(),
  days: z
    .array(
      z.object({
        day: z
          .string()
          .describe('the day in Gaza and the West Bank (Asia/Gaza): redemptions by their device time, dispatches by their date'),
        item: z.string(),
        unit: z.string(),
        distributed: Cell.describe('handed out that day (standing and conflicts)'),
        households: Cell.describe('households whose redemption that day stands'),
        dispatched: Cell.describe('dispatched to the points that day'),
      }),
    )
    .describe('per day and item, over the points in your governorates'),
  points: z.array(
    z.object({
      pointId: z.string().nullable(),
      balanced: z.boolean(),
      flags: z.array(z.enum(['unassigned', 'conflicts', 'stock_shortfall', 'undelivered'])),
      ...reconFields,
    }),
  ),
  totals: z.array(z.object(reconFields)),
});
/** GET /api/v1/aid/warehouses/:id/stock */
export const WarehouseStock = z.object({
  warehouseId: z.string(),
  items: z.array(
    z.object({
      item: z.string(),
      unit: z.string(),
      received: z.number(),
      dispatched: z.number(),
      returned: z.number(),
      lost: z.number(),
      onHand: z.number(),
    }),
  ),
});
const Counts = z.object({
  households: Cell,
  people: Cell,
  female: Cell,
  male: Cell,
  f_0_17: Cell,
  m_0_17: Cell,
  f_18_59: Cell,
  m_18_59: Cell,
  f_60_plus: Cell,
  m_60_plus: Cell,
});
/** GET /api/v1/aid/reports/reach: rows of your governorates; null in a cell withheld from aggregate-only roles */
export const ReachReport = z.object({
  cycle: z.object({
    id: z.string(),
    number: z.number(),
    cutoffDate: z.string(),
    programme: z.object({ id: z.string(), name: z.string(), sector: z.string() }),
  }),
  rows: z.array(
    z.object({
      governorate: z.string().nullable(),
      siteId: z.string().nullable(),
      level: z.enum(['governorate', 'site']),
      item: z.string(),
      unit: z.string(),
      targeted: Counts,
      reached: Counts,
      entitledQuantity: Cell,
      distributedQuantity: Cell,
      coverage: z.number().nullable().describe('households reached / households entitled (none when either is withheld)'),
    }),
  ),
  sitesOverCapacity: z.array(
    z.object({
      siteId: z.string(),
      name: z.string(),
      governorate: z.string(),
      people: Cell,
      capacity: z.number().nullable(),
      overBy: Cell,
    }),
  ),
});
/** POST /api/v1/aid/cycles/:id/generate */
export const GenerateView = z.object({ cycleId: z.string(), households: z.number(), entitlements: z.number(), ms: z.number() });
/** POST /api/v1/aid/sync */
export const SyncView = z.object({ batchId: z.string(), results: z.array(RedemptionResult) });

export const RevokeView = z.object({ serial: z.number(), revokedAt: z.string() });
export const CycleDetail = z.object({ cycle: CycleView, totals: TotalsView });
export const CycleList = z.object({ cycles: z.array(CycleListItem) });
export const ItemList = z.object({ items: z.array(ItemView) });
export const KeyList = z.object({ keys: z.array(KeyView) });
export const RetiredKey = z.object({ id: z.string(), retired: z.boolean() });
export const NewKey = z.object({ id: z.string(), publicKey: z.string() });
export const PointList = z.object({ points: z.array(PlaceView) });
export const ProgrammeList = z.object({ programmes: z.array(ProgrammeView) });
export const MovementView = z.object({ id: z.string() });

/** GET /api/v1/households/:id/aid: the household's cards and entitlements (no personal data). */
export const HouseholdAidView = z.object({
  cards: z.array(
    z.object({
      serial: z.number(),
      number: z.string().describe('printed on the card: serial and check digit'),
      issuedAt: z.string(),
      revokedAt: z.string().nullable(),
      revokedReason: z.string().nullable(),
    }),
  ),
  entitlements: z.array(
    z.object({
      cycleId: z.string(),
      cycleNumber: z.number(),
      cycleStatus: z.string(),
      cutoffDate: z.string(),
      programme: z.string(),
      item: z.string(),
      unit: z.string(),
      quantity: z.number(),
      receivedAt: z.string().nullable().describe('when it was handed over (the device clock), null while not received'),
    }),
  ),
  reconstruction: z
    .array(
      z.object({
        kind: z.enum(['tranche', 'shelter_cash']),
        caseId: z.string(),
        code: z.string().describe("the plan's code"),
        stage: z.enum(stages).nullable().describe("a tranche's stage"),
        month: z.string().nullable().describe('the month of shelter cash, YYYY-MM'),
        amount: z.number(),
        paidAt: z.string(),
        households: z.number().describe("households of the case sharing the payment (a joint case's payment is paid once)"),
      }),
    )
    .describe('payments to the reconstruction plans of the cases the household claims in, newest first'),
});

/** POST /api/v1/aid/programmes/preview */
export const RulesPreviewInput = z.object({ rules: z.array(RuleSchema).max(100) });
export const RulesPreviewView = z.object({
  cutoffDate: z.string(),
  households: z.number().describe('households in the registry today'),
  selected: z.number().describe('households the rules give anything'),
  items: z.array(z.object({ item: z.string(), households: z.number(), quantity: z.number() })),
});

/** GET /api/v1/aid/cards: the cards list (no personal data). */
export const CardListQuery = z.object({
  status: z.enum(['valid', 'revoked']).optional(),
  household: Uuid.optional(),
  cycle: Uuid.optional(),
  before: digits(0, Number.MAX_SAFE_INTEGER).optional().describe('the `next` of the page before'),
});
export const CardListView = z.object({
  items: z.array(
    z.object({
      serial: z.number(),
      number: z.string().describe('printed on the card: serial and check digit'),
      householdId: z.string(),
      issuedAt: z.string(),
      revokedAt: z.string().nullable(),
      revokedReason: z.string().nullable(),
    }),
  ),
  next: z.number().nullable().describe('pass as `before` for the next page; null on the last'),
});

/** GET /api/v1/aid/warehouses */
export const WarehouseList = z.object({ warehouses: z.array(PlaceView) });

/** GET /api/v1/aid/points/:id/households: the households a point serves in a cycle, a page at a time (the read is logged). */
export const PointHouseholdsQuery = z.object({
  cycle: Uuid,
  offset: digits(0, 10_000_000).optional(),
});
export const PointHouseholdsView = z.object({
  point: PlaceView,
  cycleId: z.string(),
  total: z.number().describe('households this point serves in the cycle'),
  offset: z.number(),
  pageSize: z.number(),
  households: z.array(
    z.object({
      householdId: z.string(),
      recordId: z.string().nullable(),
      headName: z.string().nullable(),
      size: z.number().describe('current members'),
      entitlements: z.number().describe('entitlements of the household at this point in the cycle'),
      received: z.number().describe('of those, handed out (a redemption stands)'),
      card: z.boolean().describe('holds a valid card'),
    }),
  ),
});
/** GET /api/v1/aid/cycles/:id/cards: the cycle's entitled households and their cards (counts only). */
export const CycleCardsView = z.object({
  cycleId: z.string(),
  cycleNumber: z.number(),
  programme: z.string(),
  status: z.string(),
  entitled: z.number().describe('households of your governorates entitled in the cycle'),
  withCard: z.number().describe('of them, holding a valid card (not revoked, its key not retired)'),
  withoutCard: z.number(),
});
/** POST /api/v1/aid/cycles/:id/cards */
export const CycleCardsInput = z.object({
  limit: z.number().int().min(1).max(10_000).default(5_000).describe('at most this many cards in this batch'),
});
export const CycleCardsIssued = CycleCardsView.extend({ issued: z.number().describe('cards issued by this batch') });
/** POST /api/v1/aid/cycles/:id/cards/sheet */
export const CardSheetInput = z.object({
  language: z.enum(['ar', 'en']).default('ar'),
  offset: z.number().int().min(0).max(10_000_000).default(0).describe('skip this many cards (to print a large cycle in parts)'),
  limit: z.number().int().min(1).max(10_000_000).optional().describe('at most this many cards; all when absent'),
});
export const SHEET_CARDS_HEADER = 'x-sheet-cards';
/** GET /api/v1/aid/cycles/:id/reviews: conflicts with every redemption of their entitlement, side by side. */
export const ReviewQuery = z.object({ state: z.enum(['open', 'all']).default('open') });
export const ReviewGroups = z.object({
  groups: z.array(
    z.object({
      entitlementId: z.string(),
      householdId: z.string(),
      item: z.string(),
      itemName: z.string(),
      unit: z.string(),
      quantity: z.number(),
      open: z.boolean().describe('a conflict of it is still open'),
      redemptions: z.array(
        z.object({
          id: z.string(),
          status: z.enum(['standing', 'conflict']),
          review: z.enum(['open', 'duplicate_confirmed', 'accepted']).nullable(),
          held: z.enum(heldReasons).nullable(),
          presented: z.enum(['qr', 'typed']),
          pointId: z.string().nullable(),
          pointName: z.string().nullable(),
          officer: z.string().nullable().describe('the username of who recorded it (none before migration 0024)'),
          deviceId: z.string().nullable(),
          redeemedAt: z.string().describe('device clock'),
          receivedAt: z.string().describe('when the server received it (sync time)'),
          reviewedAt: z.string().nullable(),
          reviewer: z.string().nullable(),
          reviewReason: z.string().nullable().describe('only for the roles that review'),
        }),
      ),
    }),
  ),
});

/** POST /api/v1/aid/reports/3w: the 3W/5W report as a file. */
export const ThreeWBody = z.object({ cycle: Uuid, format: z.enum(['csv', 'xlsx']).default('csv') });

/** GET /api/v1/aid/reports/cash */
const CalendarDay = Day.refine((d) => {
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
}, 'not_a_calendar_date' satisfies FieldReason);
export const CashReportQuery = z
  .object({
    from: CalendarDay.optional().describe('first day (default: 1 January of this year)'),
    to: CalendarDay.optional().describe('last day (default: today)'),
  })
  .strict();
export const CashReportView = z.object({
  from: z.string(),
  to: z.string(),
  lines: z.array(
    z.object({
      governorate: z.string(),
      source: z.enum(['aid_cash', 'tranche', 'shelter_cash']),
      item: z.string().nullable().describe('the cash aid item; null for reconstruction'),
      unit: z.string(),
      households: z.number().describe('households reached, each once'),
      payments: z.number(),
      amount: z.number(),
    }),
  ),
  governorates: z
    .array(z.object({ governorate: z.string(), households: z.number() }))
    .describe('households reached by any cash in the governorate, each once'),
});
