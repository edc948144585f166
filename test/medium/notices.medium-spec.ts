import { ListAuditEntries } from '@domain/audit';
import { CreateNotice, PreviewNoticeAudience, SendNotice, UpdateNotice, WithdrawNotice } from '@domain/notices';
import type { Environment } from '@domain/shared';

import { domainError, MediumContext } from './medium-context';

/** Each test names services of its own from the default catalogue, so audiences never overlap between tests. */
describe('change notices (use cases on the database)', () => {
  let ctx: MediumContext;
  const staff = () => ctx.admin.actor;
  const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();
  const access = (code: string, environments: Environment[], entitlementPackage: string | null, serviceArea: string | null) => ({
    code,
    environments,
    legalBasis: 'Forskrift',
    purpose: 'Test',
    entitlementPackage,
    serviceArea,
  });
  const create = (over: object) =>
    ctx
      .get(CreateNotice)
      .execute(
        { title: 'Varsel', body: 'Tekst', services: ['skatteoppgjor'], environments: ['production'], effectiveAt: inDays(30), ...over },
        staff(),
      );
  const orgsOf = async (id: string) =>
    [...new Set((await ctx.get(PreviewNoticeAudience).execute(id)).recipients.map((r) => r.orgNumber))].sort();

  beforeAll(async () => {
    ctx = await MediumContext.create();
  });
  afterAll(() => ctx?.close());

  it('narrows the audience by rettighetspakke and service area as the registry records them', async () => {
    const code = ctx.freshService();
    const barnehage = await ctx.newConsumer({
      services: [access(code, ['production'], 'foreldrebetaling', 'Redusert foreldrebetaling barnehage/SFO')],
    });
    const bolig = await ctx.newConsumer({ services: [access(code, ['production', 'test'], 'bostotte', 'Boligsosialt arbeid')] });
    const bare = await ctx.newConsumer({ services: [access(code, ['production'], null, null)] });
    const all = await create({ services: [code] });
    expect(await orgsOf(all.id)).toEqual([barnehage.orgNumber, bolig.orgNumber, bare.orgNumber].sort());
    const byPackage = await create({ services: [code], entitlementPackages: ['bostotte'] });
    expect(await orgsOf(byPackage.id)).toEqual([bolig.orgNumber]);
    const byArea = await create({ services: [code], serviceAreas: ['Redusert foreldrebetaling barnehage/SFO'] });
    expect(await orgsOf(byArea.id)).toEqual([barnehage.orgNumber]);
    const inTest = await create({ services: [code], environments: ['test'] });
    expect(await orgsOf(inTest.id)).toEqual([bolig.orgNumber]);
  });

  it('changes a draft, refusing bad input without changing it, and not once it is sent; every step audited', async () => {
    const code = ctx.freshService();
    await ctx.newConsumer({ services: [code] });
    const draft = await create({ services: [code], title: 'Først' });
    const bad = await domainError(
      ctx
        .get(UpdateNotice)
        .execute(
          draft.id,
          { title: 'Nytt', body: 'x', services: ['finnes-ikke'], environments: ['production'], effectiveAt: inDays(9) },
          staff(),
        ),
    );
    expect(bad.fields.map((f) => f.field)).toEqual(['services']);
    const changed = await ctx
      .get(UpdateNotice)
      .execute(
        draft.id,
        { title: 'Andre', body: 'Ny tekst', services: [code], environments: ['production'], effectiveAt: inDays(9) },
        staff(),
      );
    expect(changed).toMatchObject({ title: 'Andre', body: 'Ny tekst', status: 'draft' });
    const sent = await ctx.get(SendNotice).execute(draft.id, staff());
    expect(sent).toMatchObject({ recipients: 2, sentNow: true });
    const late = await domainError(
      ctx
        .get(UpdateNotice)
        .execute(draft.id, { title: 'Tredje', body: 'x', services: [code], environments: ['production'], effectiveAt: inDays(9) }, staff()),
    );
    expect(late.code).toBe('notice_not_editable');
    const audit = await ctx.get(ListAuditEntries).execute({ objectId: draft.id });
    expect(audit.map((e) => e.action).sort()).toEqual(['notice.created', 'notice.sent', 'notice.updated']);
  });

  it('withdraws a draft without writing to anyone', async () => {
    const code = ctx.freshService();
    await ctx.newConsumer({ services: [code] });
    const draft = await create({ services: [code] });
    expect(await ctx.get(WithdrawNotice).execute(draft.id, staff())).toMatchObject({ status: 'withdrawn', notified: 0 });
    expect((await domainError(ctx.get(SendNotice).execute(draft.id, staff()))).code).toBe('notice_withdrawn');
  });
});
