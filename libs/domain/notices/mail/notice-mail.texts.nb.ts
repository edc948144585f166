import type { NoticeKind } from '../rules/notice-input';

/** What each kind is called in e-mail and pages. */
export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = {
  'interface-change': 'Endring i grensesnitt',
  'dataset-change': 'Endring i datasett',
  'planned-maintenance': 'Planlagt vedlikehold',
  deprecation: 'Utfasing',
  'operational-notice': 'Driftsmelding',
};
