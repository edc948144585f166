import { ListAuditEntries } from '@domain/audit';
import {
  AddConsumerContact,
  AdvanceOnboarding,
  CreateConsumerApiKey,
  FindConsumers,
  GetConsumer,
  GetOnboardingQueue,
  ListExpiringAgreements,
  RegisterConsumer,
  RemoveConsumerContact,
  RemoveServiceAccess,
  ReorderOnboardingQueue,
  SetConsumerAgreement,
  SetServiceAccess,
  UpdateConsumer,
  UpdateConsumerContact,
  UpdateOnboardingChecklist,
} from '@domain/consumers';
import { CONSUMER_AUTHENTICATOR, type ConsumerAuthenticator } from '@domain/identity';

import { orgNumber } from '../support/fixtures';
import { domainError, MediumConsumer, MediumContext } from './medium-context';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('consumer registry (use cases on the database)', () => {
  let ctx: MediumContext;
  const admin = () => ctx.admin.actor;
  const detail = async (id: string) => (await ctx.get(GetConsumer).detail(id))!;
  const auditOf = (consumerId: string, action: string) => ctx.get(ListAuditEntries).execute({ objectId: consumerId, action });

  beforeAll(async () => {
    ctx = await MediumContext.create();
    await ctx.ensureCatalogue();
  });
  afterAll(() => ctx?.close());

  describe('registration', () => {
    it('stores the consumer with contacts, services and agreement in one go, active at once, and audits it', async () => {
      const org = orgNumber(501);
      const registered = await ctx.get(RegisterConsumer).execute(
        {
          orgNumber: ` ${org.slice(0, 3)} ${org.slice(3)} `,
          name: '  Indre Fosen kommune ',
          municipalityNumber: '5055',
          contacts: [{ name: 'Tekniker', email: 'Tekniker@Fosen.Example.test', role: 'technical' }],
          services: [{ code: 'inntekt', environments: ['test'] }],
          agreement: {
            signedOn: '2026-01-05',
            signatoryName: 'Ordfører',
            validFrom: '2026-01-01',
            acceptedTerms: [{ serviceCode: 'inntekt' }],
          },
        },
        admin(),
      );
      expect(registered).toMatchObject({ orgNumber: org, name: 'Indre Fosen kommune', kind: 'kommune', status: 'active' });
      expect(await detail(registered.id)).toEqual(registered);
      expect(registered.contacts).toEqual([expect.objectContaining({ email: 'tekniker@fosen.example.test', role: 'technical' })]);
      expect(registered.services).toEqual([
        expect.objectContaining({
          code: 'inntekt',
          environments: ['test'],
          onboarding: expect.objectContaining({
            step: 'requested',
            history: [expect.objectContaining({ step: 'requested', by: ctx.admin.email })],
          }),
        }),
      ]);
      expect(registered.agreement).toMatchObject({ signatoryName: 'Ordfører', acceptedTerms: [{ serviceCode: 'inntekt' }] });
      const [entry] = await auditOf(registered.id, 'consumer.created');
      expect(entry).toMatchObject({ actorLabel: ctx.admin.email, objectType: 'consumer' });
      expect(entry.details.after).toMatchObject({ orgNumber: org, name: 'Indre Fosen kommune' });
    });

    it('makes a consumer without contacts or services an applicant, and reads a county municipality from its name', async () => {
      const applicant = await ctx.get(RegisterConsumer).execute({ orgNumber: orgNumber(502), name: 'Troms fylkeskommune' }, admin());
      expect(applicant).toMatchObject({ status: 'applicant', kind: 'fylkeskommune', contacts: [], services: [], agreement: null });
    });

    it('refuses a registered organisation number (consumer_exists) and leaves the first one as it was', async () => {
      const first = await ctx.newConsumer();
      const error = await domainError(
        ctx.get(RegisterConsumer).execute({ orgNumber: first.orgNumber, name: 'Dobbel', contacts: [], services: [] }, admin()),
      );
      expect(error).toMatchObject({ kind: 'conflict', code: 'consumer_exists', fields: [{ field: 'orgNumber' }] });
      expect(await detail(first.id)).toMatchObject({ name: first.name, contacts: first.contacts });
    });

    it('refuses a service that is not in the catalogue in force (unknown_service), storing nothing', async () => {
      const org = orgNumber(503);
      const error = await domainError(
        ctx.get(RegisterConsumer).execute(
          {
            orgNumber: org,
            name: 'Ukjent tjeneste kommune',
            services: [
              { code: 'inntekt', environments: ['production'] },
              { code: 'finnes-ikke', environments: ['production'] },
            ],
          },
          admin(),
        ),
      );
      expect(error).toMatchObject({ kind: 'validation', code: 'unknown_service' });
      expect(error.fields.map((f) => f.field)).toEqual(['services[1].code']);
      expect(await ctx.get(FindConsumers).byOrgNumber(org)).toBeNull();
    });
  });

  describe('update', () => {
    it('changes what is given, audits before and after, and writes nothing when nothing changes', async () => {
      const consumer = await ctx.newConsumer();
      const updated = await ctx
        .get(UpdateConsumer)
        .execute(consumer.id, { name: 'Nytt navn kommune', municipalityNumber: '4601' }, admin());
      expect(updated).toMatchObject({ name: 'Nytt navn kommune', municipalityNumber: '4601', orgNumber: consumer.orgNumber });
      await ctx.get(UpdateConsumer).execute(consumer.id, { name: 'Nytt navn kommune' }, admin());
      const entries = await auditOf(consumer.id, 'consumer.updated');
      expect(entries).toHaveLength(1);
      expect(entries[0].details).toMatchObject({
        before: { name: consumer.name, municipalityNumber: null },
        after: { name: 'Nytt navn kommune', municipalityNumber: '4601' },
      });
    });

    it('refuses another consumer’s organisation number and an unknown consumer', async () => {
      const [a, b] = [await ctx.newConsumer(), await ctx.newConsumer()];
      expect(await domainError(ctx.get(UpdateConsumer).execute(a.id, { orgNumber: b.orgNumber }, admin()))).toMatchObject({
        code: 'consumer_exists',
      });
      expect((await detail(a.id)).orgNumber).toBe(a.orgNumber);
      expect(
        await domainError(ctx.get(UpdateConsumer).execute('00000000-0000-4000-8000-000000000000', { name: 'x' }, admin())),
      ).toMatchObject({ kind: 'not-found', code: 'consumer_not_found' });
    });
  });

  describe('API keys', () => {
    const authenticator = () => ctx.app.get<ConsumerAuthenticator>(CONSUMER_AUTHENTICATOR);

    it('identify the consumer while it may authenticate: refused as inactive while suspended, again once active', async () => {
      const consumer = await ctx.newConsumer();
      const { key } = await ctx.get(CreateConsumerApiKey).execute(consumer.id, 'Fagsystem', admin());
      const [stored] = await ctx.query<{ key_hash: string }>('SELECT key_hash FROM consumer_api_key WHERE consumer_id = $1', [consumer.id]);
      expect(stored.key_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(stored.key_hash).not.toContain(key);
      expect(await authenticator().byApiKey(key)).toMatchObject({ kind: 'consumer', consumerId: consumer.id, via: 'api-key' });
      await ctx.get(UpdateConsumer).execute(consumer.id, { status: 'suspended' }, admin());
      // Refused as inactive, not as unknown: the key is sound, the consumer may not use it now.
      expect(await domainError(authenticator().byApiKey(key))).toMatchObject({ code: 'consumer_inactive' });
      await ctx.get(UpdateConsumer).execute(consumer.id, { status: 'active' }, admin());
      expect(await authenticator().byApiKey(key)).toMatchObject({ consumerId: consumer.id });
    });

    it('are not issued to a terminated consumer (consumer_terminated)', async () => {
      const consumer = await ctx.newConsumer();
      await ctx.get(UpdateConsumer).execute(consumer.id, { status: 'terminated' }, admin());
      expect(await domainError(ctx.get(CreateConsumerApiKey).execute(consumer.id, null, admin()))).toMatchObject({
        kind: 'unprocessable',
        code: 'consumer_terminated',
      });
      expect(await ctx.query('SELECT id FROM consumer_api_key WHERE consumer_id = $1', [consumer.id])).toEqual([]);
    });
  });

  describe('contacts', () => {
    it('are added with a normalised address, refused twice (contact_exists), changed and removed', async () => {
      const consumer = await ctx.newConsumer();
      const added = await ctx
        .get(AddConsumerContact)
        .execute(consumer.id, { name: ' Sikkerhet ', email: ' Sikker@Kommune.Example.test ', role: 'security' }, admin());
      expect(added).toMatchObject({ name: 'Sikkerhet', email: 'sikker@kommune.example.test', phone: null, role: 'security' });
      expect(
        await domainError(
          ctx
            .get(AddConsumerContact)
            .execute(consumer.id, { name: 'Igjen', email: 'sikker@kommune.example.test', role: 'technical' }, admin()),
        ),
      ).toMatchObject({ code: 'contact_exists' });
      await ctx.get(UpdateConsumerContact).execute(consumer.id, added.id, { phone: '+47 55 00 00 00' }, admin());
      expect((await detail(consumer.id)).contacts.find((c) => c.id === added.id)).toMatchObject({ phone: '+47 55 00 00 00' });
      await ctx.get(RemoveConsumerContact).execute(consumer.id, added.id, admin());
      expect((await detail(consumer.id)).contacts.map((c) => c.email)).toEqual(consumer.contacts.map((c) => c.email));
      expect((await auditOf(consumer.id, 'consumer.contact_')).map((e) => e.action)).toEqual([
        'consumer.contact_removed',
        'consumer.contact_updated',
        'consumer.contact_added',
      ]);
    });

    it('keep one technical contact once a service is connected (last_technical_contact), not before', async () => {
      const consumer = await connectedConsumer();
      const technical = consumer.contacts.find((c) => c.role === 'technical')!;
      expect(
        await domainError(ctx.get(UpdateConsumerContact).execute(consumer.id, technical.id, { role: 'professional' }, admin())),
      ).toMatchObject({ kind: 'conflict', code: 'last_technical_contact' });
      expect(await domainError(ctx.get(RemoveConsumerContact).execute(consumer.id, technical.id, admin()))).toMatchObject({
        code: 'last_technical_contact',
      });
      expect((await detail(consumer.id)).contacts).toContainEqual(expect.objectContaining({ id: technical.id, role: 'technical' }));

      const notConnected = await ctx.newConsumer();
      const its = notConnected.contacts.find((c) => c.role === 'technical')!;
      await ctx.get(RemoveConsumerContact).execute(notConnected.id, its.id, admin());
      expect((await detail(notConnected.id)).contacts.some((c) => c.role === 'technical')).toBe(false);
    });

    it('answers contact_not_found for another consumer’s contact', async () => {
      const [a, b] = [await ctx.newConsumer(), await ctx.newConsumer()];
      expect(await domainError(ctx.get(RemoveConsumerContact).execute(a.id, b.contacts[0].id, admin()))).toMatchObject({
        kind: 'not-found',
        code: 'contact_not_found',
      });
    });
  });

  describe('service access', () => {
    it('adds a service at the back of the onboarding queue and keeps fields left out of an update', async () => {
      const consumer = await ctx.newConsumer({ services: ['inntekt'] });
      const { access, created } = await ctx
        .get(SetServiceAccess)
        .execute(consumer.id, 'eiendom', { environments: ['test'], purpose: 'Eiendomsskatt', connectionMethod: 'direct' }, admin());
      expect(created).toBe(true);
      expect(access).toMatchObject({
        code: 'eiendom',
        environments: ['test'],
        purpose: 'Eiendomsskatt',
        onboarding: { step: 'requested' },
      });
      const queue = await ctx.get(GetOnboardingQueue).execute();
      expect(queue[queue.length - 1]).toMatchObject({
        id: access.id,
        consumerId: consumer.id,
        serviceCode: 'eiendom',
        position: queue.length,
      });

      const again = await ctx.get(SetServiceAccess).execute(consumer.id, 'eiendom', { environments: ['production', 'test'] }, admin());
      expect(again).toMatchObject({ created: false, access: { id: access.id, purpose: 'Eiendomsskatt', connectionMethod: 'direct' } });
      expect((await auditOf(consumer.id, 'consumer.service_')).map((e) => e.action)).toEqual([
        'consumer.service_updated',
        'consumer.service_added',
      ]);
    });

    it('keeps earlier vendors as history when the vendor changes', async () => {
      const consumer = await ctx.newConsumer({ services: ['inntekt'] });
      const vendor = (seed: number, name: string) => ({ vendor: { orgNumber: orgNumber(seed), name } });
      await ctx
        .get(SetServiceAccess)
        .execute(consumer.id, 'inntekt', { connectionMethod: 'vendor', ...vendor(601, 'Leverandør A') }, admin());
      await ctx.get(SetServiceAccess).execute(consumer.id, 'inntekt', vendor(602, 'Leverandør B'), admin());
      const [stored] = (await detail(consumer.id)).services;
      expect(stored.vendor).toMatchObject({ orgNumber: orgNumber(602), name: 'Leverandør B' });
      expect(stored.vendorHistory).toEqual([
        expect.objectContaining({
          orgNumber: orgNumber(601),
          name: 'Leverandør A',
          connectionMethod: 'vendor',
          changedBy: ctx.admin.email,
        }),
      ]);
    });

    it('refuses a service outside the catalogue in force and removes access with an audit entry', async () => {
      const consumer = await ctx.newConsumer({ services: ['inntekt'] });
      expect(
        await domainError(ctx.get(SetServiceAccess).execute(consumer.id, 'finnes-ikke', { environments: ['test'] }, admin())),
      ).toMatchObject({ code: 'unknown_service' });
      await ctx.get(RemoveServiceAccess).execute(consumer.id, 'inntekt', admin());
      expect((await detail(consumer.id)).services).toEqual([]);
      const [entry] = await auditOf(consumer.id, 'consumer.service_removed');
      expect(entry.details.before).toMatchObject({ onboardingStep: 'requested' });
      expect(await domainError(ctx.get(RemoveServiceAccess).execute(consumer.id, 'inntekt', admin()))).toMatchObject({
        code: 'service_access_not_found',
      });
    });
  });

  describe('agreement', () => {
    it('replaces the agreement, keeping the previous one in the audit log', async () => {
      const consumer = await ctx.newConsumer({ services: ['inntekt'] });
      const set = (signatoryName: string) =>
        ctx.get(SetConsumerAgreement).execute(consumer.id, { signedOn: '2026-01-10', signatoryName, validFrom: '2026-01-01' }, admin());
      await set('Første underskriver');
      const second = await set('Andre underskriver');
      expect(second).toMatchObject({ signatoryName: 'Andre underskriver', validTo: null, acceptedTerms: [] });
      expect((await detail(consumer.id)).agreement).toMatchObject({ signatoryName: 'Andre underskriver' });
      const [latest] = await auditOf(consumer.id, 'consumer.agreement_set');
      expect(latest.details).toMatchObject({
        before: { signatoryName: 'Første underskriver' },
        after: { signatoryName: 'Andre underskriver' },
      });
    });

    it('accepts terms only for the consumer’s own services', async () => {
      const consumer = await ctx.newConsumer({ services: ['inntekt'] });
      const error = await domainError(
        ctx
          .get(SetConsumerAgreement)
          .execute(
            consumer.id,
            { signedOn: '2026-01-10', signatoryName: 'Ola', validFrom: '2026-01-01', acceptedTerms: [{ serviceCode: 'eiendom' }] },
            admin(),
          ),
      );
      expect(error).toMatchObject({ code: 'validation_failed', fields: [{ field: 'acceptedTerms[0].serviceCode' }] });
      expect((await detail(consumer.id)).agreement).toBeNull();
    });

    it('lists an agreement that ends within the window, with the days left', async () => {
      const consumer = await ctx.newConsumer();
      await ctx
        .get(SetConsumerAgreement)
        .execute(consumer.id, { signedOn: '2026-01-10', signatoryName: 'Ola', validFrom: '2026-01-01', validTo: day(30) }, admin());
      const mine = async (days: number) =>
        (await ctx.get(ListExpiringAgreements).execute(days)).filter((a) => a.consumerId === consumer.id);
      expect(await mine(60)).toEqual([
        { consumerId: consumer.id, orgNumber: consumer.orgNumber, name: consumer.name, validTo: day(30), daysLeft: expect.any(Number) },
      ]);
      expect((await mine(60))[0].daysLeft).toBeGreaterThanOrEqual(29);
      expect(await mine(10)).toEqual([]);
    });
  });

  describe('onboarding', () => {
    const advance = (consumer: { id: string }, code: string, to: 'qualified' | 'readiness-tested' | 'connected') =>
      ctx.get(AdvanceOnboarding).execute(consumer.id, code, to, null, admin());

    it('goes one step at a time and refuses go-live until the checklist is done', async () => {
      const consumer = await ctx.newConsumer({ services: ['inntekt'] });
      expect(await domainError(advance(consumer, 'inntekt', 'connected'))).toMatchObject({
        kind: 'conflict',
        code: 'onboarding_step_order',
      });
      await advance(consumer, 'inntekt', 'qualified');
      await advance(consumer, 'inntekt', 'readiness-tested');
      const incomplete = await domainError(advance(consumer, 'inntekt', 'connected'));
      expect(incomplete).toMatchObject({ kind: 'unprocessable', code: 'onboarding_checklist_incomplete' });
      await tickEverything(consumer, 'inntekt');
      const connected = await advance(consumer, 'inntekt', 'connected');
      expect(connected.onboarding.history.map((h) => h.step)).toEqual(['requested', 'qualified', 'readiness-tested', 'connected']);
      expect((await ctx.get(GetOnboardingQueue).execute()).some((q) => q.id === connected.id)).toBe(false);
      expect(await domainError(advance(consumer, 'inntekt', 'connected'))).toMatchObject({ code: 'onboarding_step_order' });
    });

    it('makes an applicant active when its first service is connected, which needs a technical contact', async () => {
      const applicant = await ctx.get(RegisterConsumer).execute({ orgNumber: orgNumber(504), name: 'Søker kommune' }, admin());
      await ctx.get(SetServiceAccess).execute(applicant.id, 'inntekt', { environments: ['test'], connectionMethod: 'direct' }, admin());
      await advance(applicant, 'inntekt', 'qualified');
      await advance(applicant, 'inntekt', 'readiness-tested');
      await tickEverything(applicant, 'inntekt');
      expect(await domainError(advance(applicant, 'inntekt', 'connected'))).toMatchObject({ code: 'technical_contact_required' });
      await ctx
        .get(AddConsumerContact)
        .execute(applicant.id, { name: 'Tekniker', email: 'tek@soker.example.test', role: 'technical' }, admin());
      await advance(applicant, 'inntekt', 'connected');
      expect((await detail(applicant.id)).status).toBe('active');
      const [entry] = await auditOf(applicant.id, 'consumer.onboarding_advanced');
      expect(entry.details).toMatchObject({
        before: { step: 'readiness-tested', status: 'applicant' },
        after: { step: 'connected', status: 'active' },
      });
    });

    it('records who ticked a checklist item, refuses unknown items, and audits only changes', async () => {
      const consumer = await ctx.newConsumer({ services: ['inntekt'] });
      const ticked = await ctx.get(UpdateOnboardingChecklist).execute(consumer.id, 'inntekt', { scopeName: true }, admin());
      expect(ticked.onboarding.checklist.find((i) => i.key === 'scopeName')).toMatchObject({ checked: true, checkedBy: ctx.admin.email });
      await ctx.get(UpdateOnboardingChecklist).execute(consumer.id, 'inntekt', { scopeName: true }, admin());
      expect(await auditOf(consumer.id, 'consumer.onboarding_checklist_updated')).toHaveLength(1);
      const error = await domainError(
        ctx.get(UpdateOnboardingChecklist).execute(consumer.id, 'inntekt', { unknownItem: true } as never, admin()),
      );
      expect(error).toMatchObject({ code: 'validation_failed', fields: [{ field: 'unknownItem' }] });
    });

    it('lets staff reorder the queue: the listed items swap the places they hold, others stay', async () => {
      const consumer = await ctx.newConsumer({ services: ['inntekt', 'eiendom', 'folkeregister'] });
      const mine = async () => (await ctx.get(GetOnboardingQueue).execute()).filter((q) => q.consumerId === consumer.id);
      const before = await mine();
      expect(before.map((q) => q.serviceCode)).toEqual(['inntekt', 'eiendom', 'folkeregister']);
      await ctx.get(ReorderOnboardingQueue).execute([before[2].id, before[0].id], admin());
      const after = await mine();
      expect(after.map((q) => q.serviceCode)).toEqual(['folkeregister', 'eiendom', 'inntekt']);
      expect(after.map((q) => q.position)).toEqual(before.map((q) => q.position));
      const twice = await domainError(ctx.get(ReorderOnboardingQueue).execute([before[0].id, before[0].id], admin()));
      expect(twice.fields).toEqual([{ field: 'ids[1]', message: 'is listed twice' }]);
      const unknown = await domainError(ctx.get(ReorderOnboardingQueue).execute(['00000000-0000-4000-8000-000000000000'], admin()));
      expect(unknown.fields).toEqual([{ field: 'ids[0]', message: 'is not in the onboarding queue' }]);
    });
  });

  async function tickEverything(consumer: { id: string }, code: string) {
    await ctx
      .get(UpdateOnboardingChecklist)
      .execute(
        consumer.id,
        code,
        { altinnDelegation: true, productionApiDelegated: true, mainOrganisationNumber: true, vendorMaskinporten: true, scopeName: true },
        admin(),
      );
  }

  /** A consumer whose only technical contact is needed: its service is connected. */
  async function connectedConsumer(): Promise<MediumConsumer> {
    const consumer = await ctx.newConsumer({ services: ['inntekt'] });
    for (const step of ['qualified', 'readiness-tested'] as const)
      await ctx.get(AdvanceOnboarding).execute(consumer.id, 'inntekt', step, null, admin());
    await tickEverything(consumer, 'inntekt');
    await ctx.get(AdvanceOnboarding).execute(consumer.id, 'inntekt', 'connected', 'I produksjon', admin());
    return consumer;
  }
});
