import { DateTime } from 'luxon';
import type { ComputedDeadline, DeadlineRequest } from '../../src/rules/types';
import {
  attachDeadlines,
  decideInput,
  nextStaleComputation,
  openCase,
  type CaseState,
  type CommandName,
  type Facts,
} from '../../src/domain';

/**
 * A stand-in for the rules engine with plain calendar-day arithmetic: the domain must work with whatever
 * deadlines it is handed, so its tests do not depend on production calendars.
 */
export const ZONE = 'Europe/Moscow';

export function at(localDateTime: string): number {
  return DateTime.fromISO(localDateTime, { zone: ZONE }).toMillis();
}

function endOfDay(date: string): string {
  return DateTime.fromISO(date, { zone: ZONE }).plus({ days: 1 }).toUTC().toISO()!;
}

function plus(date: string, duration: Record<string, number>): string {
  return DateTime.fromISO(date, { zone: ZONE }).plus(duration).toISODate()!;
}

export function deadline(fields: Partial<ComputedDeadline> & Pick<ComputedDeadline, 'kind' | 'dueDate'>): ComputedDeadline {
  return {
    ruleId: `test.${fields.kind}`,
    title: { en: fields.kind, ru: fields.kind },
    owner: 'applicant',
    endsAt: endOfDay(fields.dueDate),
    zone: ZONE,
    basis: 'statutory',
    citation: 'test rule',
    confidence: 'high',
    satisfiedBy: [],
    supersededBy: [],
    informational: false,
    explanation: {
      trigger: { event: 'test', date: fields.dueDate },
      ruleId: `test.${fields.kind}`,
      citation: 'test rule',
      rawEndDate: fields.dueDate,
      steps: [],
      calendarSource: 'none',
      warnings: [],
    },
    warnings: [],
    ...fields,
  };
}

export function fakeRules(request: DeadlineRequest): ComputedDeadline[] {
  const { date, facts } = request;
  switch (request.event) {
    case 'application-lodged':
      return [
        deadline({
          kind: 'decision-due',
          owner: 'authority',
          dueDate: plus(date, { months: 3 }),
          satisfiedBy: ['refusal-notice-received', 'protection-granted'],
        }),
      ];
    case 'refusal-notice-received':
    case 'renewal-refusal-notice-received':
      return [
        deadline({ kind: 'complaint', dueDate: plus(date, { months: 1 }), satisfiedBy: ['complaint-filed'], supersededBy: ['application-lodged'] }),
        deadline({ kind: 'court-challenge', dueDate: plus(date, { months: 3 }), informational: true, satisfiedBy: ['complaint-filed'] }),
      ];
    case 'protection-granted':
    case 'protection-extended': {
      const start = typeof facts?.previousValidUntil === 'string' ? facts.previousValidUntil : date;
      const validUntil = typeof facts?.validUntil === 'string' ? facts.validUntil : plus(start, { years: 1 });
      return [
        deadline({ kind: 'protection-expiry', dueDate: validUntil, satisfiedBy: ['protection-extended'] }),
        deadline({
          kind: 'renewal-filing',
          dueDate: plus(validUntil, { months: -1 }),
          satisfiedBy: ['renewal-filed'],
          reminderOffsetsDays: [30, 7, 0],
        }),
      ];
    }
    case 'final-refusal-notice-received':
      return [deadline({ kind: 'departure', dueDate: plus(date, { days: 3 }) })];
    default:
      return [];
  }
}

export const OPEN_INPUT = {
  caseNumber: 'RU-TA-2015-0042',
  jurisdiction: 'RU',
  procedure: 'temporary-asylum',
  office: 'moscow-1',
  caseworker: 'cw-0142',
  actor: 'cw-0142',
  applicant: { pseudonym: 'Applicant-K', nationality: 'PRK' },
};

export function opened(nowMs = at('2015-11-01T10:00')): CaseState {
  return openCase(OPEN_INPUT, nowMs);
}

/** A case of another procedure, numbered in its own jurisdiction. */
export function openedAs(jurisdiction: string, procedure: string, nowMs = at('2015-11-01T10:00')): CaseState {
  return openCase({ ...OPEN_INPUT, caseNumber: `${jurisdiction}-XX-2016-0001`, jurisdiction, procedure }, nowMs);
}

export type Rules = (request: DeadlineRequest) => ComputedDeadline[];

/** Computes every missing or stale deadline, as the workflow does after each command. */
export function settle(state: CaseState, nowMs: number, rules: Rules = fakeRules): CaseState {
  let next = state;
  for (let stale = nextStaleComputation(next); stale; stale = nextStaleComputation(next)) {
    next = attachDeadlines(next, stale, rules(stale.request), nowMs);
  }
  return next;
}

/** Applies a command that must succeed, then settles deadlines. */
export function record(state: CaseState, name: CommandName, input: Record<string, unknown>, nowMs: number): CaseState {
  const decision = attempt(state, name, input, nowMs);
  if (!decision.ok) throw new Error(decision.reason);
  return settle(decision.state, nowMs);
}

export function attempt(state: CaseState, name: CommandName, input: Record<string, unknown>, nowMs: number) {
  return decideInput(state, name, { actor: 'cw-0142', ...input }, nowMs);
}

/** Noon Moscow time on a date: when staff record what happened that day, unless a test says otherwise. */
export function noon(date: string): number {
  return at(`${date}T12:00`);
}

/** Records a procedure event that must be accepted (`recordEvent`), then settles deadlines. */
export function happened(state: CaseState, event: string, on: string, options: { facts?: Facts; note?: string; nowMs?: number; rules?: Rules } = {}): CaseState {
  const nowMs = options.nowMs ?? noon(on);
  const decision = tryEvent(state, event, on, options.facts, nowMs, options.note);
  if (!decision.ok) throw new Error(decision.reason);
  return settle(decision.state, nowMs, options.rules);
}

/** Tries to record a procedure event (`recordEvent`), by default at noon of its date. */
export function tryEvent(state: CaseState, event: string, on: string, facts?: Facts, nowMs = noon(on), note?: string) {
  return attempt(state, 'recordEvent', { event, on, ...(facts ? { facts } : {}), ...(note ? { note } : {}) }, nowMs);
}

export function deadlineOfKind(state: CaseState, kind: string) {
  const matches = state.deadlines.filter((tracked) => tracked.deadline.kind === kind);
  const latest = matches.sort((a, b) => b.sourceEventId - a.sourceEventId)[0];
  if (!latest) throw new Error(`no ${kind} deadline in ${JSON.stringify(state.deadlines.map((d) => d.id))}`);
  return latest;
}
