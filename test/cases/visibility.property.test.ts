// Random sequences of cases (opened, transferred, shared until a date) and tickets (taken, assigned),
// then every user of every role, in and out of the organisation and the governorate, asks for each
// one: a case file is read only by its caseworker, the supervisors of its governorate and those it is
// shared with (while the share lasts); a ticket by the focal points of its governorate, whoever has it
// assigned, and whoever took it unless it is sensitive. Sensitive ones are not even listed to others.
// The expectations come from a model kept by the test, not from src/cases or src/tickets.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { type Role, roles } from '../../src/shared/roles.ts';
import { caseTypes } from '../../src/shared/cases.ts';
import { allows } from '../../src/shared/permissions.ts';
import { isSensitiveTicket, ticketCategories } from '../../src/shared/tickets.ts';
import { household } from '../households/support.ts';
import type { TestUser } from '../support/factories.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();

type Where = 'same' | 'otherGovernorate' | 'otherOrg';
type Pooled = { u: TestUser; role: Role; where: Where };
type CaseModel = { id: string; sensitive: boolean; openedBy: string; assignedTo: string; shares: Map<string, boolean> };
type TicketModel = { id: string; sensitive: boolean; createdBy: string; assignedTo: string | null };

const CASEWORK: readonly Role[] = ['caseworker', 'case_supervisor'];
const SENSITIVE_CASES = new Set(['child_protection', 'gender_based_violence']);

// `by` picks among the users a command is meant for (including those of the other governorate and
// organisation, who must be refused); `asAssignee` acts as the case's caseworker.
const Command = fc.oneof(
  fc.record({ do: fc.constant('open' as const), type: fc.constantFrom(...caseTypes), by: fc.nat() }),
  {
    weight: 2,
    arbitrary: fc.record({ do: fc.constant('assign' as const), c: fc.nat(), by: fc.nat(), asAssignee: fc.boolean(), to: fc.nat() }),
  },
  fc.record({
    do: fc.constant('share' as const),
    c: fc.nat(),
    by: fc.nat(),
    asAssignee: fc.boolean(),
    to: fc.nat(),
    lasting: fc.constantFrom('good', 'past', 'future'),
  }),
  fc.record({ do: fc.constant('take' as const), category: fc.constantFrom(...ticketCategories), by: fc.nat() }),
  { weight: 2, arbitrary: fc.record({ do: fc.constant('assignTicket' as const), k: fc.nat(), by: fc.nat(), to: fc.nat() }) },
);
type Cmd = typeof Command extends fc.Arbitrary<infer C> ? C : never;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

function mayReadCase(p: Pooled, c: CaseModel): boolean {
  if (p.where === 'otherOrg' || !CASEWORK.includes(p.role)) return false;
  if (c.assignedTo === p.u.id) return true;
  if (p.role === 'case_supervisor' && p.where === 'same') return true;
  return c.shares.get(p.u.id) === true;
}

function mayReadTicket(p: Pooled, k: TicketModel): boolean {
  if (p.where === 'otherOrg' || !allows('GET /api/v1/tickets/:id', p.role)) return false;
  if (p.role === 'feedback_focal_point' && p.where === 'same') return true;
  if (k.assignedTo === p.u.id) return true;
  return !k.sensitive && k.createdBy === p.u.id;
}

async function pool(): Promise<{ users: Pooled[]; personId: string }> {
  const users: Pooled[] = [];
  const first = await t.user({ role: 'registration_officer' });
  const orgId = first.orgId;
  for (const role of roles)
    for (const where of ['same', 'same', 'otherGovernorate', 'otherOrg'] as const) {
      const u = await t.user({
        role,
        ...(where === 'otherOrg' ? {} : { orgId }),
        ...(where === 'otherGovernorate' ? { governorates: ['PS0105'] } : {}),
      });
      users.push({ u, role, where });
    }
  const h = await household(t, first, []);
  return { users, personId: h.head };
}

