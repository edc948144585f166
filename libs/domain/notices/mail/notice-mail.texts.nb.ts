import type { NoticeKind } from '../rules/notice-input';

/** What each kind is called in e-mail and pages. */
export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = {
  'interface-change': 'Endring i grensesnitt',
  'dataset-change': 'Endring i datasett',
  'planned-maintenance': 'Planlagt vedlikehold',
  deprecation: 'Utfasing',
  'operational-notice': 'Driftsmelding',
};

/** A notice's subject names it by what it is: a change notice, unless it tells of maintenance or operations. */
export function noticeSubjectLabel(kind: NoticeKind): string {
  return kind === 'planned-maintenance' || kind === 'operational-notice' ? NOTICE_KIND_LABELS[kind] : 'Endringsvarsel';
}

/** Headings of the texts written for a contact role, where a reader gets more than one text. */
export const ROLE_TEXT_HEADINGS: Record<string, string> = {
  technical: 'Til tekniske kontakter',
  professional: 'Til faglige kontakter',
};
