import { FEED_KIND_VALUES, OPERATIONAL_MESSAGE_END_REASONS } from '@domain/notices';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class NoticeFeedResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() url: string;
  @ApiProperty({ enum: FEED_KIND_VALUES }) kind: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: "The feed's own title" }) title: string | null;
  @ApiProperty() enabled: boolean;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) lastPolledAt: Date | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) lastOkAt: Date | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Why the last read failed' }) lastError: string | null;
  @ApiProperty() createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}

export class FeedPollResultResponse {
  @ApiProperty({ format: 'uuid' }) feedId: string;
  @ApiProperty() url: string;
  @ApiProperty({ description: 'Entries seen for the first time' }) added: number;
  @ApiProperty({ description: 'Draft notices proposed' }) notices: number;
  @ApiProperty() messagesStarted: number;
  @ApiProperty() messagesEnded: number;
  @ApiProperty({ description: 'The feed answered 304 Not Modified' }) notModified: boolean;
  @ApiPropertyOptional({ type: String, nullable: true }) error: string | null;
}

export class OperationalMessageResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiPropertyOptional({ type: String, nullable: true }) link: string | null;
  @ApiProperty({ type: [String] }) services: string[];
  @ApiProperty({ type: [String], description: 'Empty: every environment' }) environments: string[];
  @ApiProperty({ format: 'date-time' }) startedAt: Date;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) endedAt: Date | null;
  @ApiPropertyOptional({ enum: OPERATIONAL_MESSAGE_END_REASONS, nullable: true }) endReason: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty({ description: 'Read from a feed, not registered by staff' }) fromFeed: boolean;
  @ApiProperty() createdBy: string;
}
