import type { OperationalMessage, OperationalMessageEndReason } from './operational-message.entity';

/** What a report marked "known issue" keeps of the operational message that was active when it came in. */
export interface KnownIssue {
  messageId: string;
  title: string;
  link: string | null;
  startedAt: string;
}

export interface OperationalMessageView {
  id: string;
  title: string;
  link: string | null;
  services: string[];
  environments: string[];
  startedAt: Date;
  endedAt: Date | null;
  endReason: OperationalMessageEndReason | null;
  active: boolean;
  fromFeed: boolean;
  createdBy: string;
}

export function toOperationalMessageView(m: OperationalMessage): OperationalMessageView {
  return {
    id: m.id,
    title: m.title,
    link: m.link,
    services: m.services,
    environments: m.environments,
    startedAt: m.startedAt,
    endedAt: m.endedAt,
    endReason: m.endReason,
    active: m.endedAt === null,
    fromFeed: m.feedEntryId !== null,
    createdBy: m.createdBy,
  };
}

export const toKnownIssue = (m: Pick<OperationalMessage, 'id' | 'title' | 'link' | 'startedAt'>): KnownIssue => ({
  messageId: m.id,
  title: m.title,
  link: m.link,
  startedAt: m.startedAt.toISOString(),
});
