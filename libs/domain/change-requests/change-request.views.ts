import type { ChangeRequest } from './change-request.entity';
import type { ChangeRequestSupport, SupportKind } from './change-request-support.entity';
import { mayReadText } from './rules/change-request-rules';

/** One consumer behind a request; its use case is null for a viewer who may not read it. */
export interface SupporterView {
  consumerId: string | null;
  consumerName: string | null;
  orgNumber: string | null;
  kind: SupportKind;
  useCase: string | null;
  isMine: boolean;
  createdAt: Date;
}

/** A change request as the caller may see it: staff everything, a consumer its own texts and public ones. */
export interface ChangeRequestView {
  id: string;
  reference: string;
  serviceCode: string;
  serviceName: string;
  serviceArea: string | null;
  title: string;
  /** Null when the caller may not read the submitter's text. */
  description: string | null;
  urgency: ChangeRequest['urgency'];
  status: ChangeRequest['status'];
  priority: ChangeRequest['priority'];
  isPublic: boolean;
  submittedByMe: boolean;
  supportedByMe: boolean;
  supporterCount: number;
  /** Every supporter for staff and on public requests; otherwise only the caller's own row. */
  supporters: SupporterView[];
  mergedInto: { id: string; reference: string } | null;
  merged: Array<{ id: string; reference: string; title: string }>;
  forwardedAt: Date | null;
  forwardedTo: string[];
  forwardedBy: string | null;
  /** The thread's first message (staff): later messages reply to it. */
  forwardMessageId: string | null;
  answer: string | null;
  answeredAt: Date | null;
  createdAt: Date;
}

export interface ViewContext {
  /** The consumer asking; null for staff. */
  viewerConsumerId: string | null;
  serviceNames: ReadonlyMap<string, string>;
  consumers: ReadonlyMap<string, { name: string; orgNumber: string }>;
  references: ReadonlyMap<string, string>;
  merged?: ChangeRequest[];
}

export function toChangeRequestView(r: ChangeRequest, supports: ChangeRequestSupport[], ctx: ViewContext): ChangeRequestView {
  const viewer = ctx.viewerConsumerId;
  const readable = (author: string) => mayReadText({ viewerConsumerId: viewer, authorConsumerId: author, isPublic: r.isPublic });
  const seesAll = viewer === null || r.isPublic;
  const supporters = supports
    .filter((s) => seesAll || s.consumerId === viewer)
    .map((s) => {
      const consumer = ctx.consumers.get(s.consumerId);
      return {
        consumerId: viewer === null || s.consumerId === viewer ? s.consumerId : null,
        consumerName: consumer?.name ?? null,
        orgNumber: consumer?.orgNumber ?? null,
        kind: s.kind,
        useCase: readable(s.consumerId) ? s.useCase : null,
        isMine: s.consumerId === viewer,
        createdAt: s.createdAt,
      };
    });
  return {
    id: r.id,
    reference: r.reference,
    serviceCode: r.serviceCode,
    serviceName: ctx.serviceNames.get(r.serviceCode) || r.serviceCode,
    serviceArea: r.serviceArea,
    title: r.title,
    description: readable(r.submitterConsumerId) ? r.description : null,
    urgency: r.urgency,
    status: r.status,
    priority: r.priority,
    isPublic: r.isPublic,
    submittedByMe: viewer !== null && r.submitterConsumerId === viewer,
    supportedByMe: viewer !== null && supports.some((s) => s.consumerId === viewer),
    supporterCount: supports.length,
    supporters,
    mergedInto: r.mergedIntoId ? { id: r.mergedIntoId, reference: ctx.references.get(r.mergedIntoId) ?? '' } : null,
    merged: (ctx.merged ?? []).map((m) => ({ id: m.id, reference: m.reference, title: m.title })),
    forwardedAt: r.forwardedAt,
    forwardedTo: viewer === null ? r.forwardedTo : [],
    forwardedBy: viewer === null ? r.forwardedBy : null,
    forwardMessageId: viewer === null ? r.forwardMessageId : null,
    answer: r.answer,
    answeredAt: r.answeredAt,
    createdAt: r.createdAt,
  };
}
