import { Injectable } from '@nestjs/common';

import { ConsumerRepository } from './consumer.repository';
import { checklistFor } from './consumer-rules';
import type { ConsumerService, OnboardingStep } from './consumer-service.entity';

export interface QueueItem {
  /** The service access (consumer × service) being onboarded. */
  id: string;
  consumerId: string;
  orgNumber: string;
  consumerName: string;
  serviceCode: string;
  step: OnboardingStep;
  /** 1 = next in line. */
  position: number;
  requestedAt: Date;
  checklistDone: number;
  checklistTotal: number;
}

export interface OnboardingBoard {
  columns: Array<{ step: OnboardingStep; items: QueueItem[] }>;
  recentlyConnected: QueueItem[];
}

export function toQueueItem(s: ConsumerService, position: number): QueueItem {
  const applicable = checklistFor(s.connectionMethod, s.environments, s.checklist).filter((i) => i.applicable);
  return {
    id: s.id,
    consumerId: s.consumerId,
    orgNumber: s.consumer!.orgNumber,
    consumerName: s.consumer!.name,
    serviceCode: s.serviceCode,
    step: s.onboardingStep,
    position,
    requestedAt: s.createdAt,
    checklistDone: applicable.filter((i) => i.checked).length,
    checklistTotal: applicable.length,
  };
}

/** The onboarding queue: every service access not yet connected, in the order KS will connect them. */
@Injectable()
export class GetOnboardingQueue {
  constructor(private readonly repo: ConsumerRepository) {}

  async execute(): Promise<QueueItem[]> {
    return (await this.repo.queue()).map((s, i) => toQueueItem(s, i + 1));
  }

  async board(): Promise<OnboardingBoard> {
    const queue = await this.execute();
    const steps: OnboardingStep[] = ['requested', 'qualified', 'readiness-tested'];
    return {
      columns: steps.map((step) => ({ step, items: queue.filter((q) => q.step === step) })),
      recentlyConnected: (await this.repo.recentlyConnected(20)).map((s) => toQueueItem(s, 0)),
    };
  }
}
