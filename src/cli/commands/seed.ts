// sanad seed --households N: synthetic households (never real people) for trying Sanad.
import type { Command } from 'commander';
import { storeFromOptions, withStoreOptions } from '../options.ts';
import { seed } from '../../importer/seed.ts';
import { fmt, progressBar } from '../../importer/progress.ts';
import { wholeNumber } from '../numberOption.ts';

type SeedCli = {
  dataDir?: string;
  households: number;
  seed: number;
  user?: string;
  password?: string;
  casework?: boolean;
  progress?: boolean;
};

export function register(program: Command): void {
  withStoreOptions(
    program
      .command('seed')
      .description(
        'load synthetic households (Arabic four-part names, Gaza and the West Bank, displacement) to try Sanad; never real people',
      )
      .requiredOption('--households <n>', 'how many households to generate', wholeNumber(1, 10_000_000))
      .option('--seed <n>', 'random seed: the same seed gives the same people', wholeNumber(0, 2 ** 31 - 1), 1)
      .option(
        '--user <username>',
        'load as this user (an administrator or registration officer); needed once the store has users (without it, in a store without users, a demo administrator is created)',
      )
      .option('--password <password>', 'password for the demo administrator when it is created (default: a random one, printed once)')
      .option(
        '--casework',
        'also add life events, cases with referrals and tickets on the seeded people (the default when seed creates the demo administrator)',
      )
      .option('--no-casework', 'without them')
      .option('--no-progress', 'no progress bar'),
  ).action(async (opts: SeedCli) => {
    const store = await storeFromOptions(opts);
    try {
      let bar: ReturnType<typeof progressBar> | undefined;
      const s = await seed(store.pool, {
        households: opts.households,
        seed: opts.seed,
        username: opts.user,
        password: opts.password,
        casework: opts.casework,
        onProgress: (p) => {
          bar ??= progressBar(p.totalBytes, 'persons', opts.progress !== false && process.stderr.isTTY === true);
          bar.update(p.bytesRead, { rows: fmt(p.rows) });
        },
      }).finally(() => bar?.stop());
      const out = process.stdout;
      if (s.orgCreated) out.write('Created the organisation "Demo organisation".\n');
      if (s.admin.created) {
        out.write(`Created the administrator '${s.admin.username}'.\n`);
        if (s.admin.password) out.write(`  Its password (shown once; change it on My account after signing in): ${s.admin.password}\n`);
        out.write(`  Sign in with: sanad serve --data-dir ${opts.dataDir ?? 'data'}  and log in as ${s.admin.username}\n`);
      }
      if (s.users.length > 0)
        out.write(
          `Created the reconstruction users ${s.users.map((u) => `'${u.username}' (${u.role})`).join(', ')}, with the administrator's password.\n`,
        );
      const i = s.import;
      if (i.alreadyImported) out.write('These synthetic households were already loaded: nothing changed.\n');
      out.write(
        `Synthetic data: ${fmt(i.rows)} persons read, ${fmt(i.personsCreated)} persons and ${fmt(i.householdsCreated)} households created, ` +
          `${fmt(i.loaded)} memberships, ${fmt(s.displacements)} displacements, ${fmt(i.unverifiedIds)} unverified IDs, ${fmt(i.rejected)} rejected.\n`,
      );
      const c = s.casework;
      if (c)
        out.write(
          `Casework: ${c.lifeEvents} life events, ${c.cases} cases (${c.referrals} with a referral), ${c.tickets} tickets (one a data correction).\n`,
        );
      const r = s.reconstruction;
      out.write(
        `Reconstruction: ${fmt(r.buildings)} buildings with ${fmt(r.assessments)} remote damage assessments (${fmt(r.quarantined)} rows in quarantine), ${fmt(r.units)} housing units with their owners or tenants.\n`,
      );
      const k = s.claims;
      if (k)
        out.write(
          `Claims: ${k.fieldAssessments} field assessments, ${k.claims} claims in ${k.cases} cases (filed, to inspection, verified, approved, refused), ` +
            `${k.plans} plan with ${k.released} released tranche, ${k.sales} vendor sale, ${k.projects} projects.\n`,
        );
      out.write(`Try: sanad export aggregates --hxl --user ${s.admin.username} --data-dir ${opts.dataDir ?? 'data'}\n`);
    } finally {
      await store.close();
    }
  });
}
