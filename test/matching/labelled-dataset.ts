/**
 * The labelled report sets in ../shared/datasets (see the README there): one JSON object per
 * line, with the ground truth in `label`, which matching never sees.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { ReportFacts } from '@domain/incidents/rules/match-report';

export interface DatasetRow {
  ref: string;
  receivedAt: string;
  consumer: { orgNumber: string; name?: string };
  channel?: string;
  service: string;
  environment: 'production' | 'test';
  category: 'incident' | 'deviation' | 'security' | 'privacy';
  title: string;
  description: string;
  httpStatus?: number | null;
  errorCode?: string | null;
  correlationId?: string | null;
  occurredAt?: string | null;
  label?: { cluster: string; side: 'ske' | 'local' | 'security'; note?: string };
}

export const DATASETS_DIR = path.resolve(__dirname, '../../../shared/datasets');
export const PUBLIC_SETS = ['reports-dev.jsonl', 'reports-dev2.jsonl'] as const;

export function parseJsonl(text: string): DatasetRow[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as DatasetRow);
}

export function loadDataset(file: string): DatasetRow[] {
  const full = path.isAbsolute(file) ? file : path.join(DATASETS_DIR, file);
  if (!existsSync(full))
    throw new Error(`Labelled dataset not found at ${full}; the matching evaluation needs ../shared/datasets next to the project`);
  return parseJsonl(readFileSync(full, 'utf8'));
}

/** Strip the label: the matcher sees only what the intake API would store. */
export function toFacts(row: DatasetRow): ReportFacts {
  return {
    id: row.ref,
    consumerId: row.consumer.orgNumber,
    service: row.service,
    environment: row.environment,
    category: row.category,
    title: row.title,
    description: row.description,
    httpStatus: row.httpStatus ?? null,
    errorCode: row.errorCode ?? null,
    correlationId: row.correlationId ?? null,
    receivedAt: new Date(row.receivedAt),
    occurredAt: row.occurredAt ? new Date(row.occurredAt) : null,
  };
}
