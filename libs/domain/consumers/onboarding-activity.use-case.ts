import { AccessDenied, hasPermission, type Principal } from '@domain/shared';
import { Injectable } from '@nestjs/common';

import { ConsumerRepository } from './consumer.repository';
import { CHECKLIST_ITEMS, type ChecklistKey } from './consumer-rules';
import type { OnboardingStep } from './consumer-service.entity';

/** One thing done in a consumer's onboarding: a service moved to a step, or a go-live checklist item ticked. */
export type OnboardingActivityEntry = {
  id: string;
  consumerId: string;
  serviceCode: string;
  at: Date;
  actorLabel: string;
} & (
  | { kind: 'step'; details: { step: OnboardingStep; note: string | null } }
  | { kind: 'checklist'; details: { item: ChecklistKey; label: string } }
);

/** A consumer's onboarding history across its services, oldest first, for staff reading it elsewhere (a ticket's timeline). */
@Injectable()
export class OnboardingActivity {
  constructor(private readonly repo: ConsumerRepository) {}

  async of(consumerId: string, caller: Principal): Promise<OnboardingActivityEntry[]> {
    if (!hasPermission(caller, 'onboarding.read') || caller.kind !== 'staff') throw new AccessDenied(caller, 'onboarding.read');
    const entries: OnboardingActivityEntry[] = [];
    for (const s of await this.repo.listServices([consumerId])) {
      const base = { consumerId, serviceCode: s.serviceCode };
      s.onboardingHistory.forEach((h, i) =>
        entries.push({
          ...base,
          id: `${s.id}:step:${i}`,
          at: new Date(h.at),
          actorLabel: h.by,
          kind: 'step',
          details: { step: h.step, note: h.note ?? null },
        }),
      );
      // A mark keeps only its latest state: an item ticked and still ticked is a step done; an unticked one is not.
      for (const item of CHECKLIST_ITEMS) {
        const mark = s.checklist[item.key];
        if (mark?.checked)
          entries.push({
            ...base,
            id: `${s.id}:checklist:${item.key}`,
            at: new Date(mark.at),
            actorLabel: mark.by,
            kind: 'checklist',
            details: { item: item.key, label: item.label },
          });
      }
    }
    return entries.sort((a, b) => a.at.getTime() - b.at.getTime());
  }
}
