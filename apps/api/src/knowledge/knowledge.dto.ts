import {
  ARTICLE_CATEGORIES,
  type ArticleCategory,
  DEFLECTION_CHANNELS,
  DEFLECTION_KINDS,
  type DeflectionChannel,
  type DeflectionKind,
} from '@domain/knowledge';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

export class SuggestionsQueryDto {
  @ApiProperty({ example: 'Leverandøren får unauthorized_client fra Maskinporten', description: 'What the person has written so far' })
  @IsString()
  @MaxLength(20000)
  q: string;

  @ApiPropertyOptional({ example: 'summert-skattegrunnlag', description: 'Bilag 2 service code; articles on other services are left out' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  service?: string;
}

export class ArticleSearchQueryDto {
  @ApiPropertyOptional({ example: 'skattemeldinga', description: 'Search text, bokmål or nynorsk, or an error code' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  q?: string;

  @ApiPropertyOptional({ enum: ARTICLE_CATEGORIES })
  @IsOptional()
  @IsIn(ARTICLE_CATEGORIES)
  category?: ArticleCategory;
}

export class RecordDeflectionDto {
  @ApiProperty({ format: 'uuid', description: 'The suggested article' })
  @IsUUID()
  articleId: string;

  @ApiProperty({ enum: DEFLECTION_KINDS, description: '`shown`: the suggestion was shown; `helped`: it solved the case, nothing was sent' })
  @IsIn(DEFLECTION_KINDS)
  kind: DeflectionKind;

  @ApiProperty({
    example: 'c2f1e0d4-report-form',
    description: 'The client’s key for the form being filled in: each event counts once per session',
  })
  @IsString()
  @Matches(/^[\w.:-]{8,100}$/)
  session: string;

  @ApiPropertyOptional({ enum: DEFLECTION_CHANNELS, default: 'api' })
  @IsOptional()
  @IsIn(DEFLECTION_CHANNELS)
  channel?: DeflectionChannel;
}
