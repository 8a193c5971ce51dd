import type { LocalDate } from '../rules/types';
import type { CaseState } from './case';
import { parseCommand, type CaseCommand, type CommandName } from './commands';
import { latestPossibleToday, toInstant } from './dates';
import { isDated, type CaseEvent, type DatedEvent, type NewCaseEvent } from './events';
import { queueEventRecord, type StaffCommandName } from './outbox';
import type { Stage } from './stages';

/**
 * The case's state machine: a staff command either moves the case (one new event, possibly a new stage)
 * or is rejected with the reason, and then nothing changes.
 *
 * Which command is allowed in which stage. Commands not listed here are allowed in every stage but `closed`.
 */
export const ALLOWED_STAGES: Partial<Record<CommandName, readonly Stage[]>> = {
  recordApplicationLodged: ['opened'],
  recordDecision: ['lodged', 'awaiting-decision'],
  recordComplaintFiled: ['refused', 'renewal-refused', 'departure-period'],
  recordComplaintOutcome: ['complaint-pending'],
  recordNewApplication: ['refused', 'renewal-refused', 'departure-period', 'lapsed'],
  recordRenewalFiled: ['granted', 'extended'],
  recordRenewalDecision: ['renewal-filed'],
};

const WHAT_IT_DOES: Record<CommandName, string> = {
  recordApplicationLodged: 'record the first application (later ones are new applications)',
  recordDecision: 'record a decision on an application',
  recordComplaintFiled: 'record a complaint or appeal',
  recordComplaintOutcome: 'record the outcome of a complaint or appeal',
  recordNewApplication: 'record a new application',
  recordRenewalFiled: 'record a renewal application',
  recordRenewalDecision: 'record a renewal decision',
  correctEventDate: 'correct the date of an event',
  acknowledgeReminder: 'acknowledge a reminder',
  reassign: 'reassign the case',
  closeCase: 'close the case',
};

export type Decision = { ok: true; state: CaseState; event: CaseEvent } | { ok: false; reason: string };

type Change = { event: NewCaseEvent; patch?: Partial<CaseState> } | { reason: string };

function describe(event: DatedEvent): string {
  return `${event.type.replace(/-/g, ' ')} on ${event.on} (event ${event.id})`;
}

function change(state: CaseState, command: CaseCommand, nowMs: number): Change {
  const { actor } = command.input;
  switch (command.name) {
    case 'recordApplicationLodged':
      return {
        event: { type: 'application-lodged', actor, on: command.input.lodgedOn, attempt: 1 },
        patch: { stage: 'lodged', attempt: 1 },
      };
    case 'recordNewApplication': {
      const { lodgedOn, changedCircumstances } = command.input;
      const attempt = state.attempt + 1;
      return {
        event: { type: 'application-lodged', actor, on: lodgedOn, attempt, ...(changedCircumstances ? { changedCircumstances } : {}) },
        patch: { stage: 'lodged', attempt },
      };
    }
    case 'recordDecision': {
      const input = command.input;
      if (input.decision === 'grant') {
        const { grantedOn, validUntil } = input;
        return { event: { type: 'protection-granted', actor, on: grantedOn, ...(validUntil ? { validUntil } : {}) }, patch: { stage: 'granted' } };
      }
      const { noticeReceivedOn, decidedOn } = input;
      return {
        event: { type: 'refusal-notice-received', actor, on: noticeReceivedOn, ...(decidedOn ? { decidedOn } : {}) },
        patch: { stage: 'refused' },
      };
    }
    case 'recordComplaintFiled': {
      const { filedOn, forum } = command.input;
      if (state.stage === 'departure-period' && forum !== 'court') {
        return { reason: 'the complaint was already refused: only a court appeal can be recorded in the departure period' };
      }
      return { event: { type: 'complaint-filed', actor, on: filedOn, forum }, patch: { stage: 'complaint-pending', complaintForum: forum } };
    }
    case 'recordComplaintOutcome': {
      const { outcome, on } = command.input;
      const forum = state.complaintForum ?? 'administrative';
      return outcome === 'refusal-upheld'
        ? { event: { type: 'refusal-upheld', actor, on, forum }, patch: { stage: 'departure-period' } }
        : { event: { type: 'refusal-overturned', actor, on, forum }, patch: { stage: 'awaiting-decision' } };
    }
    case 'recordRenewalFiled':
      return { event: { type: 'renewal-filed', actor, on: command.input.filedOn }, patch: { stage: 'renewal-filed' } };
    case 'recordRenewalDecision': {
      const input = command.input;
      if (input.decision === 'extended') {
        const { decidedOn, validUntil } = input;
        return {
          event: { type: 'protection-extended', actor, on: decidedOn, ...(validUntil ? { validUntil } : {}) },
          patch: { stage: 'extended' },
        };
      }
      return { event: { type: 'renewal-refusal-notice-received', actor, on: input.noticeReceivedOn }, patch: { stage: 'renewal-refused' } };
    }
    case 'correctEventDate':
      return correction(state, command.input);
    case 'acknowledgeReminder': {
      const { reminderId } = command.input;
      const reminder = state.reminders.find((sent) => sent.id === reminderId);
      if (!reminder) return { reason: `no reminder ${reminderId} was sent in this case` };
      if (reminder.acknowledged) return { reason: `reminder ${reminderId} was already acknowledged by ${reminder.acknowledged.by}` };
      const acknowledged = { by: actor, at: toInstant(nowMs) };
      return {
        event: { type: 'reminder-acknowledged', actor, reminderId },
        patch: { reminders: state.reminders.map((sent) => (sent === reminder ? { ...sent, acknowledged } : sent)) },
      };
    }
    case 'reassign': {
      const to = { office: command.input.office ?? state.office, caseworker: command.input.caseworker };
      if (to.office === state.office && to.caseworker === state.caseworker) {
        return { reason: `the case is already assigned to ${to.caseworker} at ${to.office}` };
      }
      const { reason } = command.input;
      return {
        event: { type: 'case-reassigned', actor, from: { office: state.office, caseworker: state.caseworker }, to, ...(reason ? { reason } : {}) },
        patch: to,
      };
    }
    case 'closeCase': {
      const { reason, closedOn, note } = command.input;
      return {
        event: { type: 'case-closed', actor, on: closedOn, reason, ...(note ? { note } : {}) },
        patch: { stage: 'closed', closure: { reason, on: closedOn } },
      };
    }
  }
}

