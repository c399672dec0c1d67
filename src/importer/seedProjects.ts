// `sanad seed` on a fresh start: three reconstruction projects of the demo organisation (two in the
// Gaza Strip, one in the Jenin camp), each with a budget for its first year, commitments and
// disbursements, checked by the same rules as the API (projectProblems) and written by the ordinary
// operations. Invented organisations and figures; dates relative to today so that none is in the future.
import type pg from 'pg';
import type { Actor } from '../access/actor.ts';
import { dayInPalestine } from '../reconstruction/fieldAssessment.ts';
import { COMMITMENT, DISBURSEMENT, type ProjectDraft, projectProblems, transactionProblems } from '../reconstruction/projects.ts';
import { createProject } from '../store/reconstruction/projects/createProject.ts';
import { recordTransaction } from '../store/reconstruction/projects/recordTransaction.ts';
import { write } from '../store/write.ts';

const REPORTING = { ref: 'PS-MOI-90001', type: '22', name: 'Demo organisation' };
const FUND = { type: '40', name: 'Example Reconstruction Fund (demo)' };

type Seeded = {
  id: string;
  title: ProjectDraft['title'];
  units: number;
  governorates: string[];
  budget: number;
  committed: number[];
  disbursed: number[];
};

const PROJECTS: Seeded[] = [
  {
    id: 'RECON-GAZA-01',
    title: {
      en: 'Rebuilding destroyed homes in Gaza City and North Gaza (demo)',
      ar: 'إعادة بناء المنازل المدمرة في غزة وشمالها (تجريبي)',
    },
    units: 60,
    governorates: ['PS0260', 'PS0255'],
    budget: 2_400_000,
    committed: [800_000, 400_000],
    disbursed: [300_000, 150_000],
  },
  {
    id: 'RECON-KHY-02',
    title: { en: 'Repair of damaged homes in Khan Younis (demo)', ar: 'ترميم المنازل المتضررة في خان يونس (تجريبي)' },
    units: 110,
    governorates: ['PS0270'],
    budget: 900_000,
    committed: [600_000],
    disbursed: [250_000],
  },
  {
    id: 'RECON-JEN-03',
    title: { en: 'Rehabilitation of homes in Jenin camp (demo)', ar: 'تأهيل المنازل في مخيم جنين (تجريبي)' },
    units: 35,
    governorates: ['PS0101'],
    budget: 350_000,
    committed: [200_000],
    disbursed: [80_000],
  },
];

const dayBefore = (days: number) => dayInPalestine(new Date(Date.now() - days * 86_400_000));

function draft(p: Seeded): ProjectDraft {
  const start = dayBefore(240);
  return {
    iatiIdentifier: `${REPORTING.ref}-${p.id}`,
    reportingOrg: REPORTING,
    title: p.title,
    description: {
      en: 'Grants in tranches, each released after an engineer’s inspection; materials from approved vendors. Invented for trying Sanad.',
      ar: 'منح على دفعات، تُصرف كل دفعة بعد كشف مهندس؛ ومواد من موردين معتمدين. بيانات مختلقة لتجربة سند.',
    },
    activityStatus: '2',
    housingUnits: p.units,
    participatingOrgs: [
      { role: '1', ...FUND },
      { role: '4', ...REPORTING },
    ],
    plannedStart: start,
    plannedEnd: dayBefore(-480),
    actualStart: start,
    currency: 'USD',
    sectors: [
      { code: '73010', percentage: 80 },
      { code: '16040', percentage: 20 },
    ],
    locations: p.governorates.map((governorate) => ({ governorate })),
    budgets: [{ type: '1', status: '2', periodStart: start, periodEnd: dayBefore(-120), value: p.budget }],
  };
}

export async function seedProjects(pool: pg.Pool, admin: Actor): Promise<number> {
  const today = dayBefore(0);
  const made = await write(pool, admin, { route: 'sanad seed' }, async (ctx) => {
    for (const p of PROJECTS) {
      const d = draft(p);
      const problems = projectProblems(d, today);
      if (problems.length) throw new Error(`seed: project ${p.id} refused: ${JSON.stringify(problems)}`);
      const project = await createProject(ctx, d);
      const money = [
        ...p.committed.map((value, i) => ({ type: COMMITMENT, value, date: dayBefore(200 - i * 60) })),
        ...p.disbursed.map((value, i) => ({ type: DISBURSEMENT, value, date: dayBefore(150 - i * 60) })),
      ];
      for (const t of money) {
        const tx = { ...t, provider: FUND, receiver: REPORTING };
        if (transactionProblems(tx, today).length) throw new Error(`seed: a transaction of ${p.id} was refused`);
        await recordTransaction(ctx, project.id, tx);
      }
    }
    return { status: 201, body: PROJECTS.length };
  });
  return made.body;
}
