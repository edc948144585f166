import { FindConsumers } from '@domain/consumers';
import type { Principal } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { ValidationFailed } from '@platform/errors';

import { UnknownReportingConsumer } from './incidents.exceptions';
import type { ReportChannel } from './report.entity';

/** Staff registering a report on behalf of a consumer, and how it reached them. */
export interface OnBehalfOf {
  consumerId: string;
  channel: ReportChannel;
}

/**
 * Whose report it is and how it came: the consumer signed in, or the one staff name. A consumer
 * staff name must be registered: a report of no one would count towards an incident's
 * municipalities, and reach no one when it is resolved.
 */
@Injectable()
export class ReportingConsumer {
  constructor(private readonly consumers: FindConsumers) {}

  async of(caller: Principal, onBehalfOf: OnBehalfOf | undefined): Promise<{ consumerId: string; channel: ReportChannel }> {
    if (caller.kind === 'consumer') return { consumerId: caller.consumerId, channel: caller.via === 'portal-session' ? 'form' : 'api' };
    if (!onBehalfOf?.consumerId)
      throw new ValidationFailed([{ field: 'consumerId', message: 'is required when staff register a report on behalf of a consumer' }]);
    if (!(await this.consumers.byId(onBehalfOf.consumerId))) throw new UnknownReportingConsumer();
    return { consumerId: onBehalfOf.consumerId, channel: onBehalfOf.channel ?? 'staff' };
  }
}
