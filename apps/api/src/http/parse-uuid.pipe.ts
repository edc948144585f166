import { type ArgumentMetadata, Injectable, Optional, type PipeTransform } from '@nestjs/common';
import { ValidationFailed } from '@platform/errors';
import { isUUID } from 'class-validator';

/**
 * A path or query parameter that must be a UUID; a 400 that names the parameter otherwise
 * (Nest's ParseUUIDPipe answers without saying which one).
 */
@Injectable()
export class ParseUuid implements PipeTransform<unknown, string | undefined> {
  constructor(@Optional() private readonly options: { optional?: boolean } = {}) {}

  transform(value: unknown, metadata: ArgumentMetadata): string | undefined {
    if (value === undefined && this.options.optional) return undefined;
    if (typeof value === 'string' && isUUID(value)) return value;
    throw new ValidationFailed([{ field: metadata.data ?? metadata.type, message: 'must be a UUID' }]);
  }
}
