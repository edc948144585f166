import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@platform/config';
import { hashToken, newSecretToken } from '@platform/security';

import { PasswordSetTokenRepository } from './password-set-token.repository';

const LINK_TTL_HOURS = 24;

/** Creates one-time password-set links; shared by staff creation, resets and the CLI. */
@Injectable()
export class PasswordLinks {
  constructor(
    private readonly passwordSetTokens: PasswordSetTokenRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(staffId: string): Promise<{ link: string; expiresAt: Date }> {
    const token = newSecretToken('pw');
    const expiresAt = new Date(Date.now() + LINK_TTL_HOURS * 3_600_000);
    await this.passwordSetTokens.insert({ staffId, tokenHash: hashToken(token), expiresAt });
    return { link: `${this.config.publicUrl}/password/${encodeURIComponent(token)}`, expiresAt };
  }
}
