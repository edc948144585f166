import { Injectable, Logger } from '@nestjs/common';
import { DomainException } from '@platform/errors';

import { NoticeRepository } from './notice.repository';
import { SendNotice } from './send-notice.use-case';

/** The worker's pass: sends every scheduled notice whose time has come (each send is idempotent). */
@Injectable()
export class SendDueNotices {
  private readonly logger = new Logger(SendDueNotices.name);

  constructor(
    private readonly notices: NoticeRepository,
    private readonly send: SendNotice,
  ) {}

  async execute(now: Date = new Date()): Promise<{ sent: number; failed: number }> {
    let sent = 0;
    let failed = 0;
    for (const id of await this.notices.dueScheduled(now)) {
      try {
        if ((await this.send.executeWhenDue(id, now))?.sentNow) sent++;
      } catch (e) {
        // A notice whose audience vanished since it was scheduled stays scheduled and visible to staff.
        if (!(e instanceof DomainException)) throw e;
        failed++;
        this.logger.warn({ noticeId: id, code: e.code }, 'scheduled notice not sent');
      }
    }
    return { sent, failed };
  }
}
