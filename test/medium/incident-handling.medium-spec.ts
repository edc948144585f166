import { ListAuditEntries } from '@domain/audit';
import { GetCatalogueInForce } from '@domain/catalogue';
import {
  AddInternalNote,
  ConversationQueries,
  CorrectGrouping,
  EscalateIncident,
  IncidentQueries,
  ReceiveReport,
  type ReportInput,
  type ReportReceipt,
  ResolveIncident,
} from '@domain/incidents';
import { findNationalIdentityNumbers } from '@domain/shared';
import { ListOutboxMessages } from '@platform/mail';

import { catalogueService, nationalId, SKE } from '../support/fixtures';
import { domainError, MediumConsumer, MediumContext } from './medium-context';

const NO_ADDRESS = 'uten-eskaleringsadresse';

/** One outage as municipalities word it; consecutive wordings of one service group into one incident. */
const WORDINGS = [
  { title: 'Alle oppslag gir 503', description: 'Fra kl. 08 får vi 503 Service Unavailable på alle oppslag mot tjenesten.' },
  { title: 'HTTP 503 på alle kall', description: 'Vi får 503 Service Unavailable på alle kall siden i morges.' },
  { title: 'Tjenesten svarer 503', description: 'Alle kall feiler med 503 Service Unavailable, også etter nye forsøk.' },
];

