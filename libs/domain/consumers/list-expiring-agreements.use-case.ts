import { Injectable } from '@nestjs/common';
import { ValidationFailed } from '@platform/errors';

import { ConsumerRepository } from './consumer.repository';

export interface ExpiringAgreement {
  consumerId: string;
  orgNumber: string;
  name: string;
  validTo: string;
  daysLeft: number;
}

const OSLO_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Agreements that end within `days` days (Norwegian calendar days, today included). */
@Injectable()
export class ListExpiringAgreements {
  constructor(private readonly repo: ConsumerRepository) {}

  async execute(days = 60, now = new Date()): Promise<ExpiringAgreement[]> {
    if (!Number.isInteger(days) || days < 0 || days > 3660)
      throw new ValidationFailed([{ field: 'days', message: 'must be a whole number from 0 to 3660' }]);
    const today = OSLO_DAY.format(now);
    const agreements = await this.repo.expiringAgreements(today, addDays(today, days));
    return agreements.map((a) => ({
      consumerId: a.consumerId,
      orgNumber: a.consumer!.orgNumber,
      name: a.consumer!.name,
      validTo: a.validTo!,
      daysLeft: Math.round((Date.parse(`${a.validTo}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000),
    }));
  }
}
