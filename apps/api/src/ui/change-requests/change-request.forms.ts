import {
  type AssessmentInput,
  CHANGE_REQUEST_PRIORITIES,
  CHANGE_REQUEST_STATUSES,
  CHANGE_REQUEST_URGENCIES,
  type ChangeRequestFilter,
  type ChangeRequestUrgency,
} from '@domain/change-requests';
import { ValidationFailed } from '@platform/errors';
import { Transform } from 'class-transformer';
import { IsIn, IsString, Length } from 'class-validator';

import { type FormBody, leftAsShown, oneOf, text } from '../shared/form-body';

// The messages people read come from the field texts (change-requests.texts.nb.ts), by field name.

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** The portal's form for a new change request, as the browser posts it. */
export class SubmitChangeRequestForm {
  @IsString()
  @Length(1, 64)
  service: string;

  @Transform(trimmed)
  @IsString()
  @Length(1, 200)
  title: string;

  @Transform(trimmed)
  @IsString()
  @Length(1, 10000)
  description: string;

  @Transform(trimmed)
  @IsString()
  @Length(1, 4000)
  useCase: string;

  @IsIn(CHANGE_REQUEST_URGENCIES)
  urgency: ChangeRequestUrgency;
}

/** "We need this too", with the consumer's own use case. */
export class SupportChangeRequestForm {
  @Transform(trimmed)
  @IsString()
  @Length(1, 4000)
  useCase: string;
}

/** The board's filter as the query string carries it. */
export interface BoardQuery {
  service?: string;
  status?: string;
  serviceArea?: string;
}

export function boardQuery(q: Record<string, unknown>): BoardQuery {
  return { service: text(q.service) || undefined, status: text(q.status) || undefined, serviceArea: text(q.serviceArea) || undefined };
}

export function boardFilter(q: BoardQuery): ChangeRequestFilter {
  return {
    services: q.service ? [q.service] : undefined,
    status: oneOf(q.status, CHANGE_REQUEST_STATUSES),
    serviceArea: q.serviceArea,
  };
}

/**
 * Staff's assessment form: an empty priority clears it, the checkbox makes the texts public. A
 * field left as the page showed it (`currentStatus`, `currentPriority`, `currentIsPublic`) is not
 * changed, so saving does not set back what a colleague changed meanwhile.
 */
export function assessmentInput(body: FormBody): AssessmentInput {
  const status = text(body.status);
  const priority = text(body.priority);
  const isPublic = text(body.isPublic) === 'on' ? 'on' : '';
  const fields = [];
  if (status && !oneOf(status, CHANGE_REQUEST_STATUSES)) fields.push({ field: 'status', message: 'is not a status' });
  if (priority && !oneOf(priority, CHANGE_REQUEST_PRIORITIES)) fields.push({ field: 'priority', message: 'is not a priority' });
  if (fields.length) throw new ValidationFailed(fields);
  return {
    status: leftAsShown(body, 'currentStatus', status) ? undefined : oneOf(status, CHANGE_REQUEST_STATUSES),
    priority: leftAsShown(body, 'currentPriority', priority) ? undefined : (oneOf(priority, CHANGE_REQUEST_PRIORITIES) ?? null),
    isPublic: leftAsShown(body, 'currentIsPublic', isPublic) ? undefined : isPublic === 'on',
    message: text(body.message),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function mergeTarget(body: FormBody): string {
  const id = text(body.intoId);
  if (!UUID.test(id)) throw new ValidationFailed([{ field: 'intoId', message: 'must name a change request' }]);
  return id;
}
