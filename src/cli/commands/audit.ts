import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { verifyAuditChain } from '../../store/auditVerify.ts';
import { asUser, withUserOption } from '../actor.ts';
import { withStoreOptions } from '../options.ts';

export function register(program: Command): void {
  const audit = program.command('audit').description('check the change log');
  withStoreOptions(
    withUserOption(
      audit.command('verify').description('verify the hash chain of the change log; names the first edited, deleted or reordered row'),
    ),
  ).action(async (o: { dataDir?: string; user: string }) => {
    await asUser('audit verify', o, async (store) => {
      const bar = new cliProgress.SingleBar(
        { format: 'verifying [{bar}] {value}/{total} rows', stream: process.stderr, hideCursor: true },
        cliProgress.Presets.shades_classic,
      );
      let started = false;
      const r = await verifyAuditChain(store.pool, (done, total) => {
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        bar.update(done);
      });
      if (started) bar.stop();
      if (r.ok) {
        process.stdout.write(`change log intact: ${r.rows} rows, head ${r.head}\n`);
      } else {
        process.stdout.write(`change log BROKEN at row seq=${r.firstBadSeq}: ${r.problem.replace(/_/g, ' ')} (${r.rows} rows read)\n`);
        process.exitCode = 3;
      }
    });
  });
}
