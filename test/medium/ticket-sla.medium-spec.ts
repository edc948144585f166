import { ManageStaffGroups } from '@domain/identity';
import { SYSTEM_ACTOR } from '@domain/shared';
import {
  AssignTicket,
  ChangeTicketStatus,
  CheckTicketSla,
  OpenTicket,
  RecomputeTicketSla,
  SetTicketPriority,
  type TicketPriority,
  TicketQueries,
} from '@domain/support';
import { ListOutboxMessages } from '@platform/mail';

import { MediumContext, type MediumStaff } from './medium-context';

/**
 * SLA clocks on a controllable clock: a ticket's history is moved back to fixed instants in the
 * database, the kept schedule recomputed, and the worker's round run at chosen instants.
 */
describe('ticket SLA clocks, warnings and breaches (use cases on the database)', () => {
  let ctx: MediumContext;
  let agent: MediumStaff;

  beforeAll(async () => {
    ctx = await MediumContext.create();
    agent = await ctx.newStaff({ role: 'agent' });
  });
  afterAll(() => ctx?.close());

  const open = async (priority: TicketPriority, subject = 'Frist') =>
    ctx.get(OpenTicket).execute({ channel: 'staff', subject, body: 'Når får vi svar?', priority }, ctx.admin.actor);

  /** Moves the ticket's opening and its status changes (oldest first) to the given instants. */
  async function backdate(ticketId: string, opened: string, ...changes: string[]): Promise<void> {
    await ctx.query(`UPDATE ticket SET created_at = $2 WHERE id = $1`, [ticketId, opened]);
    await ctx.query(`UPDATE ticket_event SET at = $2 WHERE ticket_id = $1 AND kind <> 'status_changed'`, [ticketId, opened]);
    const events = await ctx.query<{ id: string }>(
      `SELECT id FROM ticket_event WHERE ticket_id = $1 AND kind = 'status_changed' ORDER BY id`,
      [ticketId],
    );
    expect(events).toHaveLength(changes.length);
    for (const [i, { id }] of events.entries()) await ctx.query(`UPDATE ticket_event SET at = $2 WHERE id = $1`, [id, changes[i]]);
  }

  const stored = async (ticketId: string) =>
    (
      await ctx.query<Record<string, Date | null>>(
        `SELECT sla_first_response_due_at, sla_resolution_due_at, sla_warn_at, sla_first_response_warned_at,
                sla_first_response_breached_at, sla_resolution_breached_at FROM ticket WHERE id = $1`,
        [ticketId],
      )
    )[0];
  const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
  const warnings = async (ticketId: string) =>
    (await ctx.get(ListOutboxMessages).execute({ relatedType: 'ticket', relatedId: ticketId, limit: 50 })).filter(
      (m) => m.template === 'ticket-sla-warning',
    );
  const timeline = (ticketId: string, kind: string) =>
    ctx.query(`SELECT details FROM ticket_event WHERE ticket_id = $1 AND kind = $2`, [ticketId, kind]);

  it('counts business hours over Easter: opened the Wednesday before at 15:00 with 4 hours, due Tuesday 11:00', async () => {
    const ticket = await open('high');
    await backdate(ticket.id, '2026-04-01T15:00+02:00');
    await ctx.get(RecomputeTicketSla).execute(new Date('2026-04-01T15:05+02:00'));
    const sla = await stored(ticket.id);
    expect(iso(sla.sla_first_response_due_at)).toBe(new Date('2026-04-07T11:00+02:00').toISOString());
    // 25 % of 4 hours before.
    expect(iso(sla.sla_warn_at)).toBe(new Date('2026-04-07T10:00+02:00').toISOString());
    // 16 hours: 1 on Wednesday, 8 on Tuesday, 7 on Wednesday 8 April.
    expect(iso(sla.sla_resolution_due_at)).toBe(new Date('2026-04-08T15:00+02:00').toISOString());
  });

  it('moves the due instants by the time spent waiting on the consumer', async () => {
    const ticket = await open('normal');
    await ctx.get(ChangeTicketStatus).execute(ticket.id, 'waiting_on_consumer', ctx.admin.actor);
    await ctx.get(ChangeTicketStatus).execute(ticket.id, 'open', ctx.admin.actor);
    // Monday 16 November 08:00, waiting from 10:00 until Tuesday 10:00.
    await backdate(ticket.id, '2026-11-16T08:00+01:00', '2026-11-16T10:00+01:00', '2026-11-17T10:00+01:00');
    await ctx.get(RecomputeTicketSla).execute(new Date('2026-11-17T10:01+01:00'));
    const sla = await stored(ticket.id);
    // 8 hours: 2 on Monday, 6 from Tuesday 10:00 (without the pause: Monday 16:00).
    expect(iso(sla.sla_first_response_due_at)).toBe(new Date('2026-11-17T16:00+01:00').toISOString());
    // 40 hours: 2, then 38 from Tuesday 10:00 (without the pause: Friday 20 November 16:00).
    expect(iso(sla.sla_resolution_due_at)).toBe(new Date('2026-11-23T16:00+01:00').toISOString());

    // While waiting, no clock has a due instant.
    await ctx.get(ChangeTicketStatus).execute(ticket.id, 'waiting_on_consumer', ctx.admin.actor);
    expect(await stored(ticket.id)).toMatchObject({ sla_first_response_due_at: null, sla_resolution_due_at: null, sla_warn_at: null });
  });

  it('warns the assignee once and marks the breach once, even with two workers at the same moment', async () => {
    const ticket = await open('high');
    await ctx.get(AssignTicket).execute(ticket.id, { assigneeId: agent.id }, ctx.admin.actor);
    await backdate(ticket.id, '2026-04-01T15:00+02:00');
    await ctx.get(RecomputeTicketSla).execute(new Date('2026-04-01T15:05+02:00'));
    const check = ctx.get(CheckTicketSla);

    await check.execute(new Date('2026-04-07T09:59+02:00'));
    expect(await warnings(ticket.id)).toHaveLength(0);

    const warningAt = new Date('2026-04-07T10:30+02:00');
    await Promise.all([check.execute(warningAt), check.execute(warningAt)]);
    await check.execute(warningAt);
    const [mail, ...more] = await warnings(ticket.id);
    expect(more).toHaveLength(0);
    expect(mail.to).toEqual([agent.email]);
    expect(mail.subject).toContain('første svar');
    expect(mail.text).toContain(`/tickets/${ticket.id}`);
    expect(await timeline(ticket.id, 'sla_warned')).toHaveLength(1);
    expect(iso((await stored(ticket.id)).sla_first_response_warned_at)).toBe(warningAt.toISOString());

    const breachAt = new Date('2026-04-07T11:01+02:00');
    await Promise.all([check.execute(breachAt), check.execute(breachAt)]);
    await check.execute(new Date('2026-04-07T11:30+02:00'));
    expect(await timeline(ticket.id, 'sla_breached')).toEqual([
      { details: { target: 'firstResponse', dueAt: new Date('2026-04-07T11:00+02:00').toISOString() } },
    ]);
    const audit = await ctx.query(`SELECT actor_kind FROM audit_entry WHERE action = 'ticket.sla_breached' AND object_id = $1`, [
      ticket.id,
    ]);
    expect(audit).toEqual([{ actor_kind: SYSTEM_ACTOR.kind }]);
    expect(iso((await stored(ticket.id)).sla_first_response_breached_at)).toBe(breachAt.toISOString());
    expect(await warnings(ticket.id)).toHaveLength(1);
  });

  it('warns every agent and admin while nobody is assigned', async () => {
    const ticket = await open('urgent');
    await backdate(ticket.id, '2026-04-08T08:00+02:00');
    await ctx.get(RecomputeTicketSla).execute(new Date('2026-04-08T08:05+02:00'));
    // Urgent is the configuration's critical: 1 hour, warned 15 minutes before.
    await ctx.get(CheckTicketSla).execute(new Date('2026-04-08T08:50+02:00'));
    const [mail] = await warnings(ticket.id);
    expect(mail.to.sort()).toEqual([agent.email, ctx.admin.email].sort());
    expect(mail.text).toContain('Ingen er tildelt');
  });

  it('warns the active members of the ticket’s group while nobody is assigned', async () => {
    const [member, away] = [await ctx.newStaff({ role: 'agent' }), await ctx.newStaff({ role: 'agent' })];
    const groups = ctx.get(ManageStaffGroups);
    const group = await groups.create({ name: 'Fristgruppe' }, ctx.admin.actor);
    for (const s of [member, away]) await groups.addMember(group.id, s.id, ctx.admin.actor);
    await ctx.query(`UPDATE staff_user SET active = false WHERE id = $1`, [away.id]);
    const ticket = await open('urgent');
    await ctx.get(AssignTicket).execute(ticket.id, { groupId: group.id }, ctx.admin.actor);
    await backdate(ticket.id, '2026-04-08T08:00+02:00');
    await ctx.get(RecomputeTicketSla).execute(new Date('2026-04-08T08:05+02:00'));
    await ctx.get(CheckTicketSla).execute(new Date('2026-04-08T08:50+02:00'));
    const [mail] = await warnings(ticket.id);
    expect(mail.to).toEqual([member.email]);
  });

  it('shows in «Brytes i dag» what runs out before closing today or already has, never what is paused', async () => {
    const subject = 'Brytes i dag';
    const breached = await open('urgent', subject);
    await backdate(breached.id, '2026-11-16T08:00+01:00');
    const dueToday = await open('high', subject);
    await backdate(dueToday.id, '2026-11-16T09:00+01:00');
    const later = await open('low', subject);
    await backdate(later.id, '2026-11-16T09:00+01:00');
    const paused = await open('urgent', subject);
    await ctx.get(ChangeTicketStatus).execute(paused.id, 'waiting_on_consumer', ctx.admin.actor);
    await backdate(paused.id, '2026-11-16T08:00+01:00', '2026-11-16T09:30+01:00');
    const now = new Date('2026-11-16T10:00+01:00');
    await ctx.get(RecomputeTicketSla).execute(now);

    const queries = ctx.get(TicketQueries);
    const shown = await queries.list(ctx.admin.principal, { dueToday: true, search: subject }, { sort: 'due', direction: 'asc' }, now);
    expect(shown.items.map((t) => t.id)).toEqual([breached.id, dueToday.id]);
    expect(shown.items[0].slaDueAt).toEqual(new Date('2026-11-16T09:00+01:00'));
    const all = await queries.list(ctx.admin.principal, { dueToday: true }, {}, now);
    expect((await queries.counts(ctx.admin.principal, now)).dueToday).toBe(all.total);

    // After closing, only what has run out by now.
    const evening = new Date('2026-11-16T18:00+01:00');
    const atEvening = await queries.list(ctx.admin.principal, { dueToday: true, search: subject }, {}, evening);
    expect(atEvening.items.map((t) => t.id).sort()).toEqual([breached.id, dueToday.id].sort());
    const nextMorning = await queries.list(
      ctx.admin.principal,
      { dueToday: true, search: subject },
      {},
      new Date('2026-11-17T08:30+01:00'),
    );
    expect(nextMorning.total).toBe(2);

    const sla = await queries.slaOf(paused.id, ctx.admin.principal, now);
    expect(sla.tag).toBe('breached');
    expect(sla.clocks.map((c) => c.state)).toEqual(['breached', 'paused']);
    expect((await queries.slaOf(later.id, ctx.admin.principal, now)).tag).toBe('on_track');
  });

  it('recomputes the due instants when a resolved ticket is opened again and when the priority changes', async () => {
    const ticket = await open('normal');
    await ctx.get(ChangeTicketStatus).execute(ticket.id, 'resolved', ctx.admin.actor);
    expect(await stored(ticket.id)).toMatchObject({ sla_first_response_due_at: null, sla_resolution_due_at: null, sla_warn_at: null });
    await ctx.get(ChangeTicketStatus).execute(ticket.id, 'open', ctx.admin.actor);
    // Opened Monday 16 November 08:00, resolved at 10:00, opened again Wednesday at 10:00: the time resolved does not count.
    await backdate(ticket.id, '2026-11-16T08:00+01:00', '2026-11-16T10:00+01:00', '2026-11-18T10:00+01:00');
    await ctx.get(RecomputeTicketSla).execute(new Date('2026-11-18T10:01+01:00'));
    expect(await stored(ticket.id)).toMatchObject({
      // Normal, 8 hours: 2 on Monday, 6 from Wednesday 10:00.
      sla_first_response_due_at: new Date('2026-11-18T16:00+01:00'),
      // 40 hours: 2, then 38 from Wednesday 10:00.
      sla_resolution_due_at: new Date('2026-11-24T16:00+01:00'),
    });

    await ctx.get(SetTicketPriority).execute(ticket.id, 'urgent', ctx.admin.actor);
    // Urgent: 1 hour to the first answer (run out on Monday), 8 to the resolution.
    expect(await stored(ticket.id)).toMatchObject({
      sla_first_response_due_at: new Date('2026-11-16T09:00+01:00'),
      sla_resolution_due_at: new Date('2026-11-18T16:00+01:00'),
    });
  });
});