/** A corrected date must keep the case's events in the order they happened. */
function correction(state: CaseState, input: { actor: string; eventId: number; correctedDate: LocalDate; reason: string }): Change {
  const target = state.events.find((event) => event.id === input.eventId);
  if (!target) return { reason: `there is no event ${input.eventId} in this case` };
  if (!isDated(target)) return { reason: `event ${input.eventId} (${target.type}) has no date to correct` };
  if (target.actor === 'engine') return { reason: `event ${input.eventId} (${target.type}) was recorded by the engine and follows from other dates` };
  if (target.on === input.correctedDate) return { reason: `event ${input.eventId} is already dated ${input.correctedDate}` };
  const dated = state.events.filter(isDated);
  const before = dated.filter((event) => event.id < target.id).at(-1);
  const after = dated.find((event) => event.id > target.id);
  if (before && input.correctedDate < before.on) {
    return { reason: `${input.correctedDate} would put event ${target.id} before ${describe(before)}` };
  }
  if (after && input.correctedDate > after.on) {
    return { reason: `${input.correctedDate} would put event ${target.id} after ${describe(after)}` };
  }
  if ('validUntil' in target && target.validUntil !== undefined && input.correctedDate >= target.validUntil) {
    return { reason: `${input.correctedDate} is not before the protection's stated end ${target.validUntil}` };
  }
  const events = state.events.map((event) => (event.id === target.id ? { ...target, on: input.correctedDate } : event));
  return {
    event: { type: 'event-date-corrected', actor: input.actor, eventId: target.id, from: target.on, to: input.correctedDate, reason: input.reason },
    patch: { events },
  };
}

function checkFuture(on: LocalDate, nowMs: number): string | undefined {
  return on > latestPossibleToday(nowMs) ? `${on} is in the future` : undefined;
}

/** The date an event carries, checked against today and against the events already recorded. */
function checkDate(state: CaseState, on: LocalDate, nowMs: number): string | undefined {
  const future = checkFuture(on, nowMs);
  if (future) return future;
  const latest = state.events.filter(isDated).at(-1);
  if (latest && on < latest.on) return `${on} is before the last recorded event, ${describe(latest)}`;
  return undefined;
}

function reject(reason: string): Decision {
  return { ok: false, reason };
}

/** Appends an event to the case, numbered and timed, and queues it for the register with the command that made it, if any. */
export function appendEvent(
  state: CaseState,
  event: NewCaseEvent,
  nowMs: number,
  command?: StaffCommandName,
): { state: CaseState; event: CaseEvent } {
  const recorded = { ...event, id: (state.events.at(-1)?.id ?? 0) + 1, recordedAt: toInstant(nowMs) } as CaseEvent;
  return { state: queueEventRecord({ ...state, events: [...state.events, recorded] }, recorded, command), event: recorded };
}

export function decide(state: CaseState, command: CaseCommand, nowMs: number): Decision {
  const action = WHAT_IT_DOES[command.name];
  if (state.stage === 'closed') return reject(`cannot ${action}: case ${state.caseNumber} is closed`);
  const allowed = ALLOWED_STAGES[command.name];
  if (allowed && !allowed.includes(state.stage)) {
    return reject(`cannot ${action} while the case is ${state.stage}; only when it is ${allowed.join(' or ')}`);
  }
  const result = change(state, command, nowMs);
  if ('reason' in result) return reject(`cannot ${action}: ${result.reason}`);
  const dateProblem =
    command.name === 'correctEventDate'
      ? checkFuture(command.input.correctedDate, nowMs)
      : 'on' in result.event
        ? checkDate(state, result.event.on, nowMs)
        : undefined;
  if (dateProblem) return reject(`cannot ${action}: ${dateProblem}`);
  const appended = appendEvent({ ...state, ...result.patch }, result.event, nowMs, command.name);
  return { ok: true, ...appended };
}

/** Reads a command's raw input and decides it: the one check both a validator and a handler make. */
export function decideInput(state: CaseState, name: CommandName, raw: unknown, nowMs: number): Decision {
  const parsed = parseCommand(name, raw);
  return parsed.ok ? decide(state, parsed.command, nowMs) : parsed;
}
