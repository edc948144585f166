import {
  type CannedResponse,
  cannedResponseVersion,
  MESSAGE_AUTHORS,
  MESSAGE_VISIBILITIES,
  TICKET_CATEGORIES,
  TICKET_CHANNELS,
  TICKET_LINK_KINDS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type TicketActivity,
  type TicketCounts,
  type TicketLinkView,
  type TicketMessageView,
  type TicketSummary,
  type TicketView,
} from '@domain/support';
import { ApiProperty } from '@nestjs/swagger';

export class TicketCreatedResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'HV-2026-0012' }) reference: string;
}

export class TicketAssigneeResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class TicketGroupResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Tilgang og fullmakter' }) name: string;
}

export class TicketSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'HV-2026-0012' }) reference: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) consumerId: string | null;
  @ApiProperty({ type: String, nullable: true }) consumerName: string | null;
  @ApiProperty({
    description: 'Came by e-mail from a sender the registry does not tie to exactly one consumer; cleared when staff set the consumer',
  })
  unverified: boolean;
  @ApiProperty({ type: String, nullable: true }) requesterName: string | null;
  @ApiProperty({ type: String, nullable: true }) requesterEmail: string | null;
  @ApiProperty() subject: string;
  @ApiProperty({ enum: TICKET_CATEGORIES, enumName: 'TicketCategory' }) category: string;
  @ApiProperty({ type: String, nullable: true }) serviceCode: string | null;
  @ApiProperty({ enum: TICKET_PRIORITIES, enumName: 'TicketPriority' }) priority: string;
  @ApiProperty({ enum: TICKET_STATUSES, enumName: 'TicketStatus' }) status: string;
  @ApiProperty({ enum: TICKET_CHANNELS, enumName: 'TicketChannel' }) channel: string;
  @ApiProperty({ type: TicketAssigneeResponse, nullable: true }) assignee: TicketAssigneeResponse | null;
  @ApiProperty({
    type: TicketGroupResponse,
    nullable: true,
    description: 'The assignment group; a new ticket goes to the group that handles its category',
  })
  group: TicketGroupResponse | null;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: "KS's first public answer" }) firstResponseAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolvedAt: Date | null;
  @ApiProperty() lastMessageAt: Date;
  @ApiProperty() createdAt: Date;

  static from(t: TicketSummary): TicketSummaryResponse {
    // The SLA due instant is KS's internal target; the API does not hand it to anyone.
    const { slaDueAt: _internal, ...summary } = t;
    return summary;
  }
}

export class TicketAttachmentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true }) filename: string | null;
  @ApiProperty() contentType: string;
  @ApiProperty({ type: 'integer' }) sizeBytes: number;
  @ApiProperty({ description: 'False when it was larger than INBOUND_MAX_ATTACHMENT_BYTES: only its name, type and size are kept' })
  stored: boolean;
}

export class TicketMessageResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: MESSAGE_VISIBILITIES, enumName: 'TicketMessageVisibility', description: 'internal: staff only' })
  visibility: string;
  @ApiProperty({ enum: MESSAGE_AUTHORS, enumName: 'TicketMessageAuthor' }) author: string;
  @ApiProperty({ description: 'For a consumer, every KS author is «KS»' }) authorLabel: string;
  @ApiProperty({ enum: TICKET_CHANNELS, enumName: 'TicketChannel' }) channel: string;
  @ApiProperty() body: string;
  @ApiProperty({ type: [TicketAttachmentResponse], description: 'The files that came with the e-mail it arrived as' })
  attachments: TicketAttachmentResponse[];
  @ApiProperty() createdAt: Date;

  static from(m: TicketMessageView): TicketMessageResponse {
    return { ...m };
  }
}

export class TicketLinkResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: TICKET_LINK_KINDS, enumName: 'TicketLinkKind' }) kind: string;
  @ApiProperty() reference: string;
  @ApiProperty({ format: 'uuid' }) targetId: string;
  @ApiProperty() createdAt: Date;

  static from(l: TicketLinkView): TicketLinkResponse {
    return { ...l };
  }
}

