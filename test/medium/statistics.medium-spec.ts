import { AdvanceOnboarding, OnboardingFunnel, type OnboardingFunnelView } from '@domain/consumers';
import {
  EscalateIncident,
  type HistoricalReport,
  ImportReports,
  IncidentStatistics,
  type OpenIncidentAges,
  ResolveIncident,
  TriageIncident,
} from '@domain/incidents';
import { AcknowledgeNotice, CreateNotice, NoticeAcknowledgementRates, SendNotice } from '@domain/notices';
import { actorOf } from '@domain/shared';

import { type MediumConsumer, MediumContext } from './medium-context';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('the dashboards’ figures (aggregate queries on the database)', () => {
  let ctx: MediumContext;
  const stats = () => ctx.get(IncidentStatistics);

  /** Imports one report per entry, each on a service of its own unless named, and returns the incident of each. */
  async function history(consumer: MediumConsumer, reports: Array<Partial<HistoricalReport> & { receivedAt: Date }>): Promise<string[]> {
    const rows = reports.map((r, i) => ({
      environment: 'production' as const,
      category: 'deviation' as const,
      title: `Feil i svaret for vedtak ${ctx.next()}`,
      description: `Feltet for vedtak nummer ${i + 1} har feil verdi i svaret for inntektsåret 2024.`,
      consumerOrgNumber: consumer.orgNumber,
      ...r,
      service: r.service ?? ctx.freshService(),
    }));
    return (await ctx.get(ImportReports).execute(rows, ctx.admin.actor)).map((r) => r.incidentId);
  }

  beforeAll(async () => {
    ctx = await MediumContext.create();
    await ctx.ensureCatalogue();
  });
  afterAll(() => ctx?.close());

  describe('reports per week', () => {
    // Weeks of 2024 no other test in this file reports in. Norway left summer time on Sunday 27 October.
    const until = new Date('2024-11-10T12:00:00Z');
    let service: string;

    beforeAll(async () => {
      service = ctx.freshService();
      const consumer = await ctx.newConsumer();
      await history(consumer, [
        // Monday 21 October 00:30 in Oslo (summer time), still Sunday in UTC.
        { service, receivedAt: new Date('2024-10-20T22:30:00Z') },
        // Sunday 27 October 23:30 in Oslo (winter time): the same week.
        { service, receivedAt: new Date('2024-10-27T22:30:00Z'), category: 'incident' },
        // Monday 28 October 00:30 in Oslo, still Sunday in UTC: the next week.
        { service, receivedAt: new Date('2024-10-27T23:30:00Z') },
      ]);
    });

    it('counts each service per Norwegian week, Monday to Sunday in Oslo, with empty weeks as 0', async () => {
      const weekly = await stats().reportsPerWeek('service', 4, until);
      expect(weekly.weeks).toEqual(['2024-10-14', '2024-10-21', '2024-10-28', '2024-11-04']);
      expect(weekly.series).toEqual([{ key: service, counts: [0, 2, 1, 0] }]);
    });

    it('reads only the weeks asked for: Sunday 23:30 in Oslo stays out of a window that starts the next Monday', async () => {
      const weekly = await stats().reportsPerWeek('service', 1, new Date('2024-10-28T12:00:00Z'));
      expect(weekly).toEqual({ weeks: ['2024-10-28'], series: [{ key: service, counts: [1] }] });
    });

    it('counts by category the same way, the largest series first', async () => {
      const weekly = await stats().reportsPerWeek('category', 4, until);
      expect(weekly.series).toEqual([
        { key: 'deviation', counts: [0, 1, 1, 0] },
        { key: 'incident', counts: [0, 1, 0, 0] },
      ]);
    });

    it('answers the weeks asked for, all 0, where nothing was reported', async () => {
      const weekly = await stats().reportsPerWeek('service', 12, new Date('2023-03-01T12:00:00Z'));
      expect(weekly.weeks).toHaveLength(12);
      expect(weekly.weeks[11]).toBe('2023-02-27');
      expect(weekly.weeks[0]).toBe('2022-12-12');
      expect(weekly.series).toEqual([]);
    });
  });

  describe('open incidents, escalations and municipalities', () => {
    const at = new Date();
    let before: OpenIncidentAges[];
    let escalationsBefore: number[];
    let consumer: MediumConsumer;
    let other: MediumConsumer;

    beforeAll(async () => {
      before = await stats().openIncidentsByAge(at);
      escalationsBefore = (await stats().escalationsPerWeek(2)).series.find((s) => s.key === 'ordinary')?.counts ?? [0, 0];
      [consumer, other] = [await ctx.newConsumer(), await ctx.newConsumer()];
      const ago = (ms: number) => new Date(at.getTime() - ms);
      const [, days3, days10, , resolved] = await history(consumer, [
        { receivedAt: ago(2 * HOUR) },
        { receivedAt: ago(3 * DAY) },
        { receivedAt: ago(10 * DAY) },
        { receivedAt: ago(45 * DAY) },
        { receivedAt: ago(5 * DAY) },
      ]);
      await ctx.get(TriageIncident).execute(days3, { side: 'ske' }, ctx.admin.actor);
      await ctx.get(EscalateIncident).execute(days10, ctx.admin.actor);
      await ctx.get(ResolveIncident).execute(resolved, { message: 'Rettet hos Skatteetaten.' }, ctx.admin.actor);
      await history(other, [{ receivedAt: ago(HOUR) }]);
    });

    it('counts open incidents by status and how long they have been open; resolved ones are not open', async () => {
      const after = await stats().openIncidentsByAge(at);
      const added = after.map((a, i) => ({
        status: a.status,
        counts: Object.fromEntries(Object.entries(a.counts).map(([k, n]) => [k, n - before[i].counts[k as keyof typeof a.counts]])),
      }));
      expect(added).toEqual([
        // The other municipality's incident is the second under a day.
        { status: 'new', counts: { 'under-1-day': 2, '1-6-days': 0, '7-29-days': 0, '30-days-or-more': 1 } },
        { status: 'triaged', counts: { 'under-1-day': 0, '1-6-days': 1, '7-29-days': 0, '30-days-or-more': 0 } },
        { status: 'escalated', counts: { 'under-1-day': 0, '1-6-days': 0, '7-29-days': 1, '30-days-or-more': 0 } },
      ]);
    });

    it('counts escalations in the week they were started', async () => {
      const weekly = await stats().escalationsPerWeek(2);
      const ordinary = weekly.series.find((s) => s.key === 'ordinary')!.counts;
      expect(ordinary[1] - escalationsBefore[1]).toBe(1);
    });

    it('ranks municipalities by their open incidents, then reports', async () => {
      const top = (await stats().mostOpenIssues(100)).filter((r) => r.consumerId === consumer.id || r.consumerId === other.id);
      expect(top).toEqual([
        { consumerId: consumer.id, name: consumer.name, incidents: 4, reports: 4 },
        { consumerId: other.id, name: other.name, incidents: 1, reports: 1 },
      ]);
    });
  });

  describe('the onboarding funnel', () => {
    const added = (a: OnboardingFunnelView, b: OnboardingFunnelView) => ({
      registered: a.registered - b.registered,
      stages: a.stages.map((s, i) => [s.step, s.reached - b.stages[i].reached, s.furthest - b.stages[i].furthest]),
    });

    it('counts each consumer once, at the furthest step any of its services has reached', async () => {
      const before = await ctx.get(OnboardingFunnel).execute();
      const advance = ctx.get(AdvanceOnboarding);
      await ctx.newConsumer({ services: [] });
      await ctx.newConsumer({ services: ['inntekt'] });
      const qualified = await ctx.newConsumer({ services: ['inntekt', 'eiendom'] });
      await advance.execute(qualified.id, 'inntekt', 'qualified', null, ctx.admin.actor);
      const tested = await ctx.newConsumer({ services: ['inntekt', 'eiendom'] });
      await advance.execute(tested.id, 'inntekt', 'qualified', null, ctx.admin.actor);
      await advance.execute(tested.id, 'eiendom', 'qualified', null, ctx.admin.actor);
      await advance.execute(tested.id, 'eiendom', 'readiness-tested', null, ctx.admin.actor);

      expect(added(await ctx.get(OnboardingFunnel).execute(), before)).toEqual({
        registered: 4,
        stages: [
          ['requested', 3, 1],
          ['qualified', 2, 1],
          ['readiness-tested', 1, 1],
          ['connected', 0, 0],
        ],
      });
    });
  });

  describe('acknowledgement of the latest notices', () => {
    it('counts each consumer a notice reached once, read when any contact read it, ready implying read', async () => {
      const code = ctx.freshService();
      const [a, b, c] = [
        await ctx.newConsumer({ services: [code] }),
        await ctx.newConsumer({ services: [code] }),
        await ctx.newConsumer({ services: [code] }),
      ];
      const inDays = (d: number) => new Date(Date.now() + d * DAY).toISOString();
      const send = async (kind: string) => {
        const notice = await ctx
          .get(CreateNotice)
          .execute(
            { title: `Varsel ${kind}`, body: 'Tekst', kind, services: [code], environments: ['production'], effectiveAt: inDays(30) },
            ctx.admin.actor,
          );
        await ctx.get(SendNotice).execute(notice.id, ctx.admin.actor);
        return notice.id;
      };
      const maintenance = await send('planned-maintenance');
      const change = await send('interface-change');
      const ack = ctx.get(AcknowledgeNotice);
      await ack.forConsumer(a.id, change, 'read', actorOf(a.principal));
      await ack.forConsumer(b.id, change, 'ready', actorOf(b.principal));
      await ack.forConsumer(c.id, maintenance, 'read', actorOf(c.principal));

      expect(await ctx.get(NoticeAcknowledgementRates).execute(2)).toEqual([
        expect.objectContaining({ noticeId: change, title: 'Varsel interface-change', consumers: 3, read: 2, ready: 1 }),
        expect.objectContaining({ noticeId: maintenance, consumers: 3, read: 1, ready: null }),
      ]);
    });
  });
});
