// The linkage model as data: saved by `sanad dedupe`, the latest of the organisation is used to
// score registrations as they are typed.
import type pg from 'pg';
import type { Model } from '../../linkage/model.ts';
import { resolveSettings, type LinkSettings, type LinkSettingsInput } from '../../linkage/settings.ts';

export type StoredModel = { id: string; model: Model; settings: LinkSettings; createdAt: string; records: number };

export async function saveModel(
  db: pg.Pool | pg.PoolClient,
  m: { orgId: string; userId: string | null; settings: LinkSettingsInput; model: Model; records: number; stats: unknown },
): Promise<string> {
  const s = resolveSettings(m.settings);
  const r = await db.query<{ id: string }>(
    `INSERT INTO linkage_model (org_id, settings, model, upper_threshold, lower_threshold, records, stats, created_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id`,
    [
      m.orgId,
      JSON.stringify(m.settings),
      JSON.stringify(m.model),
      s.thresholds.upper,
      s.thresholds.lower,
      m.records,
      JSON.stringify(m.stats ?? null),
      m.userId,
    ],
  );
  return r.rows[0]!.id;
}

const cache = new Map<string, StoredModel>();

/** The organisation's latest model. Parsed models are cached by id: a check costs one index probe. */
export async function latestModel(db: pg.Pool | pg.PoolClient, orgId: string): Promise<StoredModel | undefined> {
  const head = await db.query<{ id: string }>('SELECT id FROM linkage_model WHERE org_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1', [
    orgId,
  ]);
  const id = head.rows[0]?.id;
  if (!id) return undefined;
  const hit = cache.get(id);
  if (hit) return hit;
  const r = await db.query<{ id: string; model: Model; settings: LinkSettingsInput; created_at: Date; records: number }>(
    'SELECT id, model, settings, created_at, records FROM linkage_model WHERE id = $1',
    [id],
  );
  const row = r.rows[0]!;
  const value = {
    id: row.id,
    model: row.model,
    settings: resolveSettings(row.settings),
    createdAt: row.created_at.toISOString(),
    records: row.records,
  };
  if (cache.size > 50) cache.clear();
  cache.set(id, value);
  return value;
}
