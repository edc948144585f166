import { ListAuditEntries } from '@domain/audit';
import {
  CompareCatalogueVersions,
  CopyCatalogueVersion,
  DeleteCatalogueVersion,
  FindServicesInForce,
  GetCatalogueInForce,
  GetCatalogueVersion,
  ListCatalogueVersions,
  osloDay,
  PublishCatalogueVersion,
  RemoveCatalogueService,
  SaveCatalogueService,
  UpdateCatalogueVersion,
} from '@domain/catalogue';

import { catalogueService } from '../support/fixtures';
import { domainError, MediumContext } from './medium-context';

/**
 * The catalogue in force is one for everyone, so each test dates its versions in a year of its
 * own, far ahead: no test changes what applies in another's year, or today.
 */
describe('catalogue of services, Bilag 2 (use cases on the database)', () => {
  let ctx: MediumContext;
  const admin = () => ctx.admin.actor;
  const view = (id: string) => ctx.get(GetCatalogueVersion).execute(id);
  const auditOf = (id: string, action = 'catalogue_version.') => ctx.get(ListAuditEntries).execute({ objectId: id, action });
  const at = (day: string) => new Date(`${day}T12:00:00Z`);

  beforeAll(async () => {
    ctx = await MediumContext.create();
  });
  afterAll(() => ctx?.close());

  describe('drafts', () => {
    it('are stored with their services in the order given, and audited with their content', async () => {
      const draft = await ctx.newCatalogueVersion({ effectiveFrom: '2401-01-01', services: ['inntekt', 'folkeregister'] });
      expect(draft).toMatchObject({ status: 'draft', inForce: false, publishedAt: null, serviceCodes: ['inntekt', 'folkeregister'] });
      expect(await view(draft.id)).toEqual(draft);
      const [created] = await auditOf(draft.id);
      expect(created).toMatchObject({ action: 'catalogue_version.created', actorLabel: ctx.admin.email });
      expect(created.details.after).toMatchObject({ effectiveFrom: '2401-01-01', services: draft.services });
    });

    it('are edited service by service: added last, replaced in place (also under a new code), removed', async () => {
      const draft = await ctx.newCatalogueVersion({ effectiveFrom: '2402-01-01', services: ['inntekt', 'folkeregister'] });
      const save = (replacing: string | null, code: string, name = `Tjeneste ${code}`) =>
        ctx.get(SaveCatalogueService).execute(draft.id, replacing, catalogueService(code, { name }), admin());
      expect((await save(null, 'hendelseslister')).serviceCodes).toEqual(['inntekt', 'folkeregister', 'hendelseslister']);
      const renamed = await save('inntekt', 'inntektsmottak', 'Inntektsmottak');
      expect(renamed.services.map((s) => [s.code, s.name])).toEqual([
        ['inntektsmottak', 'Inntektsmottak'],
        ['folkeregister', 'Tjeneste folkeregister'],
        ['hendelseslister', 'Tjeneste hendelseslister'],
      ]);
      expect(await domainError(save('folkeregister', 'hendelseslister'))).toMatchObject({
        code: 'validation_failed',
        fields: [{ field: 'code' }],
      });
      expect((await ctx.get(RemoveCatalogueService).execute(draft.id, 'folkeregister', admin())).serviceCodes).toEqual([
        'inntektsmottak',
        'hendelseslister',
      ]);
      expect(await domainError(ctx.get(RemoveCatalogueService).execute(draft.id, 'folkeregister', admin()))).toMatchObject({
        kind: 'not-found',
        code: 'catalogue_service_not_found',
      });
      expect(await auditOf(draft.id, 'catalogue_version.updated')).toHaveLength(3);
    });

    it('are copied from any version: its services, "(utkast)" after its label, the later of its date and today', async () => {
      const future = await ctx.newCatalogueVersion({ label: 'Kilde', effectiveFrom: '2403-01-01', services: ['inntekt'], published: true });
      const copy = await ctx.get(CopyCatalogueVersion).execute(future.id, {}, admin());
      expect(copy).toMatchObject({ label: 'Kilde (utkast)', status: 'draft', effectiveFrom: '2403-01-01', services: future.services });
      const [created] = await auditOf(copy.id);
      expect(created.details).toMatchObject({ copiedFrom: { id: future.id, label: 'Kilde' } });

      const past = await ctx.newCatalogueVersion({ effectiveFrom: '2001-01-01', services: ['inntekt'] });
      const before = osloDay(new Date());
      const fromPast = await ctx.get(CopyCatalogueVersion).execute(past.id, { label: 'Ny kladd' }, admin());
      expect([before, osloDay(new Date())]).toContain(fromPast.effectiveFrom);
      expect(await domainError(ctx.get(CopyCatalogueVersion).execute('00000000-0000-4000-8000-000000000000', {}, admin()))).toMatchObject({
        code: 'catalogue_version_not_found',
      });
    });

    it('are deleted with their services, and the audit log keeps what they held', async () => {
      const draft = await ctx.newCatalogueVersion({ effectiveFrom: '2404-01-01', services: ['inntekt', 'eiendom'] });
      await ctx.get(DeleteCatalogueVersion).execute(draft.id, admin());
      expect(await domainError(view(draft.id))).toMatchObject({ kind: 'not-found', code: 'catalogue_version_not_found' });
      expect(await ctx.query('SELECT code FROM catalogue_service WHERE version_id = $1', [draft.id])).toEqual([]);
      const [deleted] = await auditOf(draft.id, 'catalogue_version.deleted');
      expect(deleted.details.before).toMatchObject({ services: [{ code: 'inntekt' }, { code: 'eiendom' }] });
    });
  });

  describe('publishing', () => {
    it('records who and when, once: publishing again changes nothing', async () => {
      const draft = await ctx.newCatalogueVersion({ effectiveFrom: '2405-01-01' });
      const published = await ctx.get(PublishCatalogueVersion).execute(draft.id, admin());
      expect(published).toMatchObject({ status: 'published', publishedBy: ctx.admin.email, scheduled: true });
      expect(published.publishedAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
      const again = await ctx.get(PublishCatalogueVersion).execute(draft.id, admin());
      expect(again.publishedAt).toEqual(published.publishedAt);
      const entries = await auditOf(draft.id, 'catalogue_version.published');
      expect(entries).toHaveLength(1);
      expect(entries[0].details).toMatchObject({
        before: { status: 'draft' },
        after: { status: 'published', effectiveFrom: '2405-01-01' },
      });
    });

    it('refuses an empty version (catalogue_version_empty) and an unknown one, leaving the draft a draft', async () => {
      const empty = await ctx.newCatalogueVersion({ effectiveFrom: '2406-01-01', services: [] });
      expect(await domainError(ctx.get(PublishCatalogueVersion).execute(empty.id, admin()))).toMatchObject({
        kind: 'validation',
        code: 'catalogue_version_empty',
        fields: [{ field: 'services' }],
      });
      expect((await view(empty.id)).status).toBe('draft');
      expect(await domainError(ctx.get(PublishCatalogueVersion).execute('00000000-0000-4000-8000-000000000000', admin()))).toMatchObject({
        code: 'catalogue_version_not_found',
      });
    });

    it('makes a version immutable: every edit and the deletion answer catalogue_version_published', async () => {
      const published = await ctx.newCatalogueVersion({ effectiveFrom: '2407-01-01', services: ['inntekt'], published: true });
      const before = await view(published.id);
      const attempts = [
        () => ctx.get(UpdateCatalogueVersion).execute(published.id, { label: 'Endret', effectiveFrom: '2407-02-01' }, admin()),
        () => ctx.get(SaveCatalogueService).execute(published.id, null, catalogueService('eiendom'), admin()),
        () => ctx.get(RemoveCatalogueService).execute(published.id, 'inntekt', admin()),
        () => ctx.get(DeleteCatalogueVersion).execute(published.id, admin()),
      ];
      for (const attempt of attempts)
        expect(await domainError(attempt())).toMatchObject({ kind: 'conflict', code: 'catalogue_version_published' });
      expect(await view(published.id)).toEqual(before);
    });
  });

  describe('in force', () => {
    it('is the latest version published from that day on, a tie going to the later publication; never a draft', async () => {
      const first = await ctx.newCatalogueVersion({ effectiveFrom: '2501-01-01', services: ['inntekt', 'folkeregister'], published: true });
      await ctx.newCatalogueVersion({ effectiveFrom: '2501-03-01', services: ['eiendom'] });
      const second = await ctx.newCatalogueVersion({ effectiveFrom: '2501-06-01', services: ['hendelseslister'], published: true });
      const tie = await ctx.newCatalogueVersion({ effectiveFrom: '2501-06-01', services: ['inntekt'], published: true });

      const inForce = async (day: string) => (await ctx.get(GetCatalogueInForce).find(day))?.id;
      expect(await inForce('2501-01-01')).toBe(first.id);
      expect(await inForce('2501-05-31')).toBe(first.id);
      expect(await inForce('2501-06-01')).toBe(tie.id);
      // An instant late in the evening UTC is the next day in Oslo.
      expect(await inForce('2501-05-31T22:30:00Z')).toBe(tie.id);

      const find = ctx.get(FindServicesInForce);
      expect((await find.execute(['inntekt', 'eiendom', 'folkeregister'], at('2501-03-15'))).map((s) => s.code)).toEqual([
        'inntekt',
        'folkeregister',
      ]);
      expect(await find.allCodes(at('2501-07-01'))).toEqual(['inntekt']);

      const standing = (await ctx.get(ListCatalogueVersions).execute(at('2501-07-01'))).filter((v) =>
        [first.id, second.id, tie.id].includes(v.id),
      );
      expect(Object.fromEntries(standing.map((v) => [v.id, [v.status, v.inForce]]))).toEqual({
        [first.id]: ['superseded', false],
        [second.id]: ['superseded', false],
        [tie.id]: ['published', true],
      });
    });

    it('is none before any version (catalogue_not_in_force), and the day must be a date', async () => {
      expect(await ctx.get(GetCatalogueInForce).find('1999-12-31')).toBeNull();
      expect(await domainError(ctx.get(GetCatalogueInForce).execute('1999-12-31'))).toMatchObject({
        kind: 'not-found',
        code: 'catalogue_not_in_force',
      });
      expect(await domainError(ctx.get(GetCatalogueInForce).execute('31.12.2030'))).toMatchObject({
        code: 'validation_failed',
        fields: [{ field: 'at' }],
      });
    });
  });

  describe('comparing versions', () => {
    it('compares a published version with the one it replaced unless told which, and the other way round', async () => {
      const older = await ctx.newCatalogueVersion({ effectiveFrom: '2601-01-01', services: ['inntekt', 'folkeregister'], published: true });
      const newer = await ctx.newCatalogueVersion({
        effectiveFrom: '2601-06-01',
        services: [catalogueService('inntekt', { escalationEmails: ['ny@skatteetaten.example.test'] }), 'hendelseslister'],
        published: true,
      });
      const compare = ctx.get(CompareCatalogueVersions);
      const byDefault = await compare.execute(newer.id);
      expect(byDefault).toMatchObject({ from: { id: older.id }, to: { id: newer.id }, againstDefaulted: true });
      expect(byDefault.added.map((s) => s.code)).toEqual(['hendelseslister']);
      expect(byDefault.removed.map((s) => s.code)).toEqual(['folkeregister']);
      expect(byDefault.changed.map((c) => [c.code, c.changes.map((x) => x.field)])).toEqual([['inntekt', ['escalationEmails']]]);

      const reverse = await compare.execute(older.id, newer.id);
      expect(reverse).toMatchObject({ from: { id: newer.id }, to: { id: older.id }, againstDefaulted: false });
      expect(reverse.added.map((s) => s.code)).toEqual(['folkeregister']);
      expect(await domainError(compare.execute(newer.id, '00000000-0000-4000-8000-000000000000'))).toMatchObject({
        code: 'catalogue_version_not_found',
      });
    });

    it('needs a version to compare a draft with: with none in force today, the caller must name one', async () => {
      const draft = await ctx.newCatalogueVersion({ effectiveFrom: '2602-01-01', services: ['inntekt'] });
      expect(await domainError(ctx.get(CompareCatalogueVersions).execute(draft.id))).toMatchObject({
        code: 'validation_failed',
        fields: [{ field: 'against' }],
      });
    });
  });
});
