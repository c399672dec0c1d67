// The reconstruction dashboard's read (#16): per governorate and locality of the actor's
// organisation and governorates, buildings and housing units by latest remote class (the latest
// imagery date, as listBuildings reads it) and latest field class (a unit's: the latest assessment of
// the unit or of its whole building, as claims/fieldEvidence.ts reads it; a building's: the latest
// assessment made at it), claims by state, approved cases with a plan and the tranches paid to them;
// per governorate the funds of the projects (projects/fundsByGovernorate.ts) and the materials
// reconciliation (tranches/reconciliation.ts). A fixed number of set-based queries, whatever the
// number of buildings; the figures are published by src/reconstruction/dashboard.ts (small cells
// withheld for the roles that see only aggregates).
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { assertOwnGovernorate } from '../../access/scope.ts';
import { assembleDashboard, type Dashboard, type Fact, publishDashboard } from '../../reconstruction/dashboard.ts';
import { seesOnlyAggregates } from '../../shared/disclosure.ts';
import { fundsByGovernorate } from './projects/fundsByGovernorate.ts';
import { materialsReconciliation } from './tranches/reconciliation.ts';

const FACTS = `
  WITH b AS (
    SELECT b.id, b.governorate, b.locality_id FROM building b WHERE b.org_id = $1 AND b.governorate = ANY($2::text[])
  ), remote AS (
    SELECT DISTINCT ON (a.building_id) a.building_id, a.damage_class
      FROM remote_assessment a JOIN b ON b.id = a.building_id
     ORDER BY a.building_id, a.imagery_date DESC, a.created_at DESC
  ), fa AS (
    SELECT f.building_id, f.unit_id, f.damage_class, f.assessed_on, f.created_at
      FROM field_assessment f JOIN b ON b.id = f.building_id
  ), field_building AS (
    SELECT DISTINCT ON (building_id) building_id, damage_class FROM fa ORDER BY building_id, assessed_on DESC, created_at DESC
  ), field_whole AS (
    SELECT DISTINCT ON (building_id) building_id, damage_class, assessed_on, created_at FROM fa WHERE unit_id IS NULL
     ORDER BY building_id, assessed_on DESC, created_at DESC
  ), field_unit AS (
    SELECT DISTINCT ON (unit_id) unit_id, damage_class, assessed_on, created_at FROM fa WHERE unit_id IS NOT NULL
     ORDER BY unit_id, assessed_on DESC, created_at DESC
  ), bc AS (
    SELECT b.id, b.governorate, b.locality_id, coalesce(r.damage_class, 'not_assessed') AS remote,
           coalesce(fb.damage_class, 'not_assessed') AS field
      FROM b LEFT JOIN remote r ON r.building_id = b.id LEFT JOIN field_building fb ON fb.building_id = b.id
  ), uc AS (
    SELECT bc.governorate, bc.locality_id, bc.remote,
           coalesce(CASE WHEN fu.unit_id IS NULL OR (fw.building_id IS NOT NULL AND (fw.assessed_on, fw.created_at) > (fu.assessed_on, fu.created_at))
                         THEN fw.damage_class ELSE fu.damage_class END, 'not_assessed') AS field
      FROM housing_unit u JOIN bc ON bc.id = u.building_id
      LEFT JOIN field_whole fw ON fw.building_id = u.building_id LEFT JOIN field_unit fu ON fu.unit_id = u.id
  ), facts AS (
    SELECT governorate, locality_id, 'buildings_remote' AS measure, remote AS key, count(*)::numeric AS n FROM bc GROUP BY 1, 2, 4
    UNION ALL SELECT governorate, locality_id, 'buildings_field', field, count(*) FROM bc GROUP BY 1, 2, 4
    UNION ALL SELECT governorate, locality_id, 'units_remote', remote, count(*) FROM uc GROUP BY 1, 2, 4
    UNION ALL SELECT governorate, locality_id, 'units_field', field, count(*) FROM uc GROUP BY 1, 2, 4
    UNION ALL SELECT b.governorate, b.locality_id, 'claims', c.state, count(*)
      FROM claim c JOIN housing_unit u ON u.id = c.unit_id JOIN b ON b.id = u.building_id
     WHERE c.org_id = $1 GROUP BY 1, 2, 4
    UNION ALL SELECT p.governorate, b.locality_id, 'plans', '', count(*)
      FROM reconstruction_plan p JOIN housing_unit u ON u.id = p.unit_id JOIN building b ON b.id = u.building_id
     WHERE p.org_id = $1 AND p.governorate = ANY($2::text[]) GROUP BY 1, 2
    UNION ALL SELECT p.governorate, b.locality_id, x.measure, '', x.n
      FROM (SELECT t.case_id, count(*) AS tranches, sum(t.amount) AS paid FROM tranche_payment t GROUP BY t.case_id) t
      JOIN reconstruction_plan p ON p.case_id = t.case_id JOIN housing_unit u ON u.id = p.unit_id JOIN building b ON b.id = u.building_id
      CROSS JOIN LATERAL (VALUES ('paid_cases', 1::numeric), ('paid', t.paid)) x(measure, n)
     WHERE p.org_id = $1 AND p.governorate = ANY($2::text[])
  )
  SELECT f.governorate, f.locality_id AS "localityId", f.measure, f.key, sum(f.n)::float8 AS n
    FROM facts f GROUP BY 1, 2, 3, 4`;

/** The dashboard of the actor's governorates (or one of them), as the actor's role may see it. */
export async function reconstructionDashboard(db: pg.Pool, actor: Actor, governorate: string | null): Promise<Dashboard<number | null>> {
  if (governorate !== null) assertOwnGovernorate(actor, governorate);
  const scope: Actor = governorate === null ? actor : { ...actor, governorates: [governorate] };
  const [facts, funds, projects, materials] = await Promise.all([
    db.query<Fact>(FACTS, [scope.orgId, scope.governorates]),
    fundsByGovernorate(db, scope),
    db.query<{ currency: string; n: number }>(
      `SELECT t.currency, count(DISTINCT p.id)::int AS n
         FROM reconstruction_project p JOIN reconstruction_project_transaction t ON t.project_id = p.id
        WHERE p.org_id = $1 AND EXISTS (SELECT 1 FROM reconstruction_project_location l WHERE l.project_id = p.id AND l.governorate = ANY($2::text[]))
        GROUP BY 1`,
      [scope.orgId, scope.governorates],
    ),
    materialsReconciliation(db, scope),
  ]);
  const ids = [...new Set(facts.rows.map((f) => f.localityId).filter((x): x is string => x !== null))];
  const localities = await db.query<{ id: string; nameAr: string; nameEn: string | null }>(
    'SELECT id, name_ar AS "nameAr", name_en AS "nameEn" FROM locality WHERE id = ANY($1::uuid[])',
    [ids],
  );
  const exact = assembleDashboard({
    governorates: [...scope.governorates].sort(),
    facts: facts.rows,
    localities: localities.rows,
    funds,
    projects: new Map(projects.rows.map((r) => [r.currency, r.n])),
    materials,
  });
  return publishDashboard(exact, seesOnlyAggregates(actor.role));
}
