// Web search benchmark: how long the web app takes to show search results over N persons
// (default 1,000,000 synthetic persons, the lookup benchmark's data, loaded on first use), in
// Debian's chromium against a real `sanad serve` on loopback.
//
//   npm run bench:web-search [-- --persons 1000000 --queries 200]
//
// What is timed, inside the page: from submitting the search form (the term already typed) to the
// frame after the results are in the page (the submit button is enabled again in the same React
// commit that renders them), so it covers the request, the server's search, JSON, React's render
// and layout. Prints p50/p95/p99 per kind of query and how often the queried person is in the list.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { createOrganisation, createUser } from '../src/store/access/createUser.ts';
import { createSession } from '../src/store/access/sessions.ts';
import { openStore } from '../src/store/open.ts';
import { governorateCodes } from '../src/places/governorates.ts';
import { latencies, lookupData, lookupDataDir } from './lookupData.ts';
import { numberArg } from './args.ts';

const PERSONS = numberArg('persons', 1_000_000);
const QUERIES = numberArg('queries', 200);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = path.resolve(import.meta.dirname, '..');
const command = `npm run bench:web-search -- --persons ${PERSONS} --queries ${QUERIES}`;

if (!fs.existsSync(path.join(ROOT, 'web/dist/index.html'))) {
  process.stderr.write('building the web app...\n');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
}

// Data and a signed-in registration officer (the session is made in the store: this benchmark
// times search, not sign-in).
const dataDir = lookupDataDir(PERSONS);
const store = await openStore({ dataDir });
const orgId = await createOrganisation(store.pool, 'Benchmark organisation');
const samples = (await lookupData(store, orgId, PERSONS, Math.max(QUERIES, 1000))).slice(0, QUERIES);
const userId = await createUser(store.pool, {
  orgId,
  username: `web-bench-${Date.now()}`,
  password: 'benchmark-password-1',
  role: 'registration_officer',
  governorates: [...governorateCodes],
});
const session = await createSession(store.pool, userId);
await store.close();

const server = spawn(process.execPath, [path.join(ROOT, 'bin/sanad.js'), 'serve', '--port', '0', '--data-dir', dataDir], {
  cwd: ROOT,
  stdio: ['ignore', 'pipe', 'inherit'],
});
const base = await new Promise<string>((resolve, reject) => {
  let out = '';
  server.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    const m = out.match(/listening on (http:\/\/[^\s"]+)/);
    if (m) resolve(m[1]!);
  });
  server.on('exit', (code) => reject(new Error(`sanad serve exited (${code})`)));
});
server.stdout!.resume();

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
try {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ar' });
  const stored = JSON.stringify({ token: session.token, expiresAt: session.expiresAt, role: 'registration_officer' });
  await context.addInitScript(`sessionStorage.setItem('sanad.session', ${JSON.stringify(stored)})`);
  const page = await context.newPage();
  await page.goto(`${base}/search`);
  await page.waitForSelector('form[role=search] input[name=term]');

  async function search(mode: 'name' | 'nationalId', term: string): Promise<{ ms: number; ids: string[] }> {
    await page.check(`form[role=search] input[name=mode][value=${mode}]`);
    await page.fill('form[role=search] input[name=term]', term);
    // In the page (a string: this project's TypeScript has no DOM types outside web/).
    const ms = await page.evaluate<number>(`new Promise((resolve) => {
      const form = document.querySelector('form[role=search]');
      const button = form.querySelector('button[type=submit]');
      let busy = false;
      const t0 = performance.now();
      const seen = new MutationObserver(() => {
        if (button.disabled) busy = true;
        else if (busy) {
          seen.disconnect();
          // The frame that shows the results, then the task after it.
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
        }
      });
      seen.observe(button, { attributes: true, attributeFilter: ['disabled'] });
      form.requestSubmit();
    })`);
    const hrefs = await page
      .locator('section.results a[href^="/persons/"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    const ids = hrefs.map((h) => h.split('/')[2]!);
    return { ms, ids };
  }

  async function run(name: string, mode: 'name' | 'nationalId', queries: { term: string; expect: string | undefined }[]) {
    const times: number[] = [];
    let found = 0;
    for (const [i, q] of queries.entries()) {
      const r = await search(mode, q.term);
      if (i >= 10) times.push(r.ms); // the first 10: warm-up
      if (q.expect && r.ids.includes(q.expect)) found++;
    }
    return {
      name,
      ...latencies(times),
      max: Math.max(...times),
      recall: found / queries.length,
    };
  }

  const withId = samples.filter((s) => s.record.nationalId);
  const withLatin = samples.filter((s) => s.latin);
  const results = [
    await run(
      'national ID',
      'nationalId',
      withId.map((s) => ({ term: s.record.nationalId!, expect: s.id })),
    ),
    await run(
      'name: four parts (Arabic)',
      'name',
      samples.map((s) => ({ term: s.record.fullName, expect: s.id })),
    ),
    await run(
      'name: spelling variant (Arabic)',
      'name',
      samples.map((s) => ({ term: s.variant, expect: s.id })),
    ),
    await run(
      'name: Latin transliteration',
      'name',
      withLatin.map((s) => ({ term: s.latin!, expect: s.id })),
    ),
  ];
  const lines = [
    `Search results shown in the web app over ${PERSONS.toLocaleString('en')} persons: chromium ${browser.version()} (headless, 390x844), sanad serve on loopback, ${os.cpus().length} cores`,
    `load average at the end: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (1, 5, 15 min)`,
    '',
    '| query | n | p50 ms | p95 ms | p99 ms | max ms | person in the list |',
    '|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.name} | ${r.n} | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} | ${r.p99.toFixed(0)} | ${r.max.toFixed(0)} | ${(r.recall * 100).toFixed(1)}% |`,
    ),
    '',
    'Target (issue #5): results shown in under 300 ms.',
    `command: ${command}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  await browser.close();
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
}
