import {
  AssessChangeRequest,
  type ChangeRequestInput,
  ChangeRequestQueries,
  MergeChangeRequests,
  SubmitChangeRequest,
  SupportChangeRequest,
} from '@domain/change-requests';
import { ListOutboxMessages } from '@platform/mail';

import { domainError, type MediumConsumer, MediumContext } from './medium-context';

const wish = (title: string): ChangeRequestInput => ({
  service: 'inntekt',
  title,
  description: 'Inntekt per måned.',
  useCase: 'Foreldrebetaling.',
  urgency: 'medium',
});

describe('change requests: support and merging under concurrency (use cases on the database)', () => {
  let ctx: MediumContext;
  let consumers: MediumConsumer[];
  const submit = (c: MediumConsumer, title: string) => ctx.get(SubmitChangeRequest).execute(c.principal, wish(title));
  const support = (c: MediumConsumer, id: string) => ctx.get(SupportChangeRequest).execute(c.principal, id, `Bruk hos ${c.name}`);
  const supporters = async (id: string) =>
    (await ctx.get(ChangeRequestQueries).get(id, ctx.admin.principal)).supporters.map((s) => s.consumerId).sort();

  beforeAll(async () => {
    ctx = await MediumContext.create();
    await ctx.ensureCatalogue();
    consumers = [];
    for (let i = 0; i < 6; i++) consumers.push(await ctx.newConsumer());
  });
  afterAll(() => ctx?.close());

  it('keeps one support per consumer when supports and a merge race', async () => {
    const [a, b, ...others] = consumers;
    const duplicate = await submit(a, 'Duplikat');
    const survivor = await submit(b, 'Overlever');
    // Supports of the duplicate, some before the merge and some waiting for it: all end up on the survivor.
    await Promise.all([
      ...others.map((c) => support(c, duplicate.id)),
      ctx.get(MergeChangeRequests).merge(duplicate.id, survivor.id, ctx.admin.actor),
    ]);
    expect(await supporters(survivor.id)).toEqual(consumers.map((c) => c.id).sort());
    const rows = await ctx
      .get(ChangeRequestQueries)
      .list(ctx.admin.principal, { services: ['inntekt'] })
      .then((list) => list.filter((r) => r.id === duplicate.id));
    expect(rows).toEqual([]);
  });

  it('undoes a merge exactly: the moved supports go back, the ones that stayed stay', async () => {
    const [a, b, c, d] = consumers;
    const duplicate = await submit(a, 'Angre duplikat');
    const survivor = await submit(b, 'Angre overlever');
    await support(c, duplicate.id);
    await support(c, survivor.id);
    await support(d, duplicate.id);
    const before = { duplicate: await supporters(duplicate.id), survivor: await supporters(survivor.id) };
    const merged = await ctx.get(MergeChangeRequests).merge(duplicate.id, survivor.id, ctx.admin.actor);
    expect(merged.moved).toBe(2);
    expect(await supporters(survivor.id)).toEqual([a.id, b.id, c.id, d.id].sort());
    await ctx.get(MergeChangeRequests).unmerge(duplicate.id, ctx.admin.actor);
    expect({ duplicate: await supporters(duplicate.id), survivor: await supporters(survivor.id) }).toEqual(before);
  });

  it('lets only one of two opposite merges win', async () => {
    const [a, b] = consumers;
    const one = await submit(a, 'Motsatt en');
    const two = await submit(b, 'Motsatt to');
    const merger = ctx.get(MergeChangeRequests);
    const results = await Promise.allSettled([
      merger.merge(one.id, two.id, ctx.admin.actor),
      merger.merge(two.id, one.id, ctx.admin.actor),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
    expect(await domainError(Promise.reject(refused.reason))).toMatchObject({ code: 'merge_already_merged' });
  });

  it('tells supporters of a declination once, with the reason', async () => {
    const [a, b] = consumers;
    const request = await submit(a, 'Avslås');
    await support(b, request.id);
    const assess = ctx.get(AssessChangeRequest);
    expect(await domainError(assess.execute(request.id, { status: 'declined' }, ctx.admin.actor))).toMatchObject({
      code: 'validation_failed',
    });
    const first = await assess.execute(request.id, { status: 'declined', message: 'Dekkes av dagens tjeneste.' }, ctx.admin.actor);
    const again = await assess.execute(request.id, { status: 'declined', message: 'Igjen.' }, ctx.admin.actor);
    expect(first.notified).toBe(a.contacts.length + b.contacts.length);
    expect(again.notified).toBe(0);
    const mails = await ctx.get(ListOutboxMessages).execute({ relatedType: 'change_request', relatedId: request.id });
    expect(mails.filter((m) => m.template === 'change-request-outcome')).toHaveLength(a.contacts.length + b.contacts.length);
  });
});
