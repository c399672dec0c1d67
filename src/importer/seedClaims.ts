// `sanad seed` on a fresh start, after the buildings (seedReconstruction.ts) and the reconstruction
// accounts (seedUsers.ts): the approval chain walked once by the people whose job it is, through the
// ordinary store operations, so that every reconstruction screen has something to show.
//  - the engineer records three field assessments (each with a bill of quantities and a generated
//    photo: never a real one) and a tenant beside an owner in one unit;
//  - the claims officer files claims of owners and tenants (one joint case of an owner and a tenant,
//    one in the West Bank) and checks them: verified, or to inspection;
//  - the committee member (never the assessor nor the checker) approves two cases and refuses one;
//  - the claims officer opens the joint case's plan, the vendor sells cement against its quota, the
//    engineer inspects its signing stage with a photo, and the claims officer releases that tranche.
// Open cases stay filed, to inspection or verified (the committee's queue). Invented throughout.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Actor } from '../access/actor.ts';
import { dayInPalestine, type FieldAssessmentInput, prepareFieldAssessment } from '../reconstruction/fieldAssessment.ts';
import { stripPhoto } from '../reconstruction/photo.ts';
import type { FieldClass } from '../shared/claims.ts';
import type { DamageClass } from '../shared/reconstruction.ts';
import { decideCase } from '../store/reconstruction/claims/decideCase.ts';
import { fileClaim } from '../store/reconstruction/claims/fileClaim.ts';
import { officerCheck } from '../store/reconstruction/claims/officerCheck.ts';
import { addFieldPhoto } from '../store/reconstruction/addFieldPhoto.ts';
import { listMaterials } from '../store/reconstruction/materials.ts';
import { recordFieldAssessment } from '../store/reconstruction/recordFieldAssessment.ts';
import { recordOccupancy } from '../store/reconstruction/recordOccupancy.ts';
import { approveVendor } from '../store/reconstruction/tranches/approveVendor.ts';
import { createPlan } from '../store/reconstruction/tranches/createPlan.ts';
import { recordInspection } from '../store/reconstruction/tranches/recordInspection.ts';
import { recordSale } from '../store/reconstruction/tranches/recordSale.ts';
import { releaseTranche } from '../store/reconstruction/tranches/releaseTranche.ts';
import { type WriteContext, write } from '../store/write.ts';
import { syntheticPng } from '../synthetic/photo.ts';
import { seedProjects } from './seedProjects.ts';
import type { DemoActors } from './seedUsers.ts';

export type ClaimsSeed = {
  fieldAssessments: number;
  claims: number;
  cases: number;
  plans: number;
  released: number;
  sales: number;
  projects: number;
};

type Unit = {
  unit: string;
  building: string;
  governorate: string;
  lon: number;
  lat: number;
  household: string;
  remote: DamageClass | null;
};

const AS_CLAIMED: Record<DamageClass, FieldClass> = {
  destroyed: 'destroyed',
  severely_damaged: 'severe',
  moderately_damaged: 'major',
  possibly_damaged: 'minor',
  no_visible_damage: 'minor',
};

const run = <T>(pool: pg.Pool, actor: Actor, fn: (ctx: WriteContext) => Promise<T>): Promise<T> =>
  write(pool, actor, { route: 'sanad seed' }, async (ctx) => ({ status: 201, body: await fn(ctx) })).then((o) => o.body);

const daysAgo = (n: number) => dayInPalestine(new Date(Date.now() - n * 86_400_000));

/** The seeded units with their one household and the building's latest remote class, Gaza City first. */
async function units(pool: pg.Pool, orgId: string): Promise<Unit[]> {
  const r = await pool.query<Unit>(
    `SELECT u.id AS unit, b.id AS building, b.governorate, b.lon, b.lat, o.household_id AS household,
            (SELECT a.damage_class FROM remote_assessment a WHERE a.building_id = b.id
              ORDER BY a.imagery_date DESC, a.created_at DESC LIMIT 1) AS remote
       FROM housing_unit u JOIN building b ON b.id = u.building_id JOIN occupancy o ON o.unit_id = u.id
      WHERE b.org_id = $1 AND NOT EXISTS (SELECT 1 FROM claim c WHERE c.unit_id = u.id)
        AND (SELECT count(*) FROM occupancy x WHERE x.unit_id = u.id) = 1
      ORDER BY b.governorate = 'PS0260' DESC, b.governorate, b.lat, b.lon, u.floor`,
    [orgId],
  );
  return r.rows;
}

/** Picks units for the roles of the story: the first unused that fits, else the first unused of the territory. */
function picker(all: Unit[]) {
  const used = new Set<string>();
  return (territory: 'PS01' | 'PS02', fits: (u: Unit) => boolean = () => true): Unit | undefined => {
    const free = all.filter((u) => !used.has(u.unit) && u.governorate.startsWith(territory));
    const u = free.find(fits) ?? free[0];
    if (u) used.add(u.unit);
    return u;
  };
}

