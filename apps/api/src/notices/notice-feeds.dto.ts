import { FEED_KIND_VALUES } from '@domain/notices';
import { ENVIRONMENTS } from '@domain/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

import { InstantField } from '../http/date-fields';

// Shapes only: an address's protocol and the catalogue's services are the domain's rules, so the API and the admin form report them alike.

export class NoticeFeedDto {
  @ApiProperty({
    example: 'https://github.com/skatteetaten/api-dokumentasjon/releases.atom',
    description: 'An http(s) Atom or RSS address',
  })
  @IsString()
  @MaxLength(2000)
  url: string;
  @ApiProperty({ enum: FEED_KIND_VALUES, description: '`announcements` become draft notices; `operational` become operational messages' })
  @IsIn(FEED_KIND_VALUES)
  kind: (typeof FEED_KIND_VALUES)[number];
}

export class NoticeFeedStateDto {
  @ApiProperty({ description: 'false: the worker stops reading the feed' }) @IsBoolean() enabled: boolean;
}

export class OperationalMessageDto {
  @ApiProperty({ example: 'Redusert tilgjengelighet i produksjon' }) @IsString() @MaxLength(1000) title: string;
  @ApiPropertyOptional({ example: 'https://status.example/meldinger/17' }) @IsOptional() @IsString() @MaxLength(2000) link?: string;
  @ApiProperty({ type: [String], example: ['summert-skattegrunnlag'] })
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  services: string[];
  @ApiPropertyOptional({ enum: ENVIRONMENTS, isArray: true, description: 'None: every environment' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2)
  @IsString({ each: true })
  environments?: string[];
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Default: now' }) @IsOptional() @InstantField() startedAt?: Date;
}
