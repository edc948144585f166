import { SYSTEM_ACTOR } from '@domain/shared';
import { AddTicketMessage, ChangeTicketStatus, OpenTicket, TicketQueries } from '@domain/support';
import { ListOutboxMessages } from '@platform/mail';

import { domainError, type MediumConsumer, MediumContext } from './medium-context';

const SENDER = 'saksbehandler@kommune.example.test';

describe('tickets by e-mail and under concurrency (use cases on the database)', () => {
  let ctx: MediumContext;
  let consumer: MediumConsumer;
  const mailOf = async (ticketId: string) =>
    (await ctx.get(ListOutboxMessages).execute({ relatedType: 'ticket', relatedId: ticketId, limit: 50 })).sort(
      (x, y) => x.createdAt.getTime() - y.createdAt.getTime(),
    );

  beforeAll(async () => {
    ctx = await MediumContext.create();
    await ctx.ensureCatalogue();
    consumer = await ctx.newConsumer();
  });
  afterAll(() => ctx?.close());

  it('opens a ticket from an e-mail, answers in its thread and finds it again by reference or Message-ID', async () => {
    const inbound = '<spm-1@kommune.example.test>';
    const opened = await ctx.get(OpenTicket).execute(
      {
        channel: 'email',
        fromAddress: SENDER,
        messageId: inbound,
        consumerId: consumer.id,
        subject: 'Tilgang',
        body: 'Hei, vi mangler tilgang.',
      },
      { kind: 'system', id: null, label: SENDER },
    );
    const queries = ctx.get(TicketQueries);
    expect(await queries.byReference(`SV: Svar fra KS: Tilgang [${opened.reference.toLowerCase()}]`)).toMatchObject({ id: opened.id });
    expect(await queries.byMessageId(inbound)).toMatchObject({ id: opened.id, status: 'new' });

    const answer = await ctx
      .get(AddTicketMessage)
      .execute(
        { ticketId: opened.id, body: 'Dere trenger rollen.', visibility: 'public', author: 'staff', channel: 'staff' },
        ctx.admin.actor,
      );
    expect(answer.emailedTo).toEqual([SENDER]);
    const [mail] = await mailOf(opened.id);
    expect(mail).toMatchObject({ inReplyTo: inbound, references: [inbound], to: [SENDER] });
    expect(await queries.byMessageId(mail.messageId)).toMatchObject({ id: opened.id });

    const reply = '<spm-2@kommune.example.test>';
    await ctx.get(ChangeTicketStatus).execute(opened.id, 'waiting_on_consumer', ctx.admin.actor);
    const back = await ctx.get(AddTicketMessage).execute(
      {
        ticketId: opened.id,
        body: 'Takk.',
        visibility: 'public',
        author: 'requester',
        channel: 'email',
        fromAddress: SENDER,
        messageId: reply,
      },
      { kind: 'system', id: null, label: SENDER },
    );
    expect(back).toMatchObject({ status: 'open', emailedTo: [] });
    await ctx
      .get(AddTicketMessage)
      .execute({ ticketId: opened.id, body: 'Flott.', visibility: 'public', author: 'staff', channel: 'staff' }, ctx.admin.actor);
    const second = (await mailOf(opened.id))[1];
    expect(second.inReplyTo).toBe(reply);
    expect(second.references).toEqual([inbound, mail.messageId, reply]);
  });

  it('opens a ticket from an unknown sender without a consumer, answering the sender', async () => {
    const opened = await ctx
      .get(OpenTicket)
      .execute(
        { channel: 'email', fromAddress: 'Ukjent@Leverandor.example.test', subject: 'Spørsmål', body: 'Hvem kan svare?' },
        SYSTEM_ACTOR,
      );
    const ticket = await ctx.get(TicketQueries).get(opened.id, ctx.admin.principal);
    expect(ticket).toMatchObject({ consumerId: null, requesterEmail: 'ukjent@leverandor.example.test', channel: 'email' });
    const answer = await ctx
      .get(AddTicketMessage)
      .execute({ ticketId: opened.id, body: 'Hei!', visibility: 'public', author: 'staff', channel: 'staff' }, ctx.admin.actor);
    expect(answer.emailedTo).toEqual(['ukjent@leverandor.example.test']);
  });

  it('refuses the requester’s message on a closed ticket, naming the code the inbound path opens a new ticket on', async () => {
    const opened = await ctx.get(OpenTicket).forCaller(consumer.principal, { subject: 'Lukkes', body: 'Hei.' });
    await ctx.get(ChangeTicketStatus).execute(opened.id, 'closed', ctx.admin.actor);
    const error = await domainError(
      ctx
        .get(AddTicketMessage)
        .execute(
          { ticketId: opened.id, body: 'Igjen.', visibility: 'public', author: 'requester', channel: 'email', fromAddress: SENDER },
          SYSTEM_ACTOR,
        ),
    );
    expect(error.code).toBe('ticket_closed');
  });

  it('gives each of many tickets opened at once its own reference', async () => {
    const opened = await Promise.all(
      Array.from({ length: 8 }, (_, i) => ctx.get(OpenTicket).forCaller(consumer.principal, { subject: `Samtidig ${i}`, body: 'Hei.' })),
    );
    expect(new Set(opened.map((o) => o.reference)).size).toBe(8);
  });

  it('keeps every answer when staff answer one ticket at the same time, each in the thread', async () => {
    const opened = await ctx.get(OpenTicket).forCaller(consumer.principal, { subject: 'Mange svar', body: 'Hei.' });
    await Promise.all(
      [1, 2, 3].map((n) =>
        ctx
          .get(AddTicketMessage)
          .execute({ ticketId: opened.id, body: `Svar ${n}`, visibility: 'public', author: 'staff', channel: 'staff' }, ctx.admin.actor),
      ),
    );
    const ticket = await ctx.get(TicketQueries).get(opened.id, ctx.admin.principal);
    expect(ticket.messages.filter((m) => m.author === 'staff')).toHaveLength(3);
    const mails = await mailOf(opened.id);
    // Each answer replies to the one before it: the ticket's lock orders them. That order is not the
    // rows' created_at (each transaction's start), so the chain is followed by its References.
    const perRecipient = mails.filter((m) => m.to[0] === mails[0].to[0]).sort((a, b) => a.references.length - b.references.length);
    expect(perRecipient).toHaveLength(3);
    for (let i = 1; i < perRecipient.length; i++) expect(perRecipient[i].references).toContain(perRecipient[i - 1].messageId);
  });
});
