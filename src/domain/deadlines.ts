import type { ComputedDeadline, DeadlineRequest, LocalDate, SuspensionPeriod } from '../rules/types';
import type { CaseState, DeadlineComputation, TrackedDeadline } from './case';
import { toInstant } from './dates';
import { isDated, isProcedureEvent, isVoided, standingEvents, triggerOf, type CaseEvent, type Facts } from './events';
import { lifecycleFor } from './lifecycle';
import { queueDeadlineRecord } from './outbox';
import { pinAfter } from './rule-pin';
import { withStandingOverride } from './deadline-override';

/** The deadline that marks the end of a protection period; its passing unrenewed makes a case lapse. */
export const PROTECTION_EXPIRY_KIND = 'protection-expiry';

/**
 * Where a deadline stands. It is worked out, never stored, from the events recorded after the one that
 * started it, so that correcting a date re-decides it:
 * - met: a later event that the rule names in `satisfiedBy` happened on or before the due date;
 * - superseded ("no longer needed"): on or before the due date, a later event that the rule names in
 *   `supersededBy` happened, or a later event produced a deadline of the same kind (it replaces this
 *   one), or the case was closed; the status names the event that ended it;
 * - void: the event that started it was voided as entered by mistake;
 * - waived: staff recorded, with a reason, that the right will not be used; it is no longer reminded;
 * - missed: none of that, and the period has ended (24:00 local time of the due date);
 * - expired: the same for a deadline shown for information only, which is never missed;
 * - open: otherwise.
 */
export type DeadlineStatus =
  | { status: 'open' }
  | { status: 'met'; byEventId: number; on: LocalDate }
  | { status: 'superseded'; byEventId: number; on: LocalDate; why: 'superseded-by-event' | 'replaced' | 'case-closed' }
  | { status: 'void'; byEventId: number; reason: string }
  | { status: 'waived'; byEventId: number; reason: string }
  | { status: 'missed'; since: string }
  | { status: 'expired'; since: string };

export function deadlineStatus(state: CaseState, tracked: TrackedDeadline, nowMs: number): DeadlineStatus {
  const { deadline } = tracked;
  const voiding = state.events.find((event) => event.type === 'event-voided' && event.eventId === tracked.sourceEventId);
  if (voiding?.type === 'event-voided') return { status: 'void', byEventId: voiding.id, reason: voiding.reason };
  const standing = standingEvents(state.events);
  for (const event of standing) {
    if (event.id <= tracked.sourceEventId) continue;
    // A waiver counts from when staff recorded it: what happens after it does not undo it.
    if (event.type === 'deadline-waived' && event.deadlineId === tracked.id) return { status: 'waived', byEventId: event.id, reason: event.reason };
    if (!isDated(event) || event.on > deadline.dueDate) continue;
    const trigger = triggerOf(event);
    if (trigger !== undefined && deadline.satisfiedBy.includes(trigger)) {
      return { status: 'met', byEventId: event.id, on: event.on };
    }
    if (trigger !== undefined && deadline.supersededBy.includes(trigger)) {
      return { status: 'superseded', byEventId: event.id, on: event.on, why: 'superseded-by-event' };
    }
    if (event.type === 'case-closed') return { status: 'superseded', byEventId: event.id, on: event.on, why: 'case-closed' };
    const replaced = state.deadlines.some((other) => other.sourceEventId === event.id && other.deadline.kind === deadline.kind);
    if (replaced) return { status: 'superseded', byEventId: event.id, on: event.on, why: 'replaced' };
  }
  if (nowMs >= Date.parse(deadline.endsAt)) {
    return deadline.informational ? { status: 'expired', since: deadline.endsAt } : { status: 'missed', since: deadline.endsAt };
  }
  return { status: 'open' };
}

export function isOpen(state: CaseState, tracked: TrackedDeadline, nowMs: number): boolean {
  return deadlineStatus(state, tracked, nowMs).status === 'open';
}

/** The earliest open deadline that someone must act on (informational ones excluded). */
export function nextDeadline(state: CaseState, nowMs: number): TrackedDeadline | undefined {
  return state.deadlines
    .filter((tracked) => !tracked.deadline.informational && isOpen(state, tracked, nowMs))
    .sort((a, b) => Date.parse(a.deadline.endsAt) - Date.parse(b.deadline.endsAt))[0];
}

function latestProtectionExpiry(state: CaseState, beforeEventId = Number.POSITIVE_INFINITY): TrackedDeadline | undefined {
  return state.deadlines
    .filter((tracked) => tracked.deadline.kind === PROTECTION_EXPIRY_KIND && tracked.sourceEventId < beforeEventId)
    .sort((a, b) => b.sourceEventId - a.sourceEventId)[0];
}

/** The last day of the current protection period, while the person holds protection. */
export function protectedUntil(state: CaseState): ComputedDeadline | undefined {
  return lifecycleFor(state).protectedStages.includes(state.stage) ? latestProtectionExpiry(state)?.deadline : undefined;
}

/**
 * Whether the protection has run out as of `nowMs` in a stage its expiry ends. The workflow lapses the
 * case only when it escalates the expiry, which for a grant recorded late waits out the late-entry
 * grace, and a read can come before that timer fires; the deadlines already say the expiry is missed.
 */
