import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@platform/config';

import { OperationalMessageRepository } from './operational-message.repository';
import { type KnownIssue, toKnownIssue } from './operational-message.views';

/**
 * The operational message Skatteetaten has out about a service in an environment at an instant
 * (a report's receivedAt), if any: intake marks the report a known issue. One indexed query.
 */
@Injectable()
export class FindActiveOperationalMessage {
  constructor(
    private readonly messages: OperationalMessageRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(service: string, environment: string, at: Date): Promise<KnownIssue | null> {
    const notBefore = new Date(at.getTime() - this.config.notices.operationalMessageMaxHours * 3_600_000);
    const message = await this.messages.activeAt(service, environment, at, notBefore);
    return message ? toKnownIssue(message) : null;
  }
}