export class TicketRefResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'HV-2026-0012' }) reference: string;
}

export class MergedTicketResponse extends TicketRefResponse {
  @ApiProperty() subject: string;
}

/** A ticket with its messages as the caller may see them. */
export class TicketResponse extends TicketSummaryResponse {
  @ApiProperty({ type: [TicketMessageResponse], description: 'Oldest first; internal notes only for staff' })
  messages: TicketMessageResponse[];
  @ApiProperty({ type: [TicketLinkResponse], description: 'Staff only' }) links: TicketLinkResponse[];
  @ApiProperty({ type: TicketRefResponse, nullable: true, description: 'The ticket this one was merged into' })
  mergedInto: TicketRefResponse | null;
  @ApiProperty({ type: [MergedTicketResponse], description: 'Tickets merged into this one' }) merged: MergedTicketResponse[];

  static override from(t: TicketView): TicketResponse {
    return {
      ...TicketSummaryResponse.from(t),
      messages: t.messages.map((m) => TicketMessageResponse.from(m)),
      links: t.links.map((l) => TicketLinkResponse.from(l)),
      mergedInto: t.mergedInto,
      merged: t.merged,
    };
  }
}

export class TicketPageResponse {
  @ApiProperty({ type: [TicketSummaryResponse] }) items: TicketSummaryResponse[];
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: 'integer' }) page: number;
  @ApiProperty({ type: 'integer' }) perPage: number;
}

export class TicketMessageCreatedResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'The ticket it landed on (the one a merged ticket was merged into)' }) ticketId: string;
  @ApiProperty({ example: 'HV-2026-0012' }) reference: string;
  @ApiProperty({ enum: TICKET_STATUSES, enumName: 'TicketStatus', description: 'The ticket’s status after the message' }) status: string;
  @ApiProperty({ type: 'integer', description: 'Addresses the answer was e-mailed to (0 for a note)' }) emailed: number;
}

export class TicketTimelineLinkResponse {
  @ApiProperty({ enum: ['report', 'incident', 'onboarding', 'change_request'] }) kind: string;
  @ApiProperty({ example: 'KS-2026-0042', description: 'As the link names it (an onboarding: the organisation number)' }) reference: string;
  @ApiProperty({ format: 'uuid', description: "The linked object's id in its own context (an onboarding: the consumer's)" })
  targetId: string;
}

export class TicketTimelineEntryResponse {
  @ApiProperty({ description: 'Unique within the timeline' }) id: string;
  @ApiProperty() at: Date;
  @ApiProperty({
    enum: ['ticket', 'report', 'incident', 'onboarding', 'change_request'],
    description: "`ticket`: the ticket's own event; otherwise an event on the linked item named by `linked`",
  })
  source: string;
  @ApiProperty({
    type: TicketTimelineLinkResponse,
    nullable: true,
    description: 'The link the event comes through; null for the ticket’s own',
  })
  linked: TicketTimelineLinkResponse | null;
  @ApiProperty({
    description:
      'A security case the caller may not read (without the security or admin role): only that an event happened then; `kind` is `restricted`, `details` empty, `actorLabel` null',
  })
  restricted: boolean;
  @ApiProperty({ type: String, nullable: true }) actorLabel: string | null;
  @ApiProperty({
    example: 'status_changed',
    description:
      "The ticket's own: its event kinds. A report: received, grouped, moved, resolved, reopened. An incident: opened, triaged, escalated, escalation_sent, escalation_cancelled, resolved, reopened, merged_in, merged_into, split, security_step. Onboarding: step, checklist. A change request: submitted, supported, assessed, forwarded, answered, merged, unmerged, reply_received",
  })
  kind: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What the event records, by source and kind' })
  details: Record<string, unknown>;

