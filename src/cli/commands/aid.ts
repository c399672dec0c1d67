// sanad aid generate|reconcile|report: a cycle's entitlement list, its reconciliation, and the
// HXL-tagged 3W/5W CSV, from the command line (the same store code as the API).
import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { generateCycle } from '../../store/aid/generate.ts';
import { threeW } from '../../store/aid/reports.ts';
import { reconciliation } from '../../store/aid/reconciliation.ts';
import { write } from '../../store/write.ts';
import { asUser, withUserOption } from '../actor.ts';
import { withStoreOptions } from '../options.ts';

export function register(program: Command): void {
  const aid = program.command('aid').description('aid cycles: generate entitlements, reconcile stock, 3W/5W report (HXL)');
  withStoreOptions(
    withUserOption(
      aid.command('generate').description("generate a cycle's entitlement list from the registry as it stood on its cut-off date"),
    ),
  )
    .requiredOption('--cycle <id>', 'the cycle')
    .action(async (opts: { dataDir?: string; user: string; cycle: string }) => {
      await asUser('aid generate', opts, async (store, actor) => {
        const r = await write(store.pool, actor, { route: `POST /api/v1/aid/cycles/${opts.cycle}/generate` }, async (ctx) => ({
          status: 200,
          body: await generateCycle(ctx, opts.cycle),
        }));
        process.stdout.write(
          `Generated ${r.body.entitlements} entitlements for ${r.body.households} households in ${(r.body.ms / 1000).toFixed(1)} s.\n`,
        );
      });
    });
  withStoreOptions(
    withUserOption(aid.command('reconcile').description('entitled vs distributed vs dispatched vs remaining, per point and item (JSON)')),
  )
    .requiredOption('--cycle <id>', 'the cycle')
    .action(async (opts: { dataDir?: string; user: string; cycle: string }) => {
      await asUser('aid reconcile', opts, async (store, actor) => {
        process.stdout.write(`${JSON.stringify(await reconciliation(store.pool, actor, opts.cycle), null, 2)}\n`);
      });
    });
  withStoreOptions(withUserOption(aid.command('report').description('the 3W/5W CSV of a cycle with HXL hashtags (counts only)')))
    .requiredOption('--cycle <id>', 'the cycle')
    .option('--output <file>', "the CSV file to write ('-' for stdout)", '-')
    .action(async (opts: { dataDir?: string; user: string; cycle: string; output: string }) => {
      await asUser('aid report', opts, async (store, actor) => {
        const rows = await threeW(store.pool, actor, opts.cycle);
        if (opts.output === '-') process.stdout.write(stringify(rows));
        else {
          await fs.writeFile(opts.output, stringify(rows));
          process.stdout.write(`Wrote ${rows.length - 2} rows to ${opts.output}.\n`);
        }
      });
    });
}
