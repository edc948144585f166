import { NOTICE_KINDS, NOTICE_STATUSES } from '@domain/notices';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { NoticeLinkDto } from './notices.dto';

export class NoticeResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: NOTICE_KINDS }) kind: string;
  @ApiProperty({ description: 'The kind asks for a "ready" confirmation' }) needsWork: boolean;
  @ApiProperty() body: string;
  @ApiPropertyOptional({ type: String, nullable: true }) technicalBody: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) professionalBody: string | null;
  @ApiProperty({ type: [String] }) services: string[];
  @ApiProperty({ type: [String] }) environments: string[];
  @ApiProperty({ type: [String] }) entitlementPackages: string[];
  @ApiProperty({ type: [String] }) serviceAreas: string[];
  @ApiProperty({ type: [String] }) roles: string[];
  @ApiProperty({ format: 'date-time' }) effectiveAt: Date;
  @ApiProperty({ type: [NoticeLinkDto] }) links: NoticeLinkDto[];
  @ApiProperty({ enum: NOTICE_STATUSES }) status: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) scheduledAt: Date | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) sentAt: Date | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) withdrawnAt: Date | null;
  @ApiPropertyOptional({ type: String, nullable: true }) source: string | null;
  @ApiProperty() createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
  @ApiProperty({
    example: 'q3VhZ0l0b1Jt4pS2eD1kXw',
    description:
      'Changes with every change to the notice; also the ETag. Send it as If-Match when changing the notice, so that a change made by someone else in between is refused instead of overwritten.',
  })
  version: string;
}

export class NoticeRecipientResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) consumerId: string;
  @ApiProperty() consumerName: string;
  @ApiProperty() orgNumber: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty() role: string;
  @ApiProperty({ type: [String] }) services: string[];
  @ApiProperty({ enum: ['pending', 'sending', 'sent', 'failed'] }) delivery: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) readAt: Date | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) readyAt: Date | null;
}

export class NoticeReminderResponse {
  @ApiProperty() email: string;
  @ApiProperty() consumerName: string;
  @ApiProperty() daysBefore: number;
  @ApiProperty({ format: 'date-time' }) sentAt: Date;
}

export class NoticeOriginServiceResponse {
  @ApiProperty() code: string;
  @ApiProperty({ example: 'category summert-skattegrunnlag', description: 'Why the entry was mapped to the service' }) reason: string;
}

/** The feed entry a proposed draft came from. */
export class NoticeOriginResponse {
  @ApiProperty() feedUrl: string;
  @ApiPropertyOptional({ type: String, nullable: true }) feedTitle: string | null;
  @ApiProperty() entryTitle: string;
  @ApiPropertyOptional({ type: String, nullable: true }) entryLink: string | null;
  @ApiProperty({ type: [NoticeOriginServiceResponse] }) services: NoticeOriginServiceResponse[];
}

export class NoticeDetailResponse extends NoticeResponse {
  @ApiPropertyOptional({ type: NoticeOriginResponse, nullable: true, description: 'Set when the draft was proposed from a feed entry' })
  origin: NoticeOriginResponse | null;
  @ApiProperty({ type: [NoticeRecipientResponse] }) recipients: NoticeRecipientResponse[];
  @ApiProperty({ type: [NoticeReminderResponse] }) reminders: NoticeReminderResponse[];
}

export class NoticePageResponse {
  @ApiProperty({ type: [NoticeResponse] }) items: NoticeResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() perPage: number;
}

export class AudienceRecipientResponse {
  @ApiProperty({ format: 'uuid' }) consumerId: string;
  @ApiProperty() consumerName: string;
  @ApiProperty() orgNumber: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty() role: string;
  @ApiProperty({ type: [String] }) services: string[];
}

export class AudienceResponse {
  @ApiProperty({ type: [AudienceRecipientResponse], description: 'One per consumer and contact address' })
  recipients: AudienceRecipientResponse[];
  @ApiProperty() consumers: number;
  @ApiProperty({ description: 'E-mails it makes: one per address, however many consumers it answers for' }) addresses: number;
}

export class SendResultResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['sent'] }) status: string;
  @ApiProperty({ description: 'Addresses written to, one e-mail each (an address may answer for several consumers)' }) recipients: number;
  @ApiProperty({ description: 'False when it had been sent before: nothing was sent this time' }) sentNow: boolean;
}

export class WithdrawResultResponse extends NoticeResponse {
  @ApiProperty({ description: 'Recipients told of the withdrawal now' }) notified: number;
}

export class RoleTextResponse {
  @ApiProperty({ example: 'technical', description: 'The contact role it was written for' }) role: string;
  @ApiProperty() text: string;
}

export class ConsumerNoticeResponse extends NoticeResponse {
  @ApiProperty() text: string;
  @ApiProperty({ type: [RoleTextResponse], description: "The other texts the organisation's contacts received, written for their role" })
  roleTexts: RoleTextResponse[];
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) readAt: Date | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) readyAt: Date | null;
}
