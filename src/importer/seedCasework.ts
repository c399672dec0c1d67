// `sanad seed`, after the households: a little casework on the seeded people so that a fresh start
// shows every screen populated. Life events (some only reported, some confirmed by their source),
// cases of several types (one child protection) waiting for a supervisor to assign them, referrals in
// two of them, and tickets of several categories (one data correction, one sensitive). Fictional:
// every person is synthetic, every text invented. A fixed handful whatever the number of households,
// written in one transaction through the ordinary store operations; seeding again adds nothing.
import type pg from 'pg';
import type { Actor } from '../access/actor.ts';
import type { CaseType } from '../shared/cases.ts';
import type { LifeEventKind, LifeEventSource } from '../shared/lifeEvents.ts';
import type { TicketCategory, TicketChannel } from '../shared/tickets.ts';
import { insertCase } from '../store/cases/openCase.ts';
import { recordLifeEvent } from '../store/lifeEvents/recordLifeEvent.ts';
import { takeTicket } from '../store/tickets/tickets.ts';
import { write } from '../store/write.ts';

export type CaseworkSummary = { lifeEvents: number; cases: number; referrals: number; tickets: number };

type Pick = { id: string; child: boolean };

const EVENTS: { kind: LifeEventKind; source: LifeEventSource; detail: Record<string, unknown> }[] = [
  { kind: 'injury', source: 'hospital', detail: { severity: 'moderate' } }, // confirmed by the hospital
  { kind: 'injury', source: 'family_report', detail: { severity: 'severe', lifeChanging: true } }, // reported
  { kind: 'lost_home', source: 'field_visit', detail: {} }, // confirmed by a field visit
  { kind: 'lost_livelihood', source: 'family_report', detail: {} }, // reported
  { kind: 'disability', source: 'field_visit', detail: { washingtonGroup: { walking: 'a_lot_of_difficulty' } } }, // confirmed
  { kind: 'missing', source: 'family_report', detail: {} }, // reported: only an official record confirms it
];

const CASES: { type: CaseType; referral?: string }[] = [
  { type: 'injured_person', referral: 'أُحيل إلى شريك العلاج الطبيعي (مثال تجريبي).' },
  { type: 'injured_person' },
  { type: 'bereaved_family', referral: 'أُحيل إلى خدمة الدعم النفسي والاجتماعي (مثال تجريبي).' },
  { type: 'lost_livelihood' },
  { type: 'other' },
];

const TICKETS: { category: TicketCategory; channel: TicketChannel; about: boolean; text: string }[] = [
  { category: 'data_correction', channel: 'hotline', about: true, text: 'يقول المتصل إن اسم الأب مكتوب خطأ في السجل (مثال تجريبي).' },
  { category: 'missed_assistance', channel: 'desk', about: true, text: 'لم تستلم الأسرة طرد الغذاء في الدورة الأخيرة (مثال تجريبي).' },
  { category: 'information_request', channel: 'suggestion_box', about: false, text: 'متى يبدأ التوزيع القادم في هذا الحي؟ (مثال تجريبي)' },
  { category: 'complaint_about_staff', channel: 'outreach', about: true, text: 'انتظار طويل عند نقطة التوزيع (مثال تجريبي).' },
  { category: 'other', channel: 'other_organisation', about: true, text: 'إحالة من منظمة شريكة للمتابعة (مثال تجريبي).' },
  { category: 'fraud', channel: 'hotline', about: false, text: 'بلاغ عن بيع قسائم (مثال تجريبي).' },
];

/** The casework, once per organisation (a change log entry marks it); null when it was seeded before. */
export async function seedCasework(pool: pg.Pool, actor: Actor): Promise<CaseworkSummary | null> {
  const done = await pool.query("SELECT 1 FROM change_log WHERE org_id = $1 AND entity = 'seed' AND action = 'seed_casework' LIMIT 1", [
    actor.orgId,
  ]);
  if (done.rowCount) return null;
  // seeded people of the actor's governorates in a fixed order (the seed decides who they are)
  const r = await pool.query<Pick & { governorate: string }>(
    `SELECT p.id, p.governorate, coalesce(p.date_of_birth > current_date - interval '18 years', false) AS child
       FROM person p JOIN household_member m ON m.person_id = p.id AND m.valid_to IS NULL
      WHERE p.org_id = $1 AND p.governorate = ANY($2::text[]) AND p.record_id IS NOT NULL
      ORDER BY p.record_id LIMIT 400`,
    [actor.orgId, actor.governorates],
  );
  const adults = r.rows.filter((p) => !p.child);
  const child = r.rows.find((p) => p.child);
  if (adults.length === 0) return { lifeEvents: 0, cases: 0, referrals: 0, tickets: 0 };
  const adult = (i: number) => adults[(i * 7) % adults.length]!;
  const out = await write(pool, actor, { route: 'sanad seed' }, async (ctx) => {
    const s: CaseworkSummary = { lifeEvents: 0, cases: 0, referrals: 0, tickets: 0 };
    for (const [i, e] of EVENTS.entries()) {
      await recordLifeEvent(ctx, adult(i).id, { ...e, date: null, confidence: 'medium', note: null });
      s.lifeEvents++;
    }
    const cases = [
      ...CASES.map((c, i) => ({ ...c, person: adult(i + 1) })),
      ...(child ? [{ type: 'child_protection' as const, person: child }] : []),
    ];
    for (const c of cases) {
      const id = await insertCase(ctx.client, {
        orgId: actor.orgId,
        governorate: r.rows.find((p) => p.id === c.person.id)!.governorate,
        type: c.type,
        personId: c.person.id,
        assignedTo: null,
        openedBy: actor.userId,
        lifeEventId: null,
        consent: { given: true },
      });
      await ctx.client.query("INSERT INTO case_entry (case_id, kind, body, author_id) VALUES ($1, 'opened', '{}', $2)", [id, actor.userId]);
      await ctx.log({ entity: 'case', entityId: id, action: 'open', after: { type: c.type, personId: c.person.id, seeded: true } });
      s.cases++;
      if ('referral' in c && c.referral) {
        await ctx.client.query("INSERT INTO case_entry (case_id, kind, body, author_id) VALUES ($1, 'referral', $2, $3)", [
          id,
          { text: c.referral },
          actor.userId,
        ]);
        await ctx.log({ entity: 'case', entityId: id, action: 'entry', after: { kind: 'referral', seeded: true } });
        s.referrals++;
      }
    }
    for (const [i, tk] of TICKETS.entries()) {
      const about = tk.about ? adult(i + 2) : null;
      await takeTicket(ctx, {
        channel: tk.channel,
        category: tk.category,
        personId: about?.id ?? null,
        governorate: about ? null : r.rows[0]!.governorate,
        object: null,
        description: tk.text,
      });
      s.tickets++;
    }
    await ctx.log({ entity: 'seed', entityId: null, action: 'seed_casework', after: s });
    return { status: 200, body: s };
  });
  return out.body;
}
