import {
  CHANGE_REQUEST_PRIORITIES,
  CHANGE_REQUEST_STATUSES,
  CHANGE_REQUEST_URGENCIES,
  type ChangeRequestView,
  type ForwardResult,
  SUPPORT_KINDS,
  type SupporterView,
} from '@domain/change-requests';
import { ApiProperty } from '@nestjs/swagger';

export class ChangeRequestSupporterResponse {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Staff and the consumer itself only' }) consumerId:
    string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Bergen kommune' }) consumerName: string | null;
  @ApiProperty({ type: String, nullable: true, example: '964338531' }) orgNumber: string | null;
  @ApiProperty({ enum: SUPPORT_KINDS, enumName: 'ChangeRequestSupportKind' }) kind: string;
  @ApiProperty({ type: String, nullable: true, description: "Null when the caller may not read this consumer's text" }) useCase:
    string | null;
  @ApiProperty({ description: "The caller's own support" }) isMine: boolean;
  @ApiProperty() createdAt: Date;

  static from(s: SupporterView): ChangeRequestSupporterResponse {
    return { ...s };
  }
}

export class ChangeRequestLinkResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'EN-2026-0007' }) reference: string;
}

export class MergedChangeRequestResponse extends ChangeRequestLinkResponse {
  @ApiProperty() title: string;
}

/** A change request as the caller may see it. */
export class ChangeRequestResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'EN-2026-0007' }) reference: string;
  @ApiProperty({ example: 'summert-skattegrunnlag' }) serviceCode: string;
  @ApiProperty({ example: 'Summert skattegrunnlag' }) serviceName: string;
  @ApiProperty({ type: String, nullable: true }) serviceArea: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true, description: "Null when the caller may not read the submitter's text" }) description:
    string | null;
  @ApiProperty({ enum: CHANGE_REQUEST_URGENCIES, enumName: 'ChangeRequestUrgency' }) urgency: string;
  @ApiProperty({ enum: CHANGE_REQUEST_STATUSES, enumName: 'ChangeRequestStatus' }) status: string;
  @ApiProperty({ enum: CHANGE_REQUEST_PRIORITIES, enumName: 'ChangeRequestPriority', nullable: true }) priority: string | null;
  @ApiProperty({ description: 'KS made the texts readable by every consumer with access to the service' }) isPublic: boolean;
  @ApiProperty() submittedByMe: boolean;
  @ApiProperty() supportedByMe: boolean;
  @ApiProperty({ type: 'integer', description: 'Consumers behind the request, the submitter included' }) supporterCount: number;
  @ApiProperty({
    type: [ChangeRequestSupporterResponse],
    description: 'Every supporter for staff and on public requests; else only the caller',
  })
  supporters: ChangeRequestSupporterResponse[];
  @ApiProperty({ type: ChangeRequestLinkResponse, nullable: true, description: 'The request this duplicate was merged into' })
  mergedInto: ChangeRequestLinkResponse | null;
  @ApiProperty({ type: [MergedChangeRequestResponse], description: 'Duplicates merged into this one (staff)' })
  merged: MergedChangeRequestResponse[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) forwardedAt: Date | null;
  @ApiProperty({ type: [String], description: 'Where it was forwarded (staff)' }) forwardedTo: string[];
  @ApiProperty({ type: String, nullable: true }) forwardedBy: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Message-ID of the e-mail to Skatteetaten; its thread (staff)' })
  forwardMessageId: string | null;
  @ApiProperty({ type: String, nullable: true, description: "Skatteetaten's answer, or KS's reason for declining" }) answer: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) answeredAt: Date | null;
  @ApiProperty() createdAt: Date;

  static from(v: ChangeRequestView): ChangeRequestResponse {
    return { ...v, supporters: v.supporters.map((s) => ChangeRequestSupporterResponse.from(s)) };
  }
}

export class ChangeRequestSupportResponse {
  @ApiProperty({ format: 'uuid', description: 'The request supported (the survivor when the one named was merged)' }) id: string;
  @ApiProperty({ example: 'EN-2026-0007' }) reference: string;
  @ApiProperty({ description: 'False when this consumer already supported it: nothing changed' }) added: boolean;
}

export class ChangeRequestForwardResponse {
  @ApiProperty({ type: ChangeRequestLinkResponse }) request: ChangeRequestLinkResponse;
  @ApiProperty({ example: '<6b1f…@segmentdesk.ks.no>', description: 'Message-ID of the e-mail; later messages reply to it' })
  messageId: string;
  @ApiProperty({ type: [String] }) to: string[];
  @ApiProperty({ description: 'True when it had been forwarded before: nothing was sent this time' }) alreadyForwarded: boolean;

  static from(r: ForwardResult): ChangeRequestForwardResponse {
    return {
      request: { id: r.request.id, reference: r.request.reference },
      messageId: r.messageId,
      to: r.to,
      alreadyForwarded: r.alreadyForwarded,
    };
  }
}

export class ChangeRequestNotifiedResponse {
  @ApiProperty({ type: ChangeRequestLinkResponse }) request: ChangeRequestLinkResponse;
  @ApiProperty({ enum: CHANGE_REQUEST_STATUSES, enumName: 'ChangeRequestStatus' }) status: string;
  @ApiProperty({ type: 'integer', description: 'Contacts told of the outcome by e-mail (one each)' }) notified: number;
}
