// sanad reconstruction import-damage FILE [--mapping FILE]: remote damage assessments per structure
// (CSV or GeoJSON) matched to buildings, through the same store code as the API
// (POST /api/v1/reconstruction/damage-imports), without the API's 1 MB limit on the file.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Command } from 'commander';
import { fmt } from '../../importer/progress.ts';
import { damageFormatOf, damageRecords } from '../../reconstruction/damageFile.io.ts';
import { DamageMapping } from '../../reconstruction/damageRow.ts';
import { reasonText } from '../../shared/reasons.ts';
import { damageQuarantine } from '../../store/reconstruction/damageImports.ts';
import { importDamage } from '../../store/reconstruction/importDamage.ts';
import { payShelterCash } from '../../store/reconstruction/tranches/payShelterCash.ts';
import { write } from '../../store/write.ts';
import { asUser, withUserOption } from '../actor.ts';
import { withStoreOptions } from '../options.ts';
import { reconstructionCommand } from './reconstructionProjects.ts';

/** The largest damage file the command reads (it is held in memory). */
const MAX_FILE_BYTES = 512 * 1024 * 1024;

type Opts = { dataDir?: string; user: string; mapping?: string; format?: string; tolerance?: string; json?: boolean };

function readMapping(file: string | undefined, tolerance: string | undefined): DamageMapping {
  let raw: unknown = {};
  if (file) {
    try {
      raw = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      throw new Error(`The mapping file could not be read as JSON: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  const parsed = DamageMapping.safeParse(tolerance === undefined ? raw : { ...(raw as object), toleranceM: Number(tolerance) });
  if (!parsed.success)
    throw new Error(
      `The mapping file is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}

export function register(program: Command): void {
  const recon = reconstructionCommand(program);
  registerShelterCash(recon);
  withStoreOptions(
    withUserOption(
      recon
        .command('import-damage')
        .argument('<file>', 'a .csv file with a header row, or a .geojson FeatureCollection of points or footprints')
        .description('import remote damage assessments: matched to the nearest building within the tolerance, else a new building'),
    ),
  )
    .option(
      '--mapping <file>',
      'JSON: {"columns": {"column in file": "lon|lat|damage_class|imagery_date|structure_ref"}, "classes": {"value in file": "destroyed|..."}, "toleranceM": 15}',
    )
    .option('--format <format>', 'csv or geojson (default: from the file name)')
    .option('--tolerance <metres>', 'match within this many metres (at most 50; default 15)')
    .option('--json', 'print the summary as JSON')
    .action(async (file: string, opts: Opts) => {
      const size = fs.statSync(file).size;
      if (size > MAX_FILE_BYTES) throw new Error(`The file is larger than ${MAX_FILE_BYTES} bytes: split it.`);
      const mapping = readMapping(opts.mapping, opts.tolerance);
      const format = damageFormatOf(file, opts.format);
      const bytes = fs.readFileSync(file);
      const text = bytes.toString('utf8');
      await asUser('reconstruction import-damage', opts, async (store, actor) => {
        const started = performance.now();
        const s = await importDamage(store.pool, actor, {
          fileName: file.split('/').pop() ?? file,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          format,
          mapping,
          records: damageRecords(text, format, mapping),
          today: new Date().toISOString().slice(0, 10),
        });
        const seconds = (performance.now() - started) / 1000;
        if (opts.json) {
          process.stdout.write(`${JSON.stringify({ ...s, seconds })}\n`);
          return;
        }
        const out = process.stdout;
        if (s.alreadyImported) out.write(`This file was already imported (import ${s.id}): nothing changed.\n`);
        out.write(`Damage import ${s.id} (${s.format}, tolerance ${s.toleranceM} m)\n`);
        out.write(`  rows read:          ${fmt(s.rows)}\n`);
        out.write(`  matched:            ${fmt(s.matched)}\n`);
        out.write(`  new buildings:      ${fmt(s.buildingsCreated)}\n`);
        out.write(`  quarantined:        ${fmt(s.quarantined)}\n`);
        for (const q of await damageQuarantine(store.pool, actor, s.id, 20))
          out.write(`    row ${q.rowNumber}: ${q.errors.map((e) => `${e.field} ${reasonText(e.reason, e.params)}`).join('; ')}\n`);
        if (s.quarantined > 20)
          out.write(`    ... and ${fmt(s.quarantined - 20)} more (GET /api/v1/reconstruction/damage-imports/${s.id})\n`);
        if (!s.alreadyImported) out.write(`  time:               ${seconds.toFixed(1)} s\n`);
      });
    });
}

/** sanad reconstruction pay-shelter-cash --month YYYY-MM: the same run as POST /api/v1/reconstruction/shelter-cash/payments. */
function registerShelterCash(recon: Command): void {
  withStoreOptions(
    withUserOption(
      recon
        .command('pay-shelter-cash')
        .description("pay a month's transitional shelter cash to every plan due and not yet paid (a second run pays nothing more)"),
    ),
  )
    .requiredOption('--month <YYYY-MM>', 'the month to pay')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { dataDir?: string; user: string; month: string; json?: boolean }) => {
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(opts.month)) throw new Error('--month must be written YYYY-MM.');
      await asUser('reconstruction pay-shelter-cash', opts, async (store, actor) => {
        const today = new Date().toISOString().slice(0, 10);
        const run = await write(store.pool, actor, { route: 'cli reconstruction pay-shelter-cash' }, async (ctx) => ({
          status: 200,
          body: await payShelterCash(ctx, opts.month, today),
        }));
        const r = run.body;
        if (opts.json) process.stdout.write(`${JSON.stringify(r)}\n`);
        else process.stdout.write(`Shelter cash ${r.month}: ${fmt(r.paid)} plans paid, ${r.total.toFixed(2)} in all.\n`);
      });
    });
}
