// What counts may be published to whom: the one rule of small-cell suppression (docs/decisions/
// 0022-small-cell-suppression.md). Roles that may not read a person's record see only aggregates:
// a count of 1 to 4 people or households is withheld from them (null; "<5" in files and screens),
// 0 stays 0, and further cells are withheld (secondary suppression) so that no withheld cell can be
// recomputed from a total by subtraction. Pure, no I/O: the server and the web app share it.
import { allows } from './permissions.ts';
import { type Role, roles } from './roles.ts';

/** The smallest count published to an aggregate-only role. */
export const MIN_CELL = 5;

/** The route whose permission decides it: who may not open a person's record sees only aggregates. */
const PERSON_RECORD = 'GET /api/v1/persons/:id';

export function seesOnlyAggregates(role: Role): boolean {
  return !allows(PERSON_RECORD, role);
}

export const aggregateOnlyRoles: readonly Role[] = roles.filter(seesOnlyAggregates);

/** A count that may not be published on its own: 1 to MIN_CELL - 1. */
export function isSmallCount(n: number): boolean {
  return n > 0 && n < MIN_CELL;
}

/** What a file or a screen writes for a withheld cell. */
export const SUPPRESSED_TEXT = `<${MIN_CELL}`;

/** An additive relation between cells: total = sum of parts (by index into the table's cells). */
export type Relation = { total: number; parts: readonly number[] };

/**
 * A table to publish: its cells, which of them are counts of people or households (only those are
 * withheld for being small; others, such as quantities, only when linked), the additive relations
 * that a reader could use to recompute a cell, and links: cells withheld together (a quantity that
 * is a fixed multiple of a count of households would give the count away).
 */
export type SuppressionTable = {
  cells: readonly number[];
  counts: readonly boolean[] | 'all';
  relations?: readonly Relation[];
  links?: readonly (readonly number[])[];
};

/** Cells of `relation` (total first). */
const membersOf = (r: Relation): number[] => [r.total, ...r.parts];

/**
 * Primary suppression (counts 1..4), then links and secondary suppression until nothing changes:
 * every relation holds no withheld cell or at least two, so no withheld cell equals a total minus
 * published parts. The second cell withheld in a relation is its smallest positive published part
 * (the total only when no part is left), which keeps the loss of information small.
 * Returns the cells to publish: null where withheld.
 */
export function suppress(table: SuppressionTable): (number | null)[] {
  const { cells } = table;
  const hidden = cells.map((v, i) => (table.counts === 'all' || table.counts[i] === true) && isSmallCount(v));
  const relations = table.relations ?? [];
  const members = relations.map(membersOf);
  const links = table.links ?? [];
  for (let changed = true; changed; ) {
    changed = false;
    for (const group of links) {
      if (group.some((i) => hidden[i]) && group.some((i) => !hidden[i] && cells[i] !== 0)) {
        for (const i of group) if (cells[i] !== 0) hidden[i] = true;
        changed = true;
      }
    }
    for (const [n, r] of relations.entries()) {
      if (countHidden(members[n]!, hidden) !== 1) continue;
      const next = complement(r, cells, hidden);
      if (next === undefined) continue;
      hidden[next] = true;
      changed = true;
    }
  }
  return cells.map((v, i) => (hidden[i] ? null : v));
}

function countHidden(cells: readonly number[], hidden: readonly boolean[]): number {
  let n = 0;
  for (const i of cells) if (hidden[i]) n++;
  return n;
}

/** The cell to withhold beside the one withheld cell of a relation; none when every other is 0. */
function complement(r: Relation, cells: readonly number[], hidden: readonly boolean[]): number | undefined {
  let best: number | undefined;
  for (const i of r.parts) {
    if (hidden[i] || cells[i] === 0) continue;
    if (best === undefined || cells[i]! < cells[best]!) best = i;
  }
  if (best !== undefined) return best;
  return !hidden[r.total] && cells[r.total] !== 0 ? r.total : undefined;
}

/** Builds a table cell by cell: `cell` returns the index to use in relations and links. */
export function tableBuilder() {
  const cells: number[] = [];
  const counts: boolean[] = [];
  const relations: Relation[] = [];
  const links: number[][] = [];
  return {
    /** A count of people or households (withheld when 1..4). */
    count(v: number): number {
      cells.push(v);
      counts.push(true);
      return cells.length - 1;
    },
    /** Another number (a quantity): withheld only through a link or a relation. */
    amount(v: number): number {
      cells.push(v);
      counts.push(false);
      return cells.length - 1;
    },
    relate(total: number, parts: readonly number[]): void {
      if (parts.length > 0) relations.push({ total, parts });
    },
    link(group: readonly number[]): void {
      if (group.length > 1) links.push([...group]);
    },
    publish(): (number | null)[] {
      return suppress({ cells, counts, relations, links });
    },
  };
}

/** A cell as a file writes it: "<5" when withheld. */
export function cellText<T extends string | number>(v: T | null): T | string {
  return v === null ? SUPPRESSED_TEXT : v;
}
