import { createHash } from 'node:crypto';

import {
  INBOUND_MAIL_HANDLERS,
  type InboundMail,
  type InboundMailHandler,
  type InboundMailTarget,
  maskNationalIdentityNumbers,
} from '@domain/shared';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@platform/config';
import { DatabaseContext } from '@platform/database';
import { ListOutboxMessages } from '@platform/mail';
import { type AddressObject, type ParsedMail, simpleParser } from 'mailparser';

import { InboundMessage } from './inbound-message.entity';
import { InboundMessageRepository } from './inbound-message.repository';
import { automaticMailReason, bareAddress } from './rules/automatic-mail';
import { inboundMailRoutes, normaliseMessageId, threadMessageIds } from './rules/route-inbound-mail';

/** The SMTP envelope: who the sending server says it is from ('' for the null sender) and to. */
export interface SmtpEnvelope {
  from: string | null;
  to: string[];
}

export interface InboundReceipt {
  id: string | null;
  /** The same Message-ID was stored before: nothing was done again. */
  duplicate: boolean;
  status: InboundMessage['status'] | null;
}

/** Longest text kept of one message: the rest is quoted history. */
const MAX_TEXT = 100_000;

/**
 * One e-mail from the listener: parsed, identity numbers masked, stored once per Message-ID with its
 * attachments (those over the limit by name and size only), then, unless it is automatic or our
 * own, handed to the context that owns its thread, all in one transaction: when the owner fails,
 * nothing is stored and the sending server is asked to try again.
 */
@Injectable()
export class ReceiveInboundMail {
  private readonly logger = new Logger(ReceiveInboundMail.name);

  constructor(
    private readonly db: DatabaseContext,
    private readonly messages: InboundMessageRepository,
    private readonly outbox: ListOutboxMessages,
    @Inject(INBOUND_MAIL_HANDLERS) private readonly handlers: InboundMailHandler[],
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(raw: Buffer, envelope: SmtpEnvelope): Promise<InboundReceipt> {
    const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
    const sender = firstAddress(parsed.from) ?? { address: storable(envelope.from ?? ''), name: null };
    const fromName = maskNationalIdentityNumbers(sender.name ?? '');
    const subject = maskNationalIdentityNumbers(storable(parsed.subject ?? ''));
    // Masked before it is cut to length, so a number the cut would split is masked whole; a
    // number is at most a few dozen characters long, however it is written.
    const masked = maskNationalIdentityNumbers(
      storable(parsed.text ?? '')
        .trim()
        .slice(0, MAX_TEXT + 100),
    );
    const body = { ...masked, text: masked.text.slice(0, MAX_TEXT) };
    const headers = headerValues(parsed);
    const reason = automaticMailReason({
      headers,
      from: sender.address,
      envelopeFrom: envelope.from,
      ownAddresses: [this.config.mailFrom],
    });
    const messageId = (parsed.messageId && normaliseMessageId(parsed.messageId)) ?? contentId(raw);
    const references = typeof parsed.references === 'string' ? [parsed.references] : (parsed.references ?? []);
    const filenames = parsed.attachments.map((a) => maskNationalIdentityNumbers(storable(a.filename ?? '')));
    const attachments = parsed.attachments.map((a, i) => {
      const stored = a.size <= this.config.inboundMail.maxAttachmentBytes;
      return {
        filename: filenames[i].text || null,
        contentType: storable(a.contentType),
        sizeBytes: a.size,
        content: stored ? a.content : null,
        stored,
      };
    });

    return this.db.transaction(async () => {
      const message = await this.messages.insertOnce({
        messageId,
        fromAddress: bareAddress(sender.address),
        fromName: fromName.text || null,
        to: envelope.to.map((to) => bareAddress(storable(to))),
        subject: subject.text,
        text: body.text,
        inReplyTo: parsed.inReplyTo ? normaliseMessageId(parsed.inReplyTo) : null,
        references: references.map(normaliseMessageId).filter((r): r is string => !!r),
        sizeBytes: raw.length,
        personalDataMasked: [fromName, subject, body, ...filenames].some((masked) => masked.found.length > 0),
        status: reason ? 'ignored' : 'unrouted',
        ignoredReason: reason,
        attachmentCount: attachments.length,
      });
      if (!message) return { id: null, duplicate: true, status: null };
      await this.messages.addAttachments(attachments.map((a) => ({ ...a, inboundMessageId: message.id })));
      if (reason) {
        this.logger.log({ inboundMessage: message.id, reason }, 'automatic inbound e-mail kept, not routed');
        return { id: message.id, duplicate: false, status: message.status };
      }
      return { id: message.id, duplicate: false, status: await this.route(message) };
    });
  }

  /**
   * To the owner of its thread or of a reference in its subject, the most likely first; what every
   * owner declines, or nobody claims, goes to the context that opens new conversations (a ticket),
   * so a person's mail always reaches a case.
   */
  private async route(message: InboundMessage): Promise<InboundMessage['status']> {
    const ids = threadMessageIds(message.inReplyTo, message.references);
    const routes = inboundMailRoutes({
      inReplyTo: message.inReplyTo,
      references: message.references,
      subject: message.subject,
      sent: await this.outbox.sentAbout(ids),
      owners: this.handlers,
    });
    const mail: InboundMail = {
      id: message.id,
      messageId: message.messageId,
      from: message.fromAddress,
      fromName: message.fromName,
      subject: message.subject,
      text: message.text,
      receivedAt: message.receivedAt,
      attachmentCount: message.attachmentCount,
      threadIds: ids,
    };
    for (const route of routes) {
      const owner = this.handlers.find((h) => h.name === route.owner);
      if (owner && (await this.handOver(message.id, owner, mail, route.target))) return 'routed';
    }
    const opener = this.handlers.find((h) => h.takesNewConversations);
    if (opener && (await this.handOver(message.id, opener, mail, { how: 'new-conversation' }))) return 'routed';
    return 'unrouted';
  }

  private async handOver(id: string, handler: InboundMailHandler, mail: InboundMail, target: InboundMailTarget): Promise<boolean> {
    const outcome = await handler.accept(mail, target);
    if (outcome.accepted)
      await this.messages.markRouted(id, {
        routedTo: handler.name,
        routeHow: outcome.how ?? target.how,
        routeSummary: outcome.summary ?? null,
      });
    return outcome.accepted;
  }
}

function firstAddress(from: AddressObject | undefined): { address: string; name: string | null } | null {
  const first = from?.value.find((v) => v.address);
  return first?.address ? { address: storable(first.address), name: storable(first.name) || null } : null;
}

/**
 * The text without NUL characters, which PostgreSQL cannot store in text: a message's encoded
 * words and quoted-printable may decode to them, and refusing the message would lose it.
 */
function storable(text: string): string {
  return text.replaceAll('\u0000', '');
}

/** Header name (lower case) → its raw value, folded lines joined; the first of repeated headers. */
function headerValues(parsed: ParsedMail): Record<string, string> {
  const values: Record<string, string> = {};
  for (const { key, line } of parsed.headerLines) {
    const value = line
      .slice(line.indexOf(':') + 1)
      .replace(/\r?\n[ \t]+/g, ' ')
      .trim();
    if (!(key in values)) values[key] = value;
  }
  return values;
}

/** A message without a Message-ID is named by its content, so a second delivery of it is still one. */
function contentId(raw: Buffer): string {
  return `<${createHash('sha256').update(raw).digest('hex')}@inbound.invalid>`;
}
