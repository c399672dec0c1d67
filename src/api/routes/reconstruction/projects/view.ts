// A reconstruction project as the API answers it (domain type -> response schema).
import type { Project, ProjectTransaction } from '../../../../reconstruction/projects.ts';
import { projectTotals } from '../../../../reconstruction/projects.ts';
import type { ProjectSummaryView, ProjectView, TransactionView } from './schema.ts';

export const transactionView = (t: ProjectTransaction): TransactionView => ({ ...t, type: t.type as TransactionView['type'] });

export function projectSummaryView(p: Project): ProjectSummaryView {
  return {
    id: p.id,
    iatiIdentifier: p.iatiIdentifier,
    title: p.title,
    activityStatus: p.activityStatus as ProjectSummaryView['activityStatus'],
    currency: p.currency,
    governorates: p.locations.map((l) => l.governorate),
    totals: projectTotals(p.currency, p.budgets, p.transactions),
    version: p.version,
  };
}

export function projectView(p: Project): ProjectView {
  return {
    ...projectSummaryView(p),
    reportingOrg: p.reportingOrg,
    description: p.description,
    participatingOrgs: p.participatingOrgs.map((o) => ({ ...o, role: o.role as ProjectView['participatingOrgs'][number]['role'] })),
    plannedStart: p.plannedStart,
    plannedEnd: p.plannedEnd,
    actualStart: p.actualStart,
    actualEnd: p.actualEnd,
    sectors: p.sectors.map((s) => ({ ...s, code: s.code as ProjectView['sectors'][number]['code'] })),
    locations: p.locations,
    budgets: p.budgets,
    housingUnits: p.housingUnits,
    transactions: p.transactions.map(transactionView),
    updatedAt: p.updatedAt,
  };
}
