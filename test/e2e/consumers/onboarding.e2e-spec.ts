import { SetServiceAccess } from '@domain/consumers';

import { BERGEN, consumerRegistryApp, ORG, OSLO, registered, RegisteredDetail } from '../../support/consumer-fixtures';
import { bearer, TestApp } from '../../support/test-app';

describe('contacts, agreement, service access and onboarding', () => {
  let t: TestApp;
  const admin = () => bearer(t.adminToken);
  let oslo: RegisteredDetail;
  let bergen: RegisteredDetail;

  beforeAll(async () => {
    t = await consumerRegistryApp();
    [oslo, bergen] = [await registered(t, OSLO), await registered(t, BERGEN)];
  });
  afterAll(() => t?.close());

  describe('contacts, agreement and service access', () => {
    it('adds, changes and removes contacts', async () => {
      const added = await t.http
        .post(`/api/v1/consumers/${bergen.id}/contacts`)
        .set(admin())
        .send({ name: 'Sikker', email: 'Sikker@Bergen.example.test', role: 'security' })
        .expect(201);
      expect(added.body.email).toBe('sikker@bergen.example.test');
      await t.http
        .post(`/api/v1/consumers/${bergen.id}/contacts`)
        .set(admin())
        .send({ name: 'Igjen', email: 'sikker@bergen.example.test', role: 'technical' })
        .expect(409);
      await t.http
        .patch(`/api/v1/consumers/${bergen.id}/contacts/${added.body.id}`)
        .set(admin())
        .send({ phone: '+47 55 00 00 00' })
        .expect(200);
      await t.http.delete(`/api/v1/consumers/${bergen.id}/contacts/${added.body.id}`).set(admin()).expect(204);
      const after = (await t.http.get(`/api/v1/consumers/${bergen.id}`).set(admin()).expect(200)).body;
      expect(after.contacts.map((c: { email: string }) => c.email)).toEqual([`fag-${ORG.bergen}@kommune.example.test`]);
    });

    it('records the agreement and lists it when it expires within the window', async () => {
      const in30 = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
      await t.http
        .put(`/api/v1/consumers/${oslo.id}/agreement`)
        .set(admin())
        .send({ signedOn: '2026-01-10', signatoryName: 'Ola', validFrom: '2026-02-01', validTo: '2026-01-01' })
        .expect(400);
      await t.http
        .put(`/api/v1/consumers/${oslo.id}/agreement`)
        .set(admin())
        .send({ signedOn: '2026-01-10', signatoryName: 'Ola', validFrom: '2026-01-01', acceptedTerms: [{ serviceCode: 'testonly' }] })
        .expect(400);
      const res = await t.http
        .put(`/api/v1/consumers/${oslo.id}/agreement`)
        .set(admin())
        .send({
          signedOn: '2026-01-10',
          signatoryName: 'Ola Nordmann',
          signatoryTitle: 'Kommunedirektør',
          validFrom: '2026-01-01',
          validTo: in30,
          documentReference: 'P360 2026/1',
          acceptedTerms: [{ serviceCode: 'ssg', sharingTermsVersion: '2.1', usageTermsVersion: '1.4' }],
        })
        .expect(200);
      expect(res.body).toMatchObject({
        validTo: in30,
        acceptedTerms: [{ serviceCode: 'ssg', sharingTermsVersion: '2.1', usageTermsVersion: '1.4' }],
      });
      const expiring = (await t.http.get('/api/v1/consumers/agreements/expiring?days=60').set(admin()).expect(200)).body;
      expect(expiring).toEqual([
        { consumerId: oslo.id, orgNumber: ORG.oslo, name: 'Oslo kommune', validTo: in30, daysLeft: expect.any(Number) },
      ]);
      expect((await t.http.get('/api/v1/consumers/agreements/expiring?days=10').set(admin()).expect(200)).body).toEqual([]);
    });

    it('answers access a colleague gave at the same moment with 409 concurrent_duplicate, keeping the one stored', async () => {
      const stored = () =>
        t.dataSource.query(`SELECT id, environments FROM consumer_service WHERE consumer_id = $1 AND service_code = 'ssg'`, [oslo.id]);
      const before = await stored();
      expect(before).toHaveLength(1);
      // Both looks for the access were made before the colleague's access was committed.
      const repo = t.get(SetServiceAccess)['repo'];
      jest.spyOn(repo, 'findService').mockResolvedValueOnce(null).mockResolvedValueOnce(null);
      const res = await t.http
        .put(`/api/v1/consumers/${oslo.id}/services/ssg`)
        .set(admin())
        .send({ environments: ['test'] })
        .expect(409);
      expect(res.body.code).toBe('concurrent_duplicate');
      expect(await stored()).toEqual(before);
    });

    it('keeps earlier vendors as history when the vendor changes', async () => {
      await t.http
        .put(`/api/v1/consumers/${oslo.id}/services/ssg`)
        .set(admin())
        .send({ connectionMethod: 'vendor', vendor: { orgNumber: ORG.vendorA, name: 'Leverandør A' } })
        .expect(200);
      const res = await t.http
        .put(`/api/v1/consumers/${oslo.id}/services/ssg`)
        .set(admin())
        .send({ vendor: { orgNumber: ORG.vendorB, name: 'Leverandør B' } })
        .expect(200);
      expect(res.body.vendor).toMatchObject({ orgNumber: ORG.vendorB, name: 'Leverandør B' });
      expect(res.body.vendorHistory).toEqual([
        expect.objectContaining({
          orgNumber: ORG.vendorA,
          name: 'Leverandør A',
          connectionMethod: 'vendor',
          changedBy: 'admin@ks.example.test',
        }),
      ]);
      expect(res.body.environments).toEqual(['production', 'test']);
      const byVendor = (
        await t.http
          .get(`/api/v1/consumers?vendor=${encodeURIComponent('leverandør b')}`)
          .set(admin())
          .expect(200)
      ).body.items;
      expect(byVendor.map((c: { id: string }) => c.id)).toEqual([oslo.id]);
    });

    it('adds access to a new service at the back of the onboarding queue, and rejects unknown ones', async () => {
      await t.http
        .put(`/api/v1/consumers/${bergen.id}/services/finnes-ikke`)
        .set(admin())
        .send({ environments: ['test'] })
        .expect(400);
      await t.http.put(`/api/v1/consumers/${bergen.id}/services/testonly`).set(admin()).send({}).expect(400);
      const res = await t.http
        .put(`/api/v1/consumers/${bergen.id}/services/testonly`)
        .set(admin())
        .send({ environments: ['test'] })
        .expect(200);
      expect(res.body.onboarding.step).toBe('requested');
      const queue = (await t.http.get('/api/v1/onboarding/queue').set(admin()).expect(200)).body;
      expect(queue[queue.length - 1]).toMatchObject({ consumerId: bergen.id, serviceCode: 'testonly', position: queue.length });
    });
  });

  describe('onboarding', () => {
    const advance = (id: string, code: string, to: string) =>
      t.http.post(`/api/v1/consumers/${id}/onboarding/${code}/advance`).set(admin()).send({ to });

    it('goes one step at a time and refuses go-live until the checklist is done', async () => {
      expect((await advance(oslo.id, 'ssg', 'connected').expect(409)).body.code).toBe('onboarding_step_order');
      await advance(oslo.id, 'ssg', 'qualified').expect(200);
      expect((await advance(oslo.id, 'ssg', 'qualified').expect(409)).body.code).toBe('onboarding_step_order');
      await advance(oslo.id, 'ssg', 'readiness-tested').expect(200);
      expect((await advance(oslo.id, 'ssg', 'connected').expect(422)).body.code).toBe('onboarding_checklist_incomplete');
      await t.http
        .patch(`/api/v1/consumers/${oslo.id}/onboarding/ssg/checklist`)
        .set(admin())
        .send({
          altinnDelegation: true,
          productionApiDelegated: true,
          mainOrganisationNumber: true,
          vendorMaskinporten: true,
          scopeName: true,
        })
        .expect(200);
      const connected = await advance(oslo.id, 'ssg', 'connected').expect(200);
      expect(connected.body.onboarding.step).toBe('connected');
      expect(connected.body.onboarding.history.map((h: { step: string; by: string }) => [h.step, h.by])).toEqual([
        ['requested', 'admin@ks.example.test'],
        ['qualified', 'admin@ks.example.test'],
        ['readiness-tested', 'admin@ks.example.test'],
        ['connected', 'admin@ks.example.test'],
      ]);
      await t.http.patch(`/api/v1/consumers/${oslo.id}/onboarding/ssg/checklist`).set(admin()).send({ unknownItem: true }).expect(400);
    });

    it('needs a technical contact for go-live, and keeps one once connected', async () => {
      await advance(bergen.id, 'ssg', 'qualified').expect(200);
      await advance(bergen.id, 'ssg', 'readiness-tested').expect(200);
      await t.http.put(`/api/v1/consumers/${bergen.id}/services/ssg`).set(admin()).send({ connectionMethod: 'direct' }).expect(200);
      await t.http
        .patch(`/api/v1/consumers/${bergen.id}/onboarding/ssg/checklist`)
        .set(admin())
        .send({ productionApiDelegated: true, mainOrganisationNumber: true, scopeName: true })
        .expect(200);
      expect((await advance(bergen.id, 'ssg', 'connected').expect(422)).body.code).toBe('technical_contact_required');
      const tech = await t.http
        .post(`/api/v1/consumers/${bergen.id}/contacts`)
        .set(admin())
        .send({ name: 'Tekniker', email: 'tek@bergen.example.test', role: 'technical' })
        .expect(201);
      await advance(bergen.id, 'ssg', 'connected').expect(200);
      expect((await t.http.delete(`/api/v1/consumers/${bergen.id}/contacts/${tech.body.id}`).set(admin()).expect(409)).body.code).toBe(
        'last_technical_contact',
      );
    });

    it('keeps an explicit queue that staff can reorder', async () => {
      const queue = (await t.http.get('/api/v1/onboarding/queue').set(admin()).expect(200)).body as Array<{
        id: string;
        serviceCode: string;
        consumerId: string;
        position: number;
      }>;
      expect(queue.some((q) => q.consumerId === oslo.id && q.serviceCode === 'ssg')).toBe(false);
      expect(queue.map((q) => q.position)).toEqual(queue.map((_, i) => i + 1));
      const reversed = [...queue].reverse().map((q) => q.id);
      const res = await t.http.post('/api/v1/onboarding/queue/reorder').set(admin()).send({ ids: reversed }).expect(200);
      expect(res.body.map((q: { id: string }) => q.id)).toEqual(reversed);
      expect((await t.http.get('/api/v1/onboarding/queue').set(admin()).expect(200)).body.map((q: { id: string }) => q.id)).toEqual(
        reversed,
      );
      const bad = await t.http
        .post('/api/v1/onboarding/queue/reorder')
        .set(admin())
        .send({ ids: [oslo.services.find((s) => s.code === 'ssg')!.id] })
        .expect(400);
      expect(bad.body.fields[0].field).toBe('ids[0]');
    });

    it('moves a row straight to a place from the board, renumbering the queue', async () => {
      const ids = async () =>
        ((await t.http.get('/api/v1/onboarding/queue').set(admin()).expect(200)).body as Array<{ id: string }>).map((q) => q.id);
      const before = await ids();
      expect(before.length).toBeGreaterThanOrEqual(2);
      const last = before[before.length - 1];
      const board = await t.http.get('/onboarding').set(admin()).expect(200);
      expect(board.text).toContain(`action="/onboarding/${last}/position"`);
      expect(board.text).toContain(`max="${before.length}"`);
      const res = await t.http.post(`/onboarding/${last}/position`).set(admin()).type('form').send({ position: '1' }).expect(303);
      expect(res.headers.location).toBe(`/onboarding#item-${last}`);
      expect(await ids()).toEqual([last, ...before.slice(0, -1)]);
      const queue = (await t.http.get('/api/v1/onboarding/queue').set(admin()).expect(200)).body as Array<{ position: number }>;
      expect(queue.map((q) => q.position)).toEqual(queue.map((_, i) => i + 1));
      const audit = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'onboarding.queue_reordered'`);
      expect(audit[0].n).toBeGreaterThanOrEqual(2);
    });
  });
});
