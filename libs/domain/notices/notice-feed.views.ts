import type { FeedKind, NoticeFeed } from './notice-feed.entity';

export interface NoticeFeedView {
  id: string;
  url: string;
  kind: FeedKind;
  title: string | null;
  enabled: boolean;
  lastPolledAt: Date | null;
  lastOkAt: Date | null;
  lastError: string | null;
  createdBy: string;
  createdAt: Date;
}

export const toNoticeFeedView = (f: NoticeFeed): NoticeFeedView => ({
  id: f.id,
  url: f.url,
  kind: f.kind,
  title: f.title,
  enabled: f.enabled,
  lastPolledAt: f.lastPolledAt,
  lastOkAt: f.lastOkAt,
  lastError: f.lastError,
  createdBy: f.createdBy,
  createdAt: f.createdAt,
});

/** Where a draft proposed from a feed came from, shown beside it in the editor. */
export interface NoticeOrigin {
  feedUrl: string;
  feedTitle: string | null;
  entryTitle: string;
  entryLink: string | null;
  services: Array<{ code: string; reason: string }>;
}

/** What one read of a feed did. */
export interface FeedPollResult {
  feedId: string;
  url: string;
  /** Entries seen for the first time. */
  added: number;
  notices: number;
  messagesStarted: number;
  messagesEnded: number;
  notModified: boolean;
  error: string | null;
}