export async function seedClaims(pool: pg.Pool, people: DemoActors): Promise<ClaimsSeed | null> {
  const pick = picker(await units(pool, people.administrator.orgId));
  const is =
    (...c: DamageClass[]) =>
    (u: Unit) =>
      u.remote !== null && c.includes(u.remote);
  const joint = pick('PS02', (u) => u.governorate === 'PS0260' && u.remote === 'destroyed');
  const repair = pick('PS02', is('severely_damaged', 'moderately_damaged'));
  const doubtful = pick('PS02', is('no_visible_damage', 'possibly_damaged'));
  const queued = pick('PS02', (u) => u.governorate === 'PS0260' && is('destroyed', 'severely_damaged')(u));
  const refused = pick('PS02');
  const filed = [pick('PS02'), pick('PS02'), pick('PS01')].filter((u) => u !== undefined);
  if (!joint || !repair || !doubtful || !queued || !refused) return null; // too few households for the story
  const tenant = await pool.query<{ id: string }>(
    `SELECT h.id FROM household h WHERE h.org_id = $1 AND h.governorate LIKE 'PS02%'
        AND NOT EXISTS (SELECT 1 FROM occupancy o WHERE o.household_id = h.id) ORDER BY h.governorate = $2 DESC, h.record_id DESC, h.id LIMIT 1`,
    [people.administrator.orgId, joint.governorate],
  );
  const fieldAssessments = await assess(pool, people.engineer, { joint, repair, doubtful }, tenant.rows[0]?.id ?? null);
  const cases = await fileAndCheck(pool, people, { joint, repair, doubtful, queued, refused, filed }, tenant.rows[0]?.id ?? null);
  const plan = await planAndTranche(pool, people, cases.joint, joint.governorate);
  const projects = await seedProjects(pool, people.administrator);
  return { fieldAssessments, claims: cases.claims, cases: cases.count, plans: 1, released: 1, sales: plan.sales, projects };
}

const BOQ: Record<'destroyed' | 'major' | 'minor', FieldAssessmentInput['lines']> = {
  destroyed: [
    { itemCode: 'cement', quantity: 18 },
    { itemCode: 'rebar', quantity: 4.5 },
    { itemCode: 'aggregate', quantity: 40 },
    { itemCode: 'sand', quantity: 30 },
    { itemCode: 'blocks', quantity: 2400 },
    { itemCode: 'glazing', quantity: 12 },
    { itemCode: 'labour', quantity: 180 },
  ],
  major: [
    { itemCode: 'cement', quantity: 3 },
    { itemCode: 'sand', quantity: 6 },
    { itemCode: 'blocks', quantity: 600 },
    { itemCode: 'glazing', quantity: 8 },
    { itemCode: 'labour', quantity: 40 },
  ],
  minor: [
    { itemCode: 'cement', quantity: 0.5 },
    { itemCode: 'glazing', quantity: 4 },
    { itemCode: 'labour', quantity: 6 },
  ],
};

/** The engineer: the tenant beside the owner in the joint unit, and three field assessments with a photo each. */
async function assess(
  pool: pg.Pool,
  engineer: Actor,
  u: Record<'joint' | 'repair' | 'doubtful', Unit>,
  tenant: string | null,
): Promise<number> {
  const catalogue = await listMaterials(pool);
  const visits = [
    { at: u.joint, damageClass: 'destroyed', habitable: false, notes: 'انهيار كامل للسقف والجدران الحاملة (مثال تجريبي).', days: 40 },
    { at: u.repair, damageClass: 'major', habitable: false, notes: 'تشققات في الجدران وتلف النوافذ (مثال تجريبي).', days: 33 },
    { at: u.doubtful, damageClass: 'minor', habitable: true, notes: 'زجاج مكسور فقط؛ المبنى سليم (مثال تجريبي).', days: 21 },
  ] as const;
  return run(pool, engineer, async (ctx) => {
    if (tenant) await recordOccupancy(ctx, u.joint.unit, { householdId: tenant, tenure: 'tenant', validFrom: '2019-03-01', validTo: null });
    for (const [i, v] of visits.entries()) {
      const prepared = prepareFieldAssessment(
        {
          id: randomUUID(),
          buildingId: v.at.building,
          unitId: v.at.unit,
          damageClass: v.damageClass,
          habitable: v.habitable,
          notes: v.notes,
          assessedOn: daysAgo(v.days),
          lines: BOQ[v.damageClass],
        },
        catalogue,
        daysAgo(0),
      );
      if (Array.isArray(prepared)) throw new Error(`seed: a field assessment was refused: ${JSON.stringify(prepared)}`);
      const { assessment } = await recordFieldAssessment(ctx, prepared);
      const photo = stripPhoto(syntheticPng(i + 1));
      if (typeof photo === 'string') throw new Error(`seed: the generated photo was refused (${photo})`);
      await addFieldPhoto(ctx, assessment.id, {
        clientId: randomUUID(),
        photo,
        lon: v.at.lon,
        lat: v.at.lat,
        takenAt: new Date(Date.now() - v.days * 86_400_000).toISOString(),
      });
    }
    return visits.length;
  });
}

