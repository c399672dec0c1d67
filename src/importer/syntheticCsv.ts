// Synthetic persons (src/synthetic, never real people) as an import CSV, in constant memory, for
// `sanad seed`, the import benchmark and tests. The file layout is src/synthetic's writer's.
import { writePersonsCsv } from '../synthetic/csv.ts';
import { generateHouseholds, type SyntheticHousehold, type SyntheticPerson } from '../synthetic/households.ts';

/**
 * Writes the persons of `households` synthetic households (or exactly `persons` persons, cutting
 * the last household) to `file`. Returns the number of persons and the households generated.
 */
export async function writeSyntheticCsv(
  file: string,
  opts: { seed: number; households?: number; persons?: number; onHousehold?: (h: SyntheticHousehold) => void },
): Promise<{ persons: number; households: number }> {
  let persons = 0;
  let households = 0;
  const maxPersons = opts.persons ?? Number.MAX_SAFE_INTEGER;
  function* rows(): Generator<SyntheticPerson> {
    for (const h of generateHouseholds({ households: opts.households ?? Number.MAX_SAFE_INTEGER, seed: opts.seed })) {
      if (persons >= maxPersons) return;
      households++;
      opts.onHousehold?.(h);
      for (const p of h.members) {
        if (persons >= maxPersons) return;
        persons++;
        yield p;
      }
    }
  }
  await writePersonsCsv(rows(), file);
  return { persons, households };
}
