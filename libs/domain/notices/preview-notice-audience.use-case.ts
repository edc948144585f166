import { Injectable } from '@nestjs/common';

import { NoticeRepository } from './notice.repository';
import { audienceEntryOf } from './notice.views';
import { NoticeAudience } from './notice-audience';
import { NoticeNotFound } from './notices.exceptions';
import type { AudienceRecipient } from './rules/audience';

/** Every recipient the notice would be sent to now (for a sent one: whom it went to). */
@Injectable()
export class PreviewNoticeAudience {
  constructor(
    private readonly notices: NoticeRepository,
    private readonly audience: NoticeAudience,
  ) {}

  /** `addresses`: e-mails it makes, one per address however many consumers it answers for. */
  async execute(id: string): Promise<{ recipients: AudienceRecipient[]; consumers: number; addresses: number }> {
    const notice = await this.notices.find(id);
    if (!notice) throw new NoticeNotFound();
    const recipients =
      notice.status === 'sent' || notice.status === 'withdrawn'
        ? (await this.notices.recipients(id)).map(audienceEntryOf)
        : await this.audience.of(notice);
    return {
      recipients,
      consumers: new Set(recipients.map((r) => r.consumerId)).size,
      addresses: new Set(recipients.map((r) => r.email)).size,
    };
  }
}
