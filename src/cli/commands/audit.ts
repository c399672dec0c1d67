import fs from 'node:fs/promises';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { type Anchor, AnchorFile, createAnchor } from '../../store/auditAnchor.ts';
import { type AuditResult, verifyAuditChain } from '../../store/auditVerify.ts';
import type { Store } from '../../store/open.ts';
import { asUser, withUserOption } from '../actor.ts';
import { withStoreOptions } from '../options.ts';

const collect = (v: string, all: string[]) => [...all, v];

export function register(program: Command): void {
  const audit = program.command('audit').description('check the change log');
  withStoreOptions(
    withUserOption(
      audit
        .command('verify')
        .description(
          'verify the hash chain of the change log against its stored anchors and the anchor files given; names the first edited, deleted or reordered row, or a rollback',
        ),
    ),
  )
    .option('--anchor <file>', 'an anchor kept elsewhere (sanad audit anchor --output); may be repeated', collect, [])
    .action(async (o: { dataDir?: string; user: string; anchor: string[] }) => {
      const files = await readAnchors(o.anchor);
      await asUser('audit verify', o, async (store) => report(await verifyWithProgress(store, files)));
    });
  withStoreOptions(
    withUserOption(
      audit
        .command('anchor')
        .description(
          "sign the change log's head (seq, hash, time) with the server's key and store it; keep the output elsewhere or publish it",
        ),
    ),
  )
    .option('--output <file>', 'write the anchor (JSON) to this file instead of standard output')
    .action(async (o: { dataDir?: string; user: string; output?: string }) => {
      await asUser('audit anchor', o, async (store, actor) => {
        const anchor = await createAnchor(store.pool, needKey(store), actor);
        const text = `${JSON.stringify(anchor, null, 2)}\n`;
        if (o.output) {
          await fs.writeFile(o.output, text, { flag: 'wx' });
          process.stderr.write(`anchor of seq ${anchor.seq} written to ${o.output}\n`);
        } else process.stdout.write(text);
      });
    });
}

const needKey = (store: Store) => {
  if (!store.secretKey) throw new Error("the server's secret key is needed (SANAD_SECRET_KEY or DATA/secret.key)");
  return store.secretKey;
};

async function readAnchors(files: string[]): Promise<Anchor[]> {
  const out: Anchor[] = [];
  for (const f of files) {
    const parsed = AnchorFile.safeParse(JSON.parse(await fs.readFile(f, 'utf8').catch(() => 'null')));
    if (!parsed.success) throw new Error(`${f} is not an anchor written by sanad audit anchor`);
    out.push(parsed.data);
  }
  return out;
}

async function verifyWithProgress(store: Store, anchors: Anchor[]): Promise<AuditResult> {
  const bar = new cliProgress.SingleBar(
    { format: 'verifying [{bar}] {value}/{total} rows', stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  const r = await verifyAuditChain(store.pool, needKey(store), {
    anchors,
    onProgress: (done, total) => {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
  });
  if (started) bar.stop();
  return r;
}

function report(r: AuditResult): void {
  const anchors = r.anchors.latest
    ? `; ${r.anchors.checked} anchor(s), the latest at seq ${r.anchors.latest.seq} (${r.anchors.latest.anchoredAt})`
    : '; no anchor (sanad audit anchor)';
  if (r.ok) {
    process.stdout.write(`change log intact: ${r.rows} rows, head ${r.head}, keyed from seq ${r.keyedFrom}${anchors}\n`);
    return;
  }
  const what =
    r.problem === 'rolled_back'
      ? `ROLLED BACK: an anchor names seq ${r.anchors.latest?.seq}, the chain ends at seq ${r.firstBadSeq - 1} (an older copy of the database?)`
      : `BROKEN at row seq=${r.firstBadSeq}: ${r.problem.replace(/_/g, ' ')}`;
  process.stdout.write(`change log ${what} (${r.rows} rows read)${anchors}\n`);
  process.exitCode = 3;
}