describe('incident handling: escalation, resolution and corrections (use cases on the database)', () => {
  let ctx: MediumContext;
  const admin = () => ctx.admin.actor;
  const incident = (id: string) => ctx.get(IncidentQueries).incidentDetail(id);
  const mails = async (template: string, incidentId: string) =>
    (await ctx.get(ListOutboxMessages).execute({ relatedType: 'incident', relatedId: incidentId })).filter((m) => m.template === template);

  /** Reports of one outage on a fresh service, one per consumer (new consumers unless given), all in one incident. */
  async function outage(consumers: Array<MediumConsumer | undefined> = [undefined, undefined], over: Partial<ReportInput> = {}) {
    const service = over.service ?? ctx.freshService();
    const receipts: ReportReceipt[] = [];
    for (const [i, consumer] of consumers.entries())
      receipts.push(
        await ctx.newReport({ consumer, service, errorCode: 'GW-503', httpStatus: 503, ...WORDINGS[i % WORDINGS.length], ...over }),
      );
    expect(new Set(receipts.map((r) => r.incidentId)).size).toBe(1);
    return { service, incidentId: receipts[0].incidentId, receipts };
  }

  beforeAll(async () => {
    ctx = await MediumContext.create();
    await ctx.ensureCatalogue();
    // A later version in force: every service as before, and one that names no escalation address.
    const current = await ctx.get(GetCatalogueInForce).execute();
    await ctx.newCatalogueVersion({
      effectiveFrom: '2021-01-01',
      services: [...current.services, catalogueService(NO_ADDRESS, { escalationEmails: [] })],
      published: true,
    });
  });
  afterAll(() => ctx?.close());

  describe('escalation', () => {
    it('opens one thread however often it is asked for: one escalation, one e-mail to the service’s addresses', async () => {
      const { service, incidentId } = await outage();
      const results = await Promise.all([1, 2, 3].map(() => ctx.get(EscalateIncident).execute(incidentId, admin())));
      expect(new Set(results.map((r) => r.escalationId)).size).toBe(1);
      expect(results.filter((r) => !r.alreadyEscalated)).toHaveLength(1);
      expect(results[0]).toMatchObject({ to: [`${service}@${SKE}`], security: false, status: 'sent' });

      const [thread, ...more] = await mails('escalation', incidentId);
      expect(more).toEqual([]);
      expect(thread).toMatchObject({ to: [`${service}@${SKE}`], messageId: results[0].messageId, inReplyTo: null });
      expect(await incident(incidentId)).toMatchObject({ status: 'escalated', side: 'ske', escalated: true });
      expect(await ctx.get(ListAuditEntries).execute({ objectId: incidentId, action: 'incident.escalated' })).toHaveLength(1);
    });

    it('sends a security incident only to the security addresses', async () => {
      const report = await ctx.newReport({
        category: 'security',
        title: 'Nøkkel lekket',
        description: 'Klientnøkkelen lå i et offentlig repo.',
      });
      const result = await ctx.get(EscalateIncident).execute(report.incidentId, admin());
      expect(result).toMatchObject({ security: true, to: [`sikkerhet@${SKE}`] });
      expect(await incident(report.incidentId)).toMatchObject({ side: 'security', track: 'security' });
    });

    it('refuses an unknown incident, a resolved one, and one whose services name no address, escalating nothing', async () => {
      expect(await domainError(ctx.get(EscalateIncident).execute('00000000-0000-4000-8000-000000000000', admin()))).toMatchObject({
        kind: 'not-found',
        code: 'incident_not_found',
      });
      const resolved = await ctx.newIncident();
      await ctx.get(ResolveIncident).execute(resolved.incidentId, { message: 'Løst lokalt.', side: 'local' }, admin());
      expect(await domainError(ctx.get(EscalateIncident).execute(resolved.incidentId, admin()))).toMatchObject({
        kind: 'conflict',
        code: 'incident_resolved',
      });
      const unaddressed = await ctx.newIncident({ service: NO_ADDRESS });
      expect(await domainError(ctx.get(EscalateIncident).execute(unaddressed.incidentId, admin()))).toMatchObject({
        kind: 'unprocessable',
        code: 'no_escalation_address',
      });
      for (const id of [resolved.incidentId, unaddressed.incidentId]) expect((await incident(id)).escalation).toBeNull();
    });
  });

  describe('resolution', () => {
    it('tells every affected contact once, however many reports they sent, and the caller staff took down; reports close', async () => {
      const [a, b, c] = [await ctx.newConsumer(), await ctx.newConsumer(), await ctx.newConsumer()];
      const { service, incidentId } = await outage([a, b, a]);
      // A consumer's own reporter address outside its contacts gets nothing; one staff took down on the phone does.
      const stranger = await ctx.newReport({
        consumer: c,
        service,
        errorCode: 'GW-503',
        httpStatus: 503,
        ...WORDINGS[2],
        reporterEmail: 'fremmed@example.test',
      });
      const agent = await ctx.newStaff();
      const call: ReportInput = {
        service,
        environment: 'production',
        category: 'incident',
        ...WORDINGS[0],
        reporterEmail: 'innringer@example.test',
      };
      const phoned = await ctx
        .get(ReceiveReport)
        .execute(agent.principal, call, { fingerprint: call, onBehalfOf: { consumerId: c.id, channel: 'phone' } });
      expect([stranger.incidentId, phoned.incidentId]).toEqual([incidentId, incidentId]);

      const { notified } = await ctx.get(ResolveIncident).execute(incidentId, { message: 'Skatteetaten har rettet feilen.' }, agent.actor);
      const recipients = (await mails('incident-resolved', incidentId)).flatMap((m) => m.to).sort();
      const contacts = [a, b, c].flatMap((x) => x.contacts.map((k) => k.email));
      expect(recipients).toEqual([...contacts, 'innringer@example.test'].sort());
      expect(notified).toBe(recipients.length);
      // Not the first municipality's own title: KS has not titled the incident, so the service names it.
      for (const m of await mails('incident-resolved', incidentId)) expect(m.subject).not.toContain(WORDINGS[0].title);
      expect(await incident(incidentId)).toMatchObject({ status: 'resolved', resolutionMessage: 'Skatteetaten har rettet feilen.' });
      expect((await incident(incidentId)).reports.map((r) => r.status)).toEqual(['closed', 'closed', 'closed', 'closed', 'closed']);

      expect(await domainError(ctx.get(ResolveIncident).execute(incidentId, { message: 'Igjen.' }, agent.actor))).toMatchObject({
        code: 'incident_resolved',
      });
      expect(await mails('incident-resolved', incidentId)).toHaveLength(recipients.length);
    });

    it('closes an escalated thread with a reply in it', async () => {
      const { incidentId } = await outage();
      const escalation = await ctx.get(EscalateIncident).execute(incidentId, admin());
      await ctx.get(ResolveIncident).execute(incidentId, { message: 'Feilen er rettet hos Skatteetaten.' }, admin());
      const [closing] = await mails('escalation-closed', incidentId);
      expect(closing).toMatchObject({ to: escalation.to, inReplyTo: escalation.messageId, references: [escalation.messageId] });
    });

    it('masks identity numbers in the message everyone receives, and refuses an empty message', async () => {
      const { incidentId } = await outage([undefined]);
      expect(await domainError(ctx.get(ResolveIncident).execute(incidentId, { message: '   ' }, admin()))).toMatchObject({
        code: 'validation_failed',
        fields: [{ field: 'message' }],
      });
      const person = nationalId('020202251', 0);
      await ctx.get(ResolveIncident).execute(incidentId, { message: `Rettet for ${person} og de andre.` }, admin());
      expect((await incident(incidentId)).resolutionMessage).toBe('Rettet for [fødselsnummer fjernet] og de andre.');
      for (const m of await mails('incident-resolved', incidentId)) expect(findNationalIdentityNumbers(`${m.text} ${m.html}`)).toEqual([]);
    });
  });

  describe('staff corrections', () => {
    it('merge two incidents: the merged one answers as the survivor, and escalating it joins the survivor’s thread', async () => {
      const [x, y] = [await ctx.newIncident(), await ctx.newIncident()];
      const survivor = await ctx.get(CorrectGrouping).merge(x.incidentId, y.incidentId, admin());
      const mergedId = survivor.id === x.incidentId ? y.incidentId : x.incidentId;
      const viaMerged = await ctx.get(IncidentQueries).incident(mergedId);
      expect(viaMerged).toMatchObject({ id: survivor.id, reference: survivor.reference, reportCount: 2, consumerCount: 2 });
      expect(viaMerged.mergedFrom).not.toBe(survivor.reference);
      expect(await ctx.get(ListAuditEntries).execute({ objectId: survivor.id, action: 'incident.merged' })).toHaveLength(1);

      const first = await ctx.get(EscalateIncident).execute(survivor.id, admin());
      const again = await ctx.get(EscalateIncident).execute(mergedId, admin());
      expect(again).toMatchObject({ incidentId: survivor.id, messageId: first.messageId, alreadyEscalated: true });
      expect(await domainError(ctx.get(CorrectGrouping).merge(x.incidentId, y.incidentId, admin()))).toMatchObject({
        kind: 'conflict',
        code: 'already_merged',
      });
    });

    it('tells a merge with the incident itself apart from a merge of two already merged, storing nothing', async () => {
      const [x, y] = [await ctx.newIncident(), await ctx.newIncident()];
      const alone = await ctx.newIncident();
      const survivor = await ctx.get(CorrectGrouping).merge(x.incidentId, y.incidentId, admin());
      const mergedId = survivor.id === x.incidentId ? y.incidentId : x.incidentId;
      const cases: Array<[string, string, string, string]> = [
        ['an incident with itself', alone.incidentId, alone.incidentId, 'merge_with_itself'],
        ['a merged incident with itself', mergedId, mergedId, 'merge_with_itself'],
        ['the survivor with the one merged into it', survivor.id, mergedId, 'already_merged'],
        ['the merged one with its survivor', mergedId, survivor.id, 'already_merged'],
      ];
      for (const [_case, target, other, code] of cases)
        expect({ case: _case, ...(await domainError(ctx.get(CorrectGrouping).merge(target, other, admin()))) }).toMatchObject({
          case: _case,
          kind: 'conflict',
          code,
        });
      expect(await ctx.get(ListAuditEntries).execute({ objectId: alone.incidentId, action: 'incident.merged' })).toHaveLength(0);
    });

    it('merge two incidents: the merged one’s conversation goes with it to the survivor', async () => {
      const [x, y] = [await ctx.newIncident(), await ctx.newIncident()];
      await ctx.get(AddInternalNote).execute(x.incidentId, { body: 'Notat på den ene' }, admin());
      await ctx.get(AddInternalNote).execute(y.incidentId, { body: 'Notat på den andre' }, admin());
      const survivor = await ctx.get(CorrectGrouping).merge(x.incidentId, y.incidentId, admin());
      const bodies = (await ctx.get(ConversationQueries).ofIncident(survivor.id)).messages.map((m) => m.body);
      expect(bodies.sort()).toEqual(['Notat på den andre', 'Notat på den ene']);
    });

    it('never merge a security incident with an ordinary one (track_mismatch)', async () => {
      const ordinary = await ctx.newIncident();
      const security = await ctx.newIncident({
        category: 'security',
        title: 'Mistanke om misbruk',
        description: 'Noen har brukt nøkkelen.',
      });
      expect(await domainError(ctx.get(CorrectGrouping).merge(ordinary.incidentId, security.incidentId, admin()))).toMatchObject({
        code: 'track_mismatch',
      });
      expect((await incident(ordinary.incidentId)).reportCount).toBe(1);
    });

    it('never merge across environments, nor with a resolved incident, storing nothing', async () => {
      const [production, other] = [await ctx.newIncident(), await ctx.newIncident()];
      const test = await ctx.newIncident({ environment: 'test' });
      const resolved = await ctx.newIncident();
      await ctx.get(ResolveIncident).execute(resolved.incidentId, { message: 'Løst lokalt.', side: 'local' }, admin());
      const cases: Array<[string, string, string, string]> = [
        ['production with test', production.incidentId, test.incidentId, 'environment_mismatch'],
        ['test with production', test.incidentId, production.incidentId, 'environment_mismatch'],
        ['an open one with a resolved one', other.incidentId, resolved.incidentId, 'correction_on_resolved'],
        ['a resolved one with an open one', resolved.incidentId, other.incidentId, 'correction_on_resolved'],
      ];
      for (const [_case, target, from, code] of cases)
        expect({ case: _case, ...(await domainError(ctx.get(CorrectGrouping).merge(target, from, admin()))) }).toMatchObject({
          case: _case,
          kind: 'conflict',
          code,
        });
      const rows = await ctx.query<{ id: string; status: string; merged_into_id: string | null }>(
        'SELECT id, status, merged_into_id FROM incident WHERE id = ANY($1) ORDER BY id',
        [[production.incidentId, other.incidentId, test.incidentId, resolved.incidentId]],
      );
      expect(rows.map((r) => r.merged_into_id)).toEqual([null, null, null, null]);
      expect(rows.find((r) => r.id === resolved.incidentId)?.status).toBe('resolved');
    });

    it('split reports out into a new incident, pinned, and remember that the two stay apart', async () => {
      const { incidentId, receipts } = await outage([undefined, undefined, undefined]);
      const created = await ctx.get(CorrectGrouping).split(incidentId, [receipts[2].id], admin());
      const moved = await ctx.get(IncidentQueries).report(receipts[2].id, ctx.admin.principal);
      expect(moved).toMatchObject({ incidentId: created.id, pinned: true, match: { by: 'manual' } });
      expect((await incident(incidentId)).reportCount).toBe(2);
      expect((await incident(incidentId)).proposals).toEqual([expect.objectContaining({ mergedId: created.id, status: 'rejected' })]);

      expect(await domainError(ctx.get(CorrectGrouping).split(incidentId, [receipts[0].id, receipts[1].id], admin()))).toMatchObject({
        code: 'split_all',
      });
      expect(await domainError(ctx.get(CorrectGrouping).split(incidentId, [receipts[2].id], admin()))).toMatchObject({
        code: 'validation_failed',
        fields: [{ field: 'reportIds' }],
      });
    });

    it('move a report: pinned where staff put it; the emptied incident closes into the target', async () => {
      const [from, to] = [await ctx.newIncident(), await ctx.newIncident()];
      const target = await ctx.get(CorrectGrouping).move(from.report.id, to.incidentId, admin());
      expect(target.id).toBe(to.incidentId);
      expect(await ctx.get(IncidentQueries).report(from.report.id, ctx.admin.principal)).toMatchObject({
        incidentId: to.incidentId,
        pinned: true,
      });
      const [emptied] = await ctx.query<{ status: string; merged_into_id: string }>(
        'SELECT status, merged_into_id FROM incident WHERE id = $1',
        [from.incidentId],
      );
      expect(emptied).toEqual({ status: 'closed', merged_into_id: to.incidentId });
      const events = (await incident(to.incidentId)).events.map((e) => e.kind);
      expect(events).toContain('report_moved_in');
      expect(await ctx.get(ListAuditEntries).execute({ objectId: from.report.id, action: 'report.moved' })).toHaveLength(1);
    });

    it('move no report across environments (environment_mismatch)', async () => {
      const production = await ctx.newIncident();
      const test = await ctx.newIncident({ environment: 'test' });
      expect(await domainError(ctx.get(CorrectGrouping).move(test.report.id, production.incidentId, admin()))).toMatchObject({
        code: 'environment_mismatch',
      });
      expect((await ctx.get(IncidentQueries).report(test.report.id, ctx.admin.principal)).incidentId).toBe(test.incidentId);
    });

    it('move no report into a resolved incident (correction_on_resolved)', async () => {
      const [open, resolved] = [await ctx.newIncident(), await ctx.newIncident()];
      await ctx.get(ResolveIncident).execute(resolved.incidentId, { message: 'Løst lokalt.', side: 'local' }, admin());
      expect(await domainError(ctx.get(CorrectGrouping).move(open.report.id, resolved.incidentId, admin()))).toMatchObject({
        kind: 'conflict',
        code: 'correction_on_resolved',
      });
      expect((await ctx.get(IncidentQueries).report(open.report.id, ctx.admin.principal)).incidentId).toBe(open.incidentId);
    });
  });
});