type Story = Record<'joint' | 'repair' | 'doubtful' | 'queued' | 'refused', Unit> & { filed: Unit[] };

/** Claims filed and checked by the claims officer, decided by the committee member. */
async function fileAndCheck(
  pool: pg.Pool,
  people: DemoActors,
  s: Story,
  tenant: string | null,
): Promise<{ joint: string; claims: number; count: number }> {
  const claim = (ctx: WriteContext, u: Unit, over: Partial<Parameters<typeof fileClaim>[1]> = {}) =>
    fileClaim(ctx, {
      unitId: u.unit,
      householdId: u.household,
      claimantId: null,
      basis: 'owner',
      claimedClass: u.remote ? AS_CLAIMED[u.remote] : 'major',
      damageDate: '2023-12-02',
      ...over,
    }).then((c) => c.caseId);
  const ids = await run(pool, people.claims_officer, async (ctx) => {
    const joint = await claim(ctx, s.joint, { claimedClass: 'destroyed' });
    if (tenant) await claim(ctx, s.joint, { householdId: tenant, basis: 'tenant', claimedClass: 'destroyed' });
    const repair = await claim(ctx, s.repair, { claimedClass: 'major', damageDate: '2024-05-14' });
    const doubtful = await claim(ctx, s.doubtful, { claimedClass: 'destroyed', damageDate: '2024-05-14' });
    const queued = await claim(ctx, s.queued, { damageDate: '2024-02-20' });
    const refused = await claim(ctx, s.refused, { damageDate: '2024-10-03' });
    for (const [i, u] of s.filed.entries()) await claim(ctx, u, { basis: i === 1 ? 'tenant' : 'owner', damageDate: '2024-07-21' });
    await officerCheck(ctx, joint, 'verified', 'سند الملكية وعقد الإيجار مطابقان للسجل (مثال تجريبي).');
    await officerCheck(ctx, repair, 'verified', null);
    await officerCheck(ctx, queued, 'verified', null);
    await officerCheck(ctx, refused, 'verified', null);
    await officerCheck(ctx, doubtful, 'inspection', 'الضرر المُدّعى أكبر مما يظهر في الصور والكشف الميداني (مثال تجريبي).');
    return { joint, repair, refused };
  });
  await run(pool, people.reconstruction_committee, async (ctx) => {
    await decideCase(ctx, ids.joint, 'approved', 'مالك ومستأجر؛ الهدم مؤكد ميدانيًا (مثال تجريبي).');
    await decideCase(ctx, ids.repair, 'approved', 'ضرر كبير مؤكد ميدانيًا (مثال تجريبي).');
    await decideCase(ctx, ids.refused, 'rejected', 'الوحدة رُمّمت بتمويل آخر قبل تقديم الطلب (مثال تجريبي).');
  });
  const claims = 6 + s.filed.length + (tenant ? 1 : 0);
  return { joint: ids.joint, claims, count: 5 + s.filed.length };
}

/** The joint case's plan, an approved vendor's sale against its quota, the signing inspection and its tranche. */
async function planAndTranche(pool: pg.Pool, people: DemoActors, caseId: string, governorate: string): Promise<{ sales: number }> {
  await run(pool, people.claims_officer, (ctx) => createPlan(ctx, caseId));
  await run(pool, people.administrator, (ctx) =>
    approveVendor(ctx, { userId: people.vendor.userId!, organisation: 'مواد البناء الحديثة (تجريبي)', governorate }),
  );
  const plan = await pool.query<{ code: string; tranche: string }>(
    'SELECT p.code, t.id AS tranche FROM reconstruction_plan p JOIN tranche t ON t.case_id = p.case_id WHERE p.case_id = $1 ORDER BY t.seq LIMIT 1',
    [caseId],
  );
  const { code, tranche } = plan.rows[0]!;
  await run(pool, people.vendor, (ctx) =>
    recordSale(ctx, { id: randomUUID(), code, item: 'cement', quantity: 6, soldAt: new Date(Date.now() - 5 * 86_400_000).toISOString() }),
  );
  // the inspection's photo goes through the one photo rule (checked and stripped), as the API's does
  const photo = stripPhoto(syntheticPng(7));
  if (typeof photo === 'string') throw new Error(`the synthetic inspection photo is refused: ${photo}`);
  await run(pool, people.engineer, (ctx) =>
    recordInspection(ctx, caseId, {
      stage: 'signing',
      inspectedOn: daysAgo(3),
      note: 'تم توقيع الاتفاقية وتسليم الموقع (مثال تجريبي).',
      photos: [photo],
      installed: [],
    }),
  );
  await run(pool, people.claims_officer, (ctx) => releaseTranche(ctx, caseId, tranche));
  return { sales: 1 };
}
