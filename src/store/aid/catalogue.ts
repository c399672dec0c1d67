// Items, programmes, cycles, warehouses and distribution points, within the actor's organisation.
import type pg from 'pg';
import { cycleTransition } from '../../aid/cycle.ts';
import type { Actor } from '../../access/actor.ts';
import type { Rule, Sector } from '../../aid/rules.ts';
import { errors } from '../../errors.ts';
import type { WriteContext } from '../write.ts';
import { isUuid } from '../../shared/ids.ts';

type Db = pg.Pool | pg.PoolClient;

export type Item = { id: string; code: string; name: string; unit: string; sector: Sector; kcalPerUnit: number | null };
export async function createItem(
  ctx: WriteContext,
  i: Omit<Item, 'id' | 'kcalPerUnit'> & { kcalPerUnit?: number | undefined },
): Promise<Item> {
  const r = await ctx.client.query<{ id: string }>(
    'INSERT INTO aid_item (org_id, code, name, unit, sector, kcal_per_unit) VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT (org_id, code) DO NOTHING RETURNING id',
    [ctx.actor.orgId, i.code, i.name, i.unit, i.sector, i.kcalPerUnit ?? null],
  );
  if (!r.rows[0]) throw errors.itemCodeTaken();
  const item = { id: r.rows[0].id, code: i.code, name: i.name, unit: i.unit, sector: i.sector, kcalPerUnit: i.kcalPerUnit ?? null };
  await ctx.log({ entity: 'aid_item', entityId: item.id, action: 'create', after: item });
  return item;
}
export async function listItems(db: Db, actor: Actor): Promise<Item[]> {
  const r = await db.query<{ id: string; code: string; name: string; unit: string; sector: Sector; kcal_per_unit: string | null }>(
    'SELECT id, code, name, unit, sector, kcal_per_unit FROM aid_item WHERE org_id = $1 ORDER BY code',
    [actor.orgId],
  );
  return r.rows.map((x) => ({
    id: x.id,
    code: x.code,
    name: x.name,
    unit: x.unit,
    sector: x.sector,
    kcalPerUnit: x.kcal_per_unit === null ? null : Number(x.kcal_per_unit),
  }));
}

