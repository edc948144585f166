import { defineMailTemplate } from '@platform/mail';

import type { Report } from '../report.entity';

/** The receipt of a report, to its reporter or the consumer's technical contacts. */
export interface ReportConfirmationMail {
  report: Pick<Report, 'id' | 'reference' | 'title' | 'receivedAt' | 'errorCode'>;
  /** The service's name in the catalogue (its code if it has none) and the environment, as the reporter reads them. */
  serviceName: string;
  environment: string;
  incidentReference: string;
  /** Identity numbers were masked in the report. */
  masked: boolean;
  maskingNotice: string;
  /** Skatteetaten already announced the problem in an operational message. */
  knownIssue: { title: string; link: string | null; notice: string } | null;
}

export const REPORT_CONFIRMATION_MAIL = defineMailTemplate<ReportConfirmationMail>('report-confirmation', __dirname);
