import { Injectable } from '@nestjs/common';

import { ConsumerRepository } from './consumer.repository';
import { ONBOARDING_STEPS, type OnboardingStep } from './consumer-service.entity';

/** How far the registry's consumers have come towards being connected. */
export interface OnboardingFunnelView {
  /** Consumers in the registry, terminated ones left out. */
  registered: number;
  /** Each step in order: consumers with a service access at this step or past it, and those for whom it is the furthest. */
  stages: Array<{ step: OnboardingStep; reached: number; furthest: number }>;
}

/** The onboarding funnel for the staff dashboards: each consumer counted once, at the furthest step of any of its services. */
@Injectable()
export class OnboardingFunnel {
  constructor(private readonly repo: ConsumerRepository) {}

  async execute(): Promise<OnboardingFunnelView> {
    const rows = await this.repo.furthestSteps(ONBOARDING_STEPS);
    const at = (position: number) => rows.find((r) => r.position === position)?.consumers ?? 0;
    return {
      registered: rows.reduce((sum, r) => sum + r.consumers, 0),
      stages: ONBOARDING_STEPS.map((step, i) => ({
        step,
        furthest: at(i + 1),
        reached: rows.filter((r) => r.position >= i + 1).reduce((sum, r) => sum + r.consumers, 0),
      })),
    };
  }
}