export type Programme = { id: string; name: string; sector: Sector; rules: Rule[]; version: number };
export async function createProgramme(ctx: WriteContext, p: { name: string; sector: Sector; rules: Rule[] }): Promise<Programme> {
  await checkRuleItems(ctx.client, ctx.actor, p.rules);
  const r = await ctx.client.query<{ id: string }>(
    'INSERT INTO programme (org_id, name, sector, rules) VALUES ($1,$2,$3,$4) ON CONFLICT (org_id, name) DO NOTHING RETURNING id',
    [ctx.actor.orgId, p.name, p.sector, JSON.stringify(p.rules)],
  );
  if (!r.rows[0]) throw errors.programmeNameTaken();
  const prog = { id: r.rows[0].id, ...p, version: 1 };
  await ctx.log({ entity: 'programme', entityId: prog.id, action: 'create', after: prog });
  return prog;
}
export async function findProgramme(db: Db, actor: Actor, id: string, forUpdate = false): Promise<Programme | undefined> {
  if (!isUuid(id)) return undefined;
  const r = await db.query<Programme>(
    `SELECT id, name, sector, rules, version FROM programme WHERE id = $1 AND org_id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [id, actor.orgId],
  );
  return r.rows[0];
}
export async function getProgramme(db: Db, actor: Actor, id: string, forUpdate = false): Promise<Programme> {
  const p = await findProgramme(db, actor, id, forUpdate);
  if (!p) throw errors.notFound('programme');
  return p;
}
export async function setRules(ctx: WriteContext, id: string, version: number, rules: Rule[]): Promise<Programme> {
  const before = await getProgramme(ctx.client, ctx.actor, id, true);
  if (before.version !== version) throw errors.versionConflict();
  await checkRuleItems(ctx.client, ctx.actor, rules);
  await ctx.client.query('UPDATE programme SET rules = $2, version = version + 1 WHERE id = $1', [id, JSON.stringify(rules)]);
  const after = { ...before, rules, version: before.version + 1 };
  await ctx.log({ entity: 'programme', entityId: id, action: 'rules', before: before.rules, after: rules });
  return after;
}
export async function listProgrammes(db: Db, actor: Actor): Promise<Programme[]> {
  return (
    await db.query<Programme>('SELECT id, name, sector, rules, version FROM programme WHERE org_id = $1 ORDER BY name', [actor.orgId])
  ).rows;
}
async function checkRuleItems(db: Db, actor: Actor, rules: Rule[]): Promise<void> {
  const codes = [...new Set(rules.map((r) => r.item))];
  const have = new Set(
    (
      await db.query<{ code: string }>('SELECT code FROM aid_item WHERE org_id = $1 AND code = ANY($2::text[])', [actor.orgId, codes])
    ).rows.map((r) => r.code),
  );
  const bad = rules.map((r, i) => ({ r, i })).filter(({ r }) => !have.has(r.item));
  if (bad.length) throw errors.validation(bad.map(({ i }) => ({ field: `rules[${i}].item`, reason: 'not_of_organisation' as const })));
}

export type Cycle = {
  id: string;
  programmeId: string;
  number: number;
  cutoffDate: string;
  status: 'draft' | 'generated' | 'closed';
  generatedAt: string | null;
  households: number | null;
};
type CycleRow = {
  id: string;
  programme_id: string;
  number: number;
  cutoff_date: string;
  status: Cycle['status'];
  generated_at: Date | null;
  households: number | null;
};
const cycleOf = (r: CycleRow): Cycle => ({
  id: r.id,
  programmeId: r.programme_id,
  number: r.number,
  cutoffDate: r.cutoff_date,
  status: r.status,
  generatedAt: r.generated_at?.toISOString() ?? null,
  households: r.households,
});

export async function createCycle(ctx: WriteContext, programmeId: string, cutoffDate: string): Promise<Cycle> {
  await getProgramme(ctx.client, ctx.actor, programmeId, true);
  const r = await ctx.client.query<CycleRow>(
    'INSERT INTO aid_cycle (programme_id, number, cutoff_date) SELECT $1, coalesce(max(number), 0) + 1, $2 FROM aid_cycle WHERE programme_id = $1 RETURNING id, programme_id, number, cutoff_date, status, generated_at, households',
    [programmeId, cutoffDate],
  );
  const c = cycleOf(r.rows[0]!);
  await ctx.log({ entity: 'aid_cycle', entityId: c.id, action: 'create', after: c });
  return c;
}
export async function findCycle(db: Db, actor: Actor, id: string, forUpdate = false): Promise<Cycle | undefined> {
  if (!isUuid(id)) return undefined;
  const r = await db.query<CycleRow>(
    `SELECT c.id, c.programme_id, c.number, c.cutoff_date, c.status, c.generated_at, c.households FROM aid_cycle c JOIN programme p ON p.id = c.programme_id WHERE c.id = $1 AND p.org_id = $2${forUpdate ? ' FOR UPDATE OF c' : ''}`,
    [id, actor.orgId],
  );
  return r.rows[0] ? cycleOf(r.rows[0]) : undefined;
}
export async function getCycle(db: Db, actor: Actor, id: string, forUpdate = false): Promise<Cycle> {
  const c = await findCycle(db, actor, id, forUpdate);
  if (!c) throw errors.notFound('cycle');
  return c;
}
/** The organisation's cycles, newest first, with the programme's name; `status` filters. */
export async function listCycles(db: Db, actor: Actor, status?: Cycle['status']): Promise<(Cycle & { programmeName: string })[]> {
  const r = await db.query<CycleRow & { programme_name: string }>(
    `SELECT c.id, c.programme_id, c.number, c.cutoff_date, c.status, c.generated_at, c.households, p.name AS programme_name
     FROM aid_cycle c JOIN programme p ON p.id = c.programme_id
     WHERE p.org_id = $1 AND ($2::text IS NULL OR c.status = $2) ORDER BY c.cutoff_date DESC, p.name, c.number DESC LIMIT 500`,
    [actor.orgId, status ?? null],
  );
  return r.rows.map((x) => ({ ...cycleOf(x), programmeName: x.programme_name }));
}
export async function closeCycle(ctx: WriteContext, id: string): Promise<Cycle> {
  const c = await getCycle(ctx.client, ctx.actor, id, true);
  const status = cycleTransition(c.status, 'close');
  await ctx.client.query('UPDATE aid_cycle SET status = $2, closed_at = now() WHERE id = $1', [id, status]);
  await ctx.log({ entity: 'aid_cycle', entityId: id, action: 'close' });
  return { ...c, status };
}

export type Place = { id: string; name: string; governorate: string; siteId: string | null };
export async function createWarehouse(ctx: WriteContext, w: { name: string; governorate: string }): Promise<Place> {
  const r = await ctx.client.query<{ id: string }>('INSERT INTO warehouse (org_id, name, governorate) VALUES ($1,$2,$3) RETURNING id', [
    ctx.actor.orgId,
    w.name,
    w.governorate,
  ]);
  const out = { id: r.rows[0]!.id, name: w.name, governorate: w.governorate, siteId: null };
  await ctx.log({ entity: 'warehouse', entityId: out.id, action: 'create', after: out });
  return out;
}
export async function createPoint(
  ctx: WriteContext,
  p: { name: string; governorate: string; siteId?: string | undefined; lat?: number | undefined; lon?: number | undefined },
): Promise<Place> {
  if (p.siteId) {
    const s = await ctx.client.query('SELECT 1 FROM site WHERE id = $1 AND org_id = $2', [p.siteId, ctx.actor.orgId]);
    if (!s.rowCount) throw errors.invalidField('siteId', 'not_of_organisation');
  }
  const r = await ctx.client.query<{ id: string }>(
    'INSERT INTO distribution_point (org_id, name, governorate, site_id, lat, lon) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id',
    [ctx.actor.orgId, p.name, p.governorate, p.siteId ?? null, p.lat ?? null, p.lon ?? null],
  );
  const out = { id: r.rows[0]!.id, name: p.name, governorate: p.governorate, siteId: p.siteId ?? null };
  await ctx.log({ entity: 'distribution_point', entityId: out.id, action: 'create', after: out });
  return out;
}
export async function listPoints(db: Db, actor: Actor): Promise<Place[]> {
  return (
    await db.query<Place>(
      'SELECT id, name, governorate, site_id AS "siteId" FROM distribution_point WHERE org_id = $1 AND governorate = ANY($2::text[]) ORDER BY governorate, name',
      [actor.orgId, actor.governorates],
    )
  ).rows;
}
export async function listWarehouses(db: Db, actor: Actor): Promise<Place[]> {
  return (
    await db.query<Place>(
      'SELECT id, name, governorate, NULL AS "siteId" FROM warehouse WHERE org_id = $1 AND governorate = ANY($2::text[]) ORDER BY governorate, name',
      [actor.orgId, actor.governorates],
    )
  ).rows;
}
/** A warehouse or point of the actor's organisation in one of the actor's governorates (else nothing, as if absent). */
export async function findPlace(db: Db, actor: Actor, table: 'warehouse' | 'distribution_point', id: string): Promise<Place | undefined> {
  if (!isUuid(id)) return undefined;
  const r = await db.query<Place>(
    `SELECT id, name, governorate, ${table === 'warehouse' ? 'NULL' : 'site_id'} AS "siteId" FROM ${table} WHERE id = $1 AND org_id = $2 AND governorate = ANY($3::text[])`,
    [id, actor.orgId, actor.governorates],
  );
  return r.rows[0];
}
export async function getPlace(db: Db, actor: Actor, table: 'warehouse' | 'distribution_point', id: string): Promise<Place> {
  const p = await findPlace(db, actor, table, id);
  if (!p) throw errors.notFound(table === 'warehouse' ? 'warehouse' : 'distribution point');
  return p;
}
