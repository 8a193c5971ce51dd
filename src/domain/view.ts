import type { ComputedDeadline, LocalDate } from '../rules/types';
import type { ApplicantProfile, CaseState, DeliveryFailure, EscalationRecord, ReminderPolicy, ReminderRecord } from './case';
import { deadlineStatus, nextDeadline, protectedUntil, protectionLapsedAt, type DeadlineStatus } from './deadlines';
import { standingEvents, type CaseEvent, type CaseRelation } from './events';
import type { ClosureReason, Stage } from './stages';

/** What every staff command answers with: where the case stands now. */
export interface CaseSummary {
  caseId: string;
  caseNumber: string;
  jurisdiction: string;
  procedure: string;
  office: string;
  caseworker: string;
  stage: Stage;
  attempt: number;
  protectedUntil?: LocalDate;
  nextDeadline?: { id: string; kind: string; title: ComputedDeadline['title']; dueDate: LocalDate; endsAt: string };
  openDeadlines: number;
  missedDeadlines: number;
  lastEvent: { id: number; type: CaseEvent['type']; recordedAt: string; on?: LocalDate };
}

export type DeadlineView = { id: string; sourceEventId: number; knownSince: string } & DeadlineStatus & {
  deadline: ComputedDeadline;
  /** Set by hand: the date the rules give, shown beside the one in force, and the event that set it. */
  override?: { byEventId: number; computedDueDate: LocalDate };
};

/** The whole case, as staff and supervisors see it. */
export interface CaseView extends CaseSummary {
  applicant?: ApplicantProfile;
  reminderPolicy: ReminderPolicy;
  ruleParams: Record<string, string | number | boolean>;
  complaintForum?: string;
  closure?: { reason: ClosureReason; on: LocalDate };
  /** Other cases of the same person (e.g. refugee-status litigation beside temporary-asylum requests). */
  linkedCases: LinkedCase[];
  events: CaseEvent[];
  deadlines: DeadlineView[];
  reminders: ReminderRecord[];
  escalations: EscalationRecord[];
  /** Messages and register entries not yet confirmed by their channel. */
  pendingDeliveries: number;
  /** Items their channel refused for good; they need a person. */
  failedDeliveries: DeliveryFailure[];
}

export interface LinkedCase {
  caseNumber: string;
  relation: CaseRelation;
  /** The event that recorded the link. */
  eventId: number;
}

function linkedCases(state: CaseState): LinkedCase[] {
  return standingEvents(state.events).flatMap((event) =>
    event.type === 'case-linked' ? [{ caseNumber: event.caseNumber, relation: event.relation, eventId: event.id }] : [],
  );
}

export function deadlineViews(state: CaseState, nowMs: number): DeadlineView[] {
  return state.deadlines.map((tracked) => ({
    id: tracked.id,
    sourceEventId: tracked.sourceEventId,
    knownSince: tracked.knownSince,
    ...deadlineStatus(state, tracked, nowMs),
    deadline: tracked.deadline,
    ...(tracked.override ? { override: { byEventId: tracked.override.byEventId, computedDueDate: tracked.override.computed.dueDate } } : {}),
  }));
}

/**
 * Where the case stands, read at `nowMs`: a protection whose expiry is already missed reads as lapsed,
 * with no "protected until", even before the workflow records the lapse, so the stage never says
 * "granted" above a missed expiry.
 */
export function caseSummary(state: CaseState, nowMs: number): CaseSummary {
  const next = nextDeadline(state, nowMs);
  const lapsed = protectionLapsedAt(state, nowMs);
  const protection = lapsed ? undefined : protectedUntil(state);
  const statuses = deadlineViews(state, nowMs).map((view) => view.status);
  const last = state.events.at(-1);
  if (!last) throw new Error(`case ${state.caseNumber} has no events: it was never opened`);
  return {
    caseId: state.caseId,
    caseNumber: state.caseNumber,
    jurisdiction: state.jurisdiction,
    procedure: state.procedure,
    office: state.office,
    caseworker: state.caseworker,
    stage: lapsed ? 'lapsed' : state.stage,
    attempt: state.attempt,
    ...(protection ? { protectedUntil: protection.dueDate } : {}),
    ...(next
      ? {
          nextDeadline: {
            id: next.id,
            kind: next.deadline.kind,
            title: next.deadline.title,
            dueDate: next.deadline.dueDate,
            endsAt: next.deadline.endsAt,
          },
        }
      : {}),
    openDeadlines: statuses.filter((status) => status === 'open').length,
    missedDeadlines: statuses.filter((status) => status === 'missed').length,
    lastEvent: { id: last.id, type: last.type, recordedAt: last.recordedAt, ...('on' in last ? { on: last.on } : {}) },
  };
}

export function caseView(state: CaseState, nowMs: number): CaseView {
  return {
    ...caseSummary(state, nowMs),
    ...(state.applicant ? { applicant: state.applicant } : {}),
    reminderPolicy: state.reminderPolicy,
    ruleParams: state.ruleParams,
    ...(state.complaintForum ? { complaintForum: state.complaintForum } : {}),
    ...(state.closure ? { closure: state.closure } : {}),
    linkedCases: linkedCases(state),
    events: state.events,
    deadlines: deadlineViews(state, nowMs),
    reminders: state.reminders,
    escalations: state.escalations,
    pendingDeliveries: state.outbox.length,
    failedDeliveries: state.failedDeliveries ?? [],
  };
}

/** The values supervisors filter cases on: codes and instants only, never personal data. */
export interface CaseIndexValues {
  caseStage: Stage;
  nextDeadline: string | null;
  nextDeadlineKind: string | null;
  jurisdiction: string;
  procedure: string;
  office: string;
  caseworker: string;
  attempt: number;
  protectedUntil: string | null;
  /** Only where the case has one, so a case without it is indexed as before. */
  applicantIndex?: string;
}

/**
 * The index agrees with the case page: a protection whose expiry is missed is indexed as lapsed, with
 * no "protected until", as soon as the workflow looks (`readsLapse`), so a list filtered on "granted"
 * never holds a case the page calls lapsed. Runs recorded before indexed the stored stage until the
 * lapse was recorded, and replay them so (`readsLapse: false`).
 */
export function caseIndexValues(state: CaseState, nowMs: number, options: { readsLapse: boolean } = { readsLapse: true }): CaseIndexValues {
  const next = nextDeadline(state, nowMs);
  const lapsed = options.readsLapse && protectionLapsedAt(state, nowMs);
  return {
    caseStage: lapsed ? 'lapsed' : state.stage,
    nextDeadline: next?.deadline.endsAt ?? null,
    nextDeadlineKind: next?.deadline.kind ?? null,
    jurisdiction: state.jurisdiction,
    procedure: state.procedure,
    office: state.office,
    caseworker: state.caseworker,
    attempt: state.attempt,
    protectedUntil: lapsed ? null : (protectedUntil(state)?.endsAt ?? null),
    ...(state.applicantIndex === undefined ? {} : { applicantIndex: state.applicantIndex }),
  };
}