/** Runs one command against the API and the model; names the write when it went through. */
async function run(cmd: Cmd, users: Pooled[], personId: string, cases: CaseModel[], tickets: TicketModel[]): Promise<string | null> {
  const among = (ps: Pooled[]) => ps[cmd.by % ps.length]!;
  const casework = users.filter((p) => CASEWORK.includes(p.role));
  let by = among(cmd.do === 'assignTicket' ? users.filter((p) => p.role === 'feedback_focal_point') : cmd.do === 'take' ? users : casework);
  const expectOk = (status: number, allowed: boolean, what: string) => {
    // a refused write is fine; a write that went through must have been allowed
    if (status < 300) expect(allowed, `${what} by ${by.role}/${by.where} went through`).toBe(true);
  };
  if (cmd.do === 'open') {
    const r = await t.post(by.u, '/api/v1/cases', { type: cmd.type, personId, consent: { given: true } });
    expectOk(r.statusCode, CASEWORK.includes(by.role) && by.where !== 'otherOrg', 'opening a case');
    if (r.statusCode !== 201) return null;
    cases.push({ id: r.json().id, sensitive: SENSITIVE_CASES.has(cmd.type), openedBy: by.u.id, assignedTo: by.u.id, shares: new Map() });
    return 'cases';
  } else if (cmd.do === 'assign' || cmd.do === 'share') {
    const c = cases[cmd.c % Math.max(cases.length, 1)];
    if (!c) return null;
    // a transfer goes to casework roles (others are refused); a share to anyone
    const to = cmd.do === 'assign' ? casework[cmd.to % casework.length]! : users[cmd.to % users.length]!;
    if (cmd.asAssignee) by = users.find((p) => p.u.id === c.assignedTo) ?? by;
    // the caseworker it is assigned to, or a supervisor of its governorate (a share only reads)
    const canAct = by.where !== 'otherOrg' && (c.assignedTo === by.u.id || (by.role === 'case_supervisor' && by.where === 'same'));
    if (cmd.do === 'assign') {
      const r = await t.post(by.u, `/api/v1/cases/${c.id}/assign`, { userId: to.u.id });
      expectOk(r.statusCode, canAct && CASEWORK.includes(to.role) && to.where === 'same', 'a transfer');
      if (r.statusCode !== 200) return null;
      c.assignedTo = to.u.id;
      return 'transfers';
    }
    {
      const until = cmd.lasting === 'good' ? undefined : day(cmd.lasting === 'past' ? -3 : 30);
      const r = await t.post(by.u, `/api/v1/cases/${c.id}/share`, { userId: to.u.id, ...(until ? { until } : {}) });
      expectOk(r.statusCode, canAct && to.where !== 'otherOrg', 'a share');
      if (r.statusCode !== 200) return null;
      c.shares.set(to.u.id, cmd.lasting !== 'past');
      return 'shares';
    }
  } else if (cmd.do === 'take') {
    const r = await t.post(by.u, '/api/v1/tickets', { channel: 'desk', category: cmd.category, personId, description: 'synthetic' });
    if (r.statusCode !== 201) return null;
    tickets.push({ id: r.json().id, sensitive: isSensitiveTicket(cmd.category), createdBy: by.u.id, assignedTo: null });
    return 'tickets';
  }
  {
    const k = tickets[cmd.k % Math.max(tickets.length, 1)];
    if (!k) return null;
    const workers = users.filter((p) => allows('GET /api/v1/tickets/:id', p.role));
    const to = workers[cmd.to % workers.length]!;
    const r = await t.post(by.u, `/api/v1/tickets/${k.id}/steps`, { action: 'assign', userId: to.u.id });
    expectOk(
      r.statusCode,
      by.role === 'feedback_focal_point' && mayReadTicket(by, k) && to.where === 'same' && allows('GET /api/v1/tickets/:id', to.role),
      'a ticket assignment',
    );
    if (r.statusCode !== 200) return null;
    k.assignedTo = to.u.id;
    return 'assigned';
  }
}

/** Every open ticket the user's queue lists, page after page (the runs' tickets pile up in one database); null when refused. */
async function listedTickets(u: Pooled['u']): Promise<Set<string> | null> {
  const ids = new Set<string>();
  let cursor: string | null = null;
  do {
    const r = await t.get(u, `/api/v1/tickets?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    if (r.statusCode !== 200) return null;
    for (const k of r.json().items as { id: string }[]) ids.add(k.id);
    cursor = r.json().nextCursor;
  } while (cursor);
  return ids;
}

async function check(users: Pooled[], personId: string, cases: CaseModel[], tickets: TicketModel[]): Promise<void> {
  for (const p of users) {
    const who = `${p.role}/${p.where}`;
    for (const c of cases) {
      const r = await t.get(p.u, `/api/v1/cases/${c.id}`);
      expect(r.statusCode === 200, `${who} reads case ${c.id}`).toBe(mayReadCase(p, c));
    }
    const listed = await t.get(p.u, `/api/v1/persons/${personId}/cases`);
    if (listed.statusCode === 200) {
      const ids = new Set(listed.json().items.map((c: { id: string }) => c.id));
      for (const c of cases.filter((x) => x.sensitive)) expect(ids.has(c.id), `${who} sees sensitive case listed`).toBe(mayReadCase(p, c));
    }
    for (const k of tickets) {
      const r = await t.get(p.u, `/api/v1/tickets/${k.id}`);
      expect(r.statusCode === 200, `${who} reads ticket ${k.id}`).toBe(mayReadTicket(p, k));
    }
    const ids = await listedTickets(p.u);
    if (ids) for (const k of tickets) expect(ids.has(k.id), `${who} has ticket listed`).toBe(mayReadTicket(p, k));
  }
}

test('no case or ticket is readable or listed outside its caseworker, supervisors, shares, focal points and taker', async () => {
  const { users, personId } = await pool();
  const made: Record<string, number> = { cases: 0, shares: 0, transfers: 0, tickets: 0, assigned: 0 };
  await fc.assert(
    fc.asyncProperty(fc.array(Command, { minLength: 8, maxLength: 24 }), async (cmds) => {
      const cases: CaseModel[] = [];
      const tickets: TicketModel[] = [];
      for (const cmd of cmds) {
        const done = await run(cmd, users, personId, cases, tickets);
        if (done) made[done] = (made[done] ?? 0) + 1;
      }
      await check(users, personId, cases, tickets);
    }),
    { numRuns: 30 },
  );
  console.log('exercised', made);
  // the sequences did exercise every kind of write that is checked
  for (const kind of ['cases', 'shares', 'transfers', 'tickets', 'assigned']) expect(made[kind], kind).toBeGreaterThan(0);
}, 300_000);
