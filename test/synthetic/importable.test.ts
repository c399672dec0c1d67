// Every synthetic CSV row passes the registry's own validation, as the import reads it: the
// household file, and both benchmark registries (errors included: they are slips, not garbage).
import { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { expect, test } from 'vitest';
import { layoutOf, rowFields } from '../../src/importer/columns.ts';
import { PersonInput, preparePerson } from '../../src/registry/person.ts';
import { relationships } from '../../src/registry/vocabulary.ts';
import { writePersonsCsv } from '../../src/synthetic/csv.ts';
import { generatePersons, type SyntheticPerson } from '../../src/synthetic/households.ts';
import { generateDedupeSet, generateRegistryPair } from '../../src/synthetic/registries.ts';

async function csvOf(rows: Iterable<SyntheticPerson>, truthColumn?: string): Promise<string[][]> {
  const chunks: Buffer[] = [];
  const sink = new Writable({ write: (c, _e, cb) => (chunks.push(c as Buffer), cb()) });
  await writePersonsCsv(rows, sink, truthColumn ? { truthColumn } : {});
  return parse(Buffer.concat(chunks).toString('utf8')) as string[][];
}

async function rejected(rows: Iterable<SyntheticPerson>, truthColumn?: string): Promise<{ total: number; problems: string[] }> {
  const [header, ...body] = await csvOf(rows, truthColumn);
  const layout = layoutOf(header!, {}, 'households');
  const problems: string[] = [];
  for (const row of body) {
    const f = rowFields(row, layout);
    const parsed = PersonInput.safeParse(f.input);
    if (!parsed.success) {
      problems.push(`${row[0]}: ${parsed.error.message}`);
      continue;
    }
    const r = preparePerson(parsed.data);
    if (!r.ok) problems.push(`${row[0]}: ${JSON.stringify(r.errors)} ${row.join(',')}`);
    if (!f.householdId || !(relationships as readonly string[]).includes(f.relationship ?? ''))
      problems.push(`${row[0]}: household ${f.householdId} ${f.relationship}`);
  }
  return { total: body.length, problems };
}

test('household persons are all importable', async () => {
  const { total, problems } = await rejected(generatePersons({ households: 2000, seed: 5 }));
  expect(total).toBeGreaterThan(9000);
  expect(problems.slice(0, 5)).toEqual([]);
});

test('both registries and the dedupe set are all importable, errors included', async () => {
  const pair = generateRegistryPair({ people: 4000, seed: 6 });
  for (const rows of [pair.a, pair.b, generateDedupeSet({ records: 4000, seed: 6 })]) {
    const { total, problems } = await rejected(rows, 'cluster');
    expect(total).toBeGreaterThan(3500);
    expect(problems.slice(0, 5)).toEqual([]);
  }
});
