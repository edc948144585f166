import { Injectable } from '@nestjs/common';

import { ConsumerRepository } from './consumer.repository';
import { checklistFor } from './consumer-rules';
import type { ConsumerService, OnboardingStep } from './consumer-service.entity';
import { ServiceCatalogue } from './service-catalogue';

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

/** `altinnResources`: each service's Altinn resource in the catalogue in force (whether the delegation item applies). */
export function toQueueItem(s: ConsumerService, position: number, altinnResources: ReadonlyMap<string, string | null>): QueueItem {
  const applicable = checklistFor(s.connectionMethod, s.environments, s.checklist, altinnResources.get(s.serviceCode) ?? null).filter(
    (i) => i.applicable,
  );
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
  constructor(
    private readonly repo: ConsumerRepository,
    private readonly catalogue: ServiceCatalogue,
  ) {}

  async execute(): Promise<QueueItem[]> {
    const queue = await this.repo.queue();
    const resources = await this.catalogue.altinnResources([...new Set(queue.map((s) => s.serviceCode))]);
    return queue.map((s, i) => toQueueItem(s, i + 1, resources));
  }

  async board(): Promise<OnboardingBoard> {
    const queue = await this.execute();
    const steps: OnboardingStep[] = ['requested', 'qualified', 'readiness-tested'];
    return {
      columns: steps.map((step) => ({ step, items: queue.filter((q) => q.step === step) })),
      recentlyConnected: await this.recentlyConnected(),
    };
  }

  private async recentlyConnected(): Promise<QueueItem[]> {
    const connected = await this.repo.recentlyConnected(20);
    const resources = await this.catalogue.altinnResources([...new Set(connected.map((s) => s.serviceCode))]);
    return connected.map((s) => toQueueItem(s, 0, resources));
  }
}
