// `sanad reconstruction export-iati` and GET /api/v1/reconstruction/projects/iati: the projects the
// actor sees as an IATI 2.03 iati-activities document, streamed a page of projects at a time
// (constant memory), with the back-pressure of the output respected. Public data only: projects,
// organisations, amounts and governorates; never a person, a household or a claim.
import fs from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type pg from 'pg';
import type { Actor } from '../access/actor.ts';
import { activityXml, documentHead, documentTail } from '../iati/activity.ts';
import { governorates } from '../places/governorates.ts';
import { toIatiActivity } from '../reconstruction/projects.ts';
import { iatiProjects } from '../store/reconstruction/projects/iatiProjects.ts';
import { appendLog } from '../store/write.ts';

export type IatiExportOptions = {
  output: string | Writable;
  organisation?: string | undefined;
  onProgress?: (p: { activities: number; total: number }) => void;
  /** The document's generated-datetime (default now). */
  now?: Date;
};

const names = new Map(governorates.map((g) => [g.pcode, { en: g.nameEn, ar: g.nameAr }]));
const nameOf = (pcode: string) => names.get(pcode) ?? { en: pcode, ar: pcode };

async function put(out: Writable, s: string): Promise<void> {
  if (!out.write(s)) await once(out, 'drain');
}

export async function exportIati(pool: pg.Pool, actor: Actor, opts: IatiExportOptions): Promise<{ activities: number; seconds: number }> {
  const started = performance.now();
  const out = typeof opts.output === 'string' ? fs.createWriteStream(opts.output) : opts.output;
  await appendLog(pool, actor, {
    entity: 'reconstruction_project',
    entityId: null,
    action: 'export_iati',
    after: { organisation: opts.organisation ?? null },
  });
  let total = 0;
  let activities = 0;
  try {
    await put(out, documentHead(`${(opts.now ?? new Date()).toISOString().slice(0, 19)}Z`));
    for await (const page of iatiProjects(pool, actor, { organisation: opts.organisation }, (n) => {
      total = n;
    })) {
      // one write per page: a few hundred kilobytes at most
      await put(out, page.map((p) => activityXml(toIatiActivity(p, nameOf))).join(''));
      activities += page.length;
      opts.onProgress?.({ activities, total });
    }
    await put(out, documentTail);
  } finally {
    if (typeof opts.output === 'string') {
      out.end();
      await once(out, 'close');
    }
  }
  return { activities, seconds: (performance.now() - started) / 1000 };
}
