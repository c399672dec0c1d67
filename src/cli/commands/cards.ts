// sanad cards issue|print: a cycle's cards from the command line, for operators, through the same
// store code as the web app (POST /api/v1/aid/cycles/:id/cards and .../cards/sheet). `print` writes
// the whole cycle's printable A4 sheet (HTML) to a file in constant memory, with a progress bar; open
// it in a browser and print it (or print it to PDF with a headless browser).
import fs from 'node:fs';
import { finished } from 'node:stream/promises';
import { type Command, Option } from 'commander';
import type { SheetLang } from '../../aid/cardSheet.ts';
import { fmt, progressBar } from '../../importer/progress.ts';
import { issueCycleCards } from '../../store/aid/cycleCards.ts';
import { writeCycleCardSheet } from '../../store/aid/cycleCardSheet.ts';
import { loadSecretKey } from '../../store/secretKey.ts';
import { write } from '../../store/write.ts';
import { asUser, withUserOption } from '../actor.ts';
import { withStoreOptions } from '../options.ts';

type Opts = { dataDir?: string; user: string; cycle: string; progress?: boolean };

export function register(program: Command): void {
  const cards = program.command('cards').description("a cycle's household cards: issue the missing ones, print them");
  withStoreOptions(
    withUserOption(cards.command('issue').description('issue a card to every household entitled in the cycle that has no valid card')),
  )
    .requiredOption('--cycle <id>', 'the cycle (generated)')
    .option('--no-progress', 'no progress bar')
    .action(async (opts: Opts) => {
      await asUser('cards issue', opts, async (store, actor) => {
        const sk = loadSecretKey({ dataDir: opts.dataDir });
        let bar: ReturnType<typeof progressBar> | undefined;
        let issued = 0;
        try {
          for (;;) {
            const r = await write(store.pool, actor, { route: `POST /api/v1/aid/cycles/${opts.cycle}/cards` }, async (ctx) => ({
              status: 200,
              body: await issueCycleCards(ctx, sk, opts.cycle, 5000),
            }));
            issued += r.body.issued;
            bar ??= progressBar(r.body.entitled, 'households with a card', opts.progress !== false && process.stderr.isTTY === true);
            bar.update(r.body.withCard, { rows: fmt(r.body.withCard) });
            if (r.body.withoutCard === 0 || r.body.issued === 0) break;
          }
        } finally {
          bar?.stop();
        }
        process.stdout.write(`Issued ${fmt(issued)} cards.\n`);
      });
    });
  withStoreOptions(
    withUserOption(cards.command('print').description("the cycle's printable A4 sheet of cards (HTML; heads' names: keep it safe)")),
  )
    .requiredOption('--cycle <id>', 'the cycle (generated)')
    .requiredOption('--output <file>', 'the HTML file to write')
    .addOption(new Option('--lang <lang>', 'the language of the cards').choices(['ar', 'en']).default('ar'))
    .option('--no-progress', 'no progress bar')
    .action(async (opts: Opts & { output: string; lang: SheetLang }) => {
      await asUser('cards print', opts, async (store, actor) => {
        const out = fs.createWriteStream(opts.output, { mode: 0o600 });
        let bar: ReturnType<typeof progressBar> | undefined;
        const s = await writeCycleCardSheet(store.pool, actor, loadSecretKey({ dataDir: opts.dataDir }), opts.cycle, out, {
          lang: opts.lang,
          onStart: (n) => {
            bar = progressBar(n, 'cards', opts.progress !== false && process.stderr.isTTY === true);
          },
          onProgress: (n) => bar?.update(n, { rows: fmt(n) }),
        }).finally(() => bar?.stop());
        out.end();
        await finished(out);
        process.stdout.write(`Wrote ${fmt(s.cards)} cards to ${opts.output} in ${s.seconds.toFixed(1)} s.\n`);
      });
    });
}
