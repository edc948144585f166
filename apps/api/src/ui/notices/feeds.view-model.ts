import type { NoticeFeedView, NoticeOrigin, OperationalMessageView } from '@domain/notices';

import {
  ENVIRONMENT_LABELS,
  FEED_ERROR_OTHER,
  FEED_ERROR_TEXTS,
  FEED_KIND_SHORT,
  FEED_STATE_TAGS,
  MESSAGE_END_LABELS,
} from './notices.texts.nb';

/** A feed as a row: its kind, whether it is read well, failing (why, in words; the recorded reason as detail), waiting or stopped. */
export function feedRow(f: NoticeFeedView) {
  const state = !f.enabled ? 'stopped' : f.lastError ? 'failing' : f.lastOkAt ? 'ok' : 'waiting';
  const errorText = f.lastError ? (FEED_ERROR_TEXTS.find(([start]) => f.lastError!.startsWith(start))?.[1] ?? FEED_ERROR_OTHER) : null;
  return { ...f, kindLabel: FEED_KIND_SHORT[f.kind] ?? f.kind, tag: FEED_STATE_TAGS[state], failing: state === 'failing', errorText };
}

/** Operational messages split into the active ones (which mark reports) and the ended ones, each with its environments in words. */
export function messageRows(messages: OperationalMessageView[]) {
  const rows = messages.map((m) => ({
    ...m,
    environmentText: m.environments.length ? m.environments.map((e) => ENVIRONMENT_LABELS[e] ?? e).join(', ') : 'Alle miljøer',
    endLabel: m.endReason ? MESSAGE_END_LABELS[m.endReason] : null,
  }));
  return { active: rows.filter((m) => m.active), ended: rows.filter((m) => !m.active) };
}

/** Where a proposed draft came from, in words for the notice page; null for a notice staff wrote. */
export function originOf(origin: NoticeOrigin | null) {
  if (!origin) return null;
  return {
    ...origin,
    feedName: origin.feedTitle ?? origin.feedUrl,
    mapping: origin.services.length
      ? origin.services.map((s) => `${s.code} (${reasonText(s.reason)})`).join(', ')
      : 'Ingen tjeneste gjenkjent: velg tjenestene før du sender.',
  };
}

function reasonText(reason: string): string {
  const [kind, ...rest] = reason.split(' ');
  const what = rest.join(' ');
  if (kind === 'category') return `kategori ${what}`;
  if (kind === 'link') return 'lenke til dokumentasjonen';
  return `nevnt i teksten som «${what}»`;
}