export function protectionLapsedAt(state: CaseState, nowMs: number): boolean {
  if (!lifecycleFor(state).lapsesFrom.includes(state.stage)) return false;
  const expiry = latestProtectionExpiry(state);
  return expiry !== undefined && deadlineStatus(state, expiry, nowMs).status === 'missed';
}

/** The fact the engine supplies itself: the end of the period an extension extends. */
const PREVIOUS_VALID_UNTIL = 'previousValidUntil';

/**
 * The facts the rules read from an event: those staff gave that the pack declares for it (a complaint's
 * forum is the case's business, not the rules'), and the end of the previous protection period.
 */
function factsFor(state: CaseState, event: CaseEvent): Facts {
  if (!isProcedureEvent(event)) return {};
  const declared = lifecycleFor(state).events.find((entry) => entry.event === event.type)?.facts.filter((fact) => fact.readByRules) ?? [];
  const given = event.facts ?? {};
  const facts: Facts = {};
  for (const fact of declared) {
    const value = given[fact.name];
    if (value !== undefined) facts[fact.name] = value;
  }
  if (declared.some((fact) => fact.name === PREVIOUS_VALID_UNTIL) && facts[PREVIOUS_VALID_UNTIL] === undefined) {
    const previous = latestProtectionExpiry(state, event.id)?.deadline.dueDate;
    if (previous) facts[PREVIOUS_VALID_UNTIL] = previous;
  }
  return facts;
}

/**
 * Stays recorded on the case that reach past the event, for the events with a clock that stops for
 * them. Staff's reason stays in the case; the rules are told only which event recorded the stay.
 */
function staysAfter(state: CaseState, event: CaseEvent & { on: LocalDate }): SuspensionPeriod[] {
  const deadlines = lifecycleFor(state).events.find((entry) => entry.event === event.type)?.deadlines ?? [];
  if (!deadlines.some((deadline) => deadline.stopsForRequestSuspensions)) return [];
  return standingEvents(state.events).flatMap((stay) =>
    stay.type === 'stay-recorded' && stay.to >= event.on ? [{ from: stay.from, to: stay.to, reason: `stay recorded on the case (event ${stay.id})` }] : [],
  );
}

/**
 * Which events the engine asks the rules about. Runs recorded before every procedure had a lifecycle
 * table never asked about an overturned refusal; replaying them must not start to.
 */
export interface RequestOptions {
  countsFromOverturnedRefusal: boolean;
}

const EVERY_EVENT: RequestOptions = { countsFromOverturnedRefusal: true };

/** What the rules engine is asked for an event, or nothing when no rule counts from it (or it was voided). */
export function deadlineRequestFor(state: CaseState, event: CaseEvent, options: RequestOptions = EVERY_EVENT): DeadlineRequest | undefined {
  const trigger = triggerOf(event);
  if (trigger === undefined || !isDated(event) || isVoided(state.events, event.id)) return undefined;
  if (trigger === 'refusal-overturned' && !options.countsFromOverturnedRefusal) return undefined;
  const facts = factsFor(state, event);
  const suspensions = staysAfter(state, event);
  return {
    jurisdiction: state.jurisdiction,
    procedure: state.procedure,
    event: trigger,
    date: event.on,
    ...(Object.keys(facts).length > 0 ? { facts } : {}),
    ...(Object.keys(state.ruleParams).length > 0 ? { params: state.ruleParams } : {}),
    ...(suspensions.length > 0 ? { suspensions } : {}),
  };
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonical(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The earliest event whose deadlines are missing or were computed from a request that no longer holds
 * (its date was corrected, or an earlier protection period it extends moved). Earliest first, because
 * a later event's facts can depend on an earlier event's deadlines.
 */
export function nextStaleComputation(state: CaseState, options: RequestOptions = EVERY_EVENT): DeadlineComputation | undefined {
  for (const event of state.events) {
    const request = deadlineRequestFor(state, event, options);
    if (!request) continue;
    const done = state.computations.find((computation) => computation.eventId === event.id);
    if (!done || canonical(done.request) !== canonical(request)) return { eventId: event.id, request };
  }
  return undefined;
}

/**
 * Puts the rules engine's answer for one event in place of what that event had before. A deadline
 * whose value did not change keeps its history (reminders already sent for it stay sent).
 */
export function attachDeadlines(
  state: CaseState,
  computation: DeadlineComputation,
  computed: ComputedDeadline[],
  nowMs: number,
): CaseState {
  const previous = state.deadlines.filter((tracked) => tracked.sourceEventId === computation.eventId);
  const fresh: TrackedDeadline[] = computed.map((deadline) => {
    const id = `${computation.eventId}:${deadline.ruleId}`;
    // A date a supervisor set by hand stays in force over the recomputed one, which is kept beside it.
    const candidate = withStandingOverride(state.events, { id, sourceEventId: computation.eventId, knownSince: toInstant(nowMs), deadline });
    const unchanged = previous.find((tracked) => tracked.id === id && tracked.deadline.endsAt === candidate.deadline.endsAt);
    return unchanged ? { ...candidate, knownSince: unchanged.knownSince } : candidate;
  });
  const pin = pinAfter(state, computed);
  const updated: CaseState = {
    ...state,
    deadlines: [...state.deadlines.filter((tracked) => tracked.sourceEventId !== computation.eventId), ...fresh],
    computations: [...state.computations.filter((done) => done.eventId !== computation.eventId), computation],
    ...(pin ? { rulePin: pin } : {}),
  };
  return fresh.reduce(queueDeadlineRecord, updated);
}