  static from(a: TicketActivity): TicketTimelineEntryResponse {
    switch (a.source) {
      case 'ticket': {
        const e = a.event;
        return {
          id: e.id,
          at: e.at,
          source: 'ticket',
          linked: null,
          restricted: false,
          actorLabel: e.actorLabel,
          kind: e.kind,
          details: e.details as Record<string, unknown>,
        };
      }
      case 'report':
      case 'incident': {
        const e = a.entry;
        return {
          id: `${a.source}:${e.subjectId}:${e.id}`,
          at: e.at,
          source: a.source,
          linked: { ...a.link },
          restricted: e.restricted,
          actorLabel: e.actorLabel,
          kind: e.what?.kind ?? 'restricted',
          details: (e.what?.details as Record<string, unknown> | undefined) ?? {},
        };
      }
      case 'onboarding': {
        const e = a.entry;
        return {
          id: `onboarding:${e.id}`,
          at: e.at,
          source: a.source,
          linked: { ...a.link },
          restricted: false,
          actorLabel: e.actorLabel,
          kind: e.kind,
          details: { serviceCode: e.serviceCode, ...e.details },
        };
      }
      case 'change_request': {
        const e = a.entry;
        return {
          id: `change_request:${e.changeRequestId}:${e.id}`,
          at: e.at,
          source: a.source,
          linked: { ...a.link },
          restricted: false,
          actorLabel: e.actorLabel,
          kind: e.kind,
          details: e.details as Record<string, unknown>,
        };
      }
    }
  }
}

export class TicketStatusCountResponse {
  @ApiProperty({ enum: TICKET_STATUSES, enumName: 'TicketStatus' }) status: string;
  @ApiProperty({ type: 'integer' }) count: number;
}

export class TicketServiceCountResponse {
  @ApiProperty({ type: String, nullable: true }) serviceCode: string | null;
  @ApiProperty({ type: 'integer' }) count: number;
}

export class TicketGroupCountResponse {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: in no group' }) groupId: string | null;
  @ApiProperty({ type: 'integer' }) count: number;
}

export class TicketCountsResponse {
  @ApiProperty({ type: [TicketStatusCountResponse], description: 'Live tickets per status' }) byStatus: TicketStatusCountResponse[];
  @ApiProperty({ type: 'integer', description: 'Active tickets assigned to the caller' }) mine: number;
  @ApiProperty({ type: 'integer', description: 'Active tickets nobody has' }) unassigned: number;
  @ApiProperty({ type: 'integer', description: "Active tickets in the caller's groups («Mine grupper»)" }) myGroups: number;
  @ApiProperty({ type: 'integer', description: "Active tickets in the caller's groups that nobody has («Ufordelt i mine grupper»)" })
  unassignedInMyGroups: number;
  @ApiProperty({ type: [TicketGroupCountResponse], description: 'Active tickets per assignment group' })
  byGroup: TicketGroupCountResponse[];
  @ApiProperty({ type: 'integer', description: "Tickets whose SLA runs out before today's business hours end, or already has" })
  dueToday: number;
  @ApiProperty({ type: [TicketServiceCountResponse], description: 'Active tickets per service' }) byService: TicketServiceCountResponse[];

  static from(c: TicketCounts): TicketCountsResponse {
    return { ...c };
  }
}

export class TicketsChangedResponse {
  @ApiProperty({ type: 'integer', description: 'Tickets that changed' }) changed: number;
}

export class TicketsRepliedResponse {
  @ApiProperty({ type: 'integer' }) replied: number;
  @ApiProperty({ type: 'integer', description: 'E-mails queued, one per recipient address' }) emailed: number;
}

export class TicketLinkAddedResponse {
  @ApiProperty({ description: 'False when the ticket was already linked to it' }) added: boolean;
}

export class CannedResponseResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ enum: TICKET_STATUSES, enumName: 'TicketStatus', nullable: true }) setStatus: string | null;
  @ApiProperty() updatedBy: string;
  @ApiProperty() updatedAt: Date;
  @ApiProperty({ description: 'Changes with its content; send it back in If-Match so that a change made meanwhile is not overwritten' })
  version: string;

  static from(c: CannedResponse): CannedResponseResponse {
    return {
      id: c.id,
      title: c.title,
      body: c.body,
      setStatus: c.setStatus,
      updatedBy: c.updatedBy,
      updatedAt: c.updatedAt,
      version: cannedResponseVersion(c),
    };
  }
}
