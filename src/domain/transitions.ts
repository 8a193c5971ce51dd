import type { LocalDate } from '../rules/types';
import type { CaseState } from './case';
import { parseCommand, type CaseCommand, type CommandInput, type CommandName } from './commands';
import { latestPossibleToday, toInstant } from './dates';
import { deadlineStatus } from './deadlines';
import {
  isDated,
  isProcedureEvent,
  isVoided,
  standingEvents,
  type CaseEvent,
  type DatedEvent,
  type Facts,
  type FactValue,
  type NewCaseEvent,
} from './events';
import { eventTitleIn, factsProblem, lifecycleFor, moveFor, positionAfterMove, positionOf, type StagePosition } from './lifecycle';
import { queueEventRecord, type StaffCommandName } from './outbox';
import { ruleParamsProblem } from './rule-params';
import { rulePinOf } from './rule-pin';
import { applyOverrides, changesOverrides } from './deadline-override';

/**
 * The case's state machine: a staff command either moves the case (one new event, possibly a new stage)
 * or is rejected with the reason, and then nothing changes. Which event may be recorded in which stage,
 * and where it leads, is read from the procedure's lifecycle table; this file holds what is true of
 * every procedure (dates in order, corrections, voids, stays, waivers, links).
 */
const WHAT_IT_DOES: Record<CaseCommand['name'], string> = {
  recordEvent: 'record',
  correctEventDate: 'correct the date of an event',
  correctFact: 'correct a fact of an event',
  correctRuleParams: 'correct the rule parameters',
  voidEvent: 'void an event',
  recordStay: 'record a stay',
  waiveDeadline: 'waive a deadline',
  linkCase: 'link a related case',
  acknowledgeReminder: 'acknowledge a reminder',
  reassign: 'reassign the case',
  closeCase: 'close the case',
  migrateRules: 'migrate the case to the installed rule data',
  overrideDeadline: 'set a deadline by hand',
};

export type Decision = { ok: true; state: CaseState; event: CaseEvent } | { ok: false; reason: string };

type Change = { event: NewCaseEvent; patch?: Partial<CaseState> } | { reason: string };

function describe(event: DatedEvent): string {
  return `${event.type.replace(/-/g, ' ')} on ${event.on} (event ${event.id})`;
}

function positionPatch(position: StagePosition): Partial<CaseState> {
  return { stage: position.stage, attempt: position.attempt, complaintForum: position.complaintForum };
}

/**
 * Dates a fact states about its own event: protection ends after it starts, a decision precedes its
 * notice, a ruling cannot order a new decision by a day already past when it was made.
 */
function factDateProblem(on: LocalDate, facts: Facts): string | undefined {
  if (typeof facts.validUntil === 'string' && facts.validUntil <= on) return `validUntil ${facts.validUntil} must be after ${on}`;
  if (typeof facts.decidedOn === 'string' && facts.decidedOn > on) return `decidedOn ${facts.decidedOn} cannot be after ${on}`;
  if (typeof facts.decideBy === 'string' && facts.decideBy < on) return `decideBy ${facts.decideBy} cannot be before ${on}`;
  // A UK notice is received, and a person told to leave departs, after it was sent.
  if (typeof facts.receivedOn === 'string' && facts.receivedOn < on) return `receivedOn ${facts.receivedOn} cannot be before ${on}`;
  if (typeof facts.departedOn === 'string' && facts.departedOn < on) return `departedOn ${facts.departedOn} cannot be before ${on}`;
  return undefined;
}

function recordEvent(state: CaseState, input: CommandInput<'recordEvent'>): Change {
  const lifecycle = lifecycleFor(state);
  const facts = input.facts ?? {};
  const current: StagePosition = { stage: state.stage, attempt: state.attempt, ...(state.complaintForum ? { complaintForum: state.complaintForum } : {}) };
  const move = moveFor(lifecycle, current.stage, input.event, facts);
  if (!move.ok) return { reason: move.reason };
  const problem = factsProblem(lifecycle, input.event, facts, move.transition.requires) ?? factDateProblem(input.on, facts);
  if (problem) return { reason: problem };
  const next = positionAfterMove(current, move.transition, input.event, facts);
  const event = {
    type: input.event,
    actor: input.actor,
    on: input.on,
    ...(Object.keys(facts).length > 0 ? { facts } : {}),
    ...(move.transition.countsAttempt ? { attempt: next.attempt } : {}),
    ...(input.note ? { note: input.note } : {}),
  } as NewCaseEvent;
  return { event, patch: next };
}

function standingTarget(state: CaseState, eventId: number): { ok: true; target: CaseEvent } | { ok: false; reason: string } {
  const target = state.events.find((event) => event.id === eventId);
  if (!target) return { ok: false, reason: `there is no event ${eventId} in this case` };
  if (isVoided(state.events, eventId)) return { ok: false, reason: `event ${eventId} (${target.type}) was voided` };
  return { ok: true, target };
}

/** The events with one of them replaced, checked against the lifecycle from the opening. */
function rederived(state: CaseState, events: CaseEvent[], changed: string): { ok: true; patch: Partial<CaseState> } | { ok: false; reason: string } {
  const position = positionOf(lifecycleFor(state), events);
  if (!position.ok) return { ok: false, reason: `${changed}, event ${position.eventId} would no longer fit: ${position.reason}` };
  return { ok: true, patch: { events, ...positionPatch(position.position) } };
}

/** A corrected date must keep the case's events in the order they happened. */
function correctDate(state: CaseState, input: CommandInput<'correctEventDate'>): Change {
  const found = standingTarget(state, input.eventId);
  if (!found.ok) return found;
  const { target } = found;
  if (!isDated(target)) return { reason: `event ${input.eventId} (${target.type}) has no date to correct` };
  if (target.actor === 'engine') return { reason: `event ${input.eventId} (${target.type}) was recorded by the engine and follows from other dates` };
  if (target.on === input.correctedDate) return { reason: `event ${input.eventId} is already dated ${input.correctedDate}` };
  const dated = standingEvents(state.events).filter(isDated);
  const before = dated.filter((event) => event.id < target.id).at(-1);
  const after = dated.find((event) => event.id > target.id);
  if (before && input.correctedDate < before.on) return { reason: `${input.correctedDate} would put event ${target.id} before ${describe(before)}` };
  if (after && input.correctedDate > after.on) return { reason: `${input.correctedDate} would put event ${target.id} after ${describe(after)}` };
  const factProblem = isProcedureEvent(target) ? factDateProblem(input.correctedDate, target.facts ?? {}) : undefined;
  if (factProblem) return { reason: factProblem };
  const events = state.events.map((event) => (event.id === target.id ? { ...target, on: input.correctedDate } : event));
  return {
    event: { type: 'event-date-corrected', actor: input.actor, eventId: target.id, from: target.on, to: input.correctedDate, reason: input.reason },
    patch: { events },
  };
}

/** A fact corrected (a certificate's end date misread, a complaint's forum): its deadlines are recomputed. */
function correctFact(state: CaseState, input: CommandInput<'correctFact'>): Change {
  const found = standingTarget(state, input.eventId);
  if (!found.ok) return found;
  const { target } = found;
  if (!isProcedureEvent(target)) return { reason: `event ${input.eventId} (${target.type}) carries no facts` };
  const lifecycle = lifecycleFor(state);
  const value: FactValue = input.value;
  const facts = { ...(target.facts ?? {}), [input.fact]: value };
  const problem = factsProblem(lifecycle, target.type, { [input.fact]: value }) ?? factDateProblem(target.on, facts);
  if (problem) return { reason: problem };
  const from = target.facts?.[input.fact];
  if (from === value) return { reason: `${input.fact} of event ${target.id} is already ${String(value)}` };
  const result = rederived(
    state,
    state.events.map((event) => (event.id === target.id ? { ...target, facts } : event)),
    `with ${input.fact}=${String(value)}`,
  );
  if (!result.ok) return result;
  return {
    event: {
      type: 'fact-corrected',
      actor: input.actor,
      eventId: target.id,
      fact: input.fact,
      ...(from !== undefined ? { from } : {}),
      to: value,
      reason: input.reason,
    },
    patch: result.patch,
  };
}

function sameParams(current: Readonly<Record<string, unknown>>, next: Readonly<Record<string, number>>): boolean {
  const names = Object.keys(next);
  return names.length === Object.keys(current).length && names.every((name) => current[name] === next[name]);
}

/** Policy parameters set wrongly at the opening, or since: every deadline that reads them is recomputed. */
function correctRuleParams(state: CaseState, input: CommandInput<'correctRuleParams'>): Change {
  const problem = ruleParamsProblem(lifecycleFor(state), input.ruleParams);
  if (problem) return { reason: problem.param === undefined ? problem.reason : `${problem.param} ${problem.reason}` };
  if (sameParams(state.ruleParams, input.ruleParams)) return { reason: 'the case already has these rule parameters' };
  return {
    event: { type: 'rule-params-corrected', actor: input.actor, to: input.ruleParams, reason: input.reason },
    patch: { ruleParams: input.ruleParams },
  };
}

const VOIDABLE: ReadonlySet<string> = new Set(['stay-recorded', 'deadline-waived', 'case-linked', 'deadline-overridden']);

/** An event entered by mistake counts for nothing from now on; what it started is re-derived without it. */
function voidEvent(state: CaseState, input: CommandInput<'voidEvent'>): Change {
  const found = standingTarget(state, input.eventId);
  if (!found.ok) return found;
  const { target } = found;
  if (target.actor === 'engine') return { reason: `event ${target.id} (${target.type}) was recorded by the engine` };
  if (!isProcedureEvent(target) && !VOIDABLE.has(target.type)) {
    return { reason: `event ${target.id} (${target.type}) cannot be voided; correct it or record what happened next` };
  }
  const position = positionOf(lifecycleFor(state), state.events.filter((event) => event.id !== target.id));
  if (!position.ok) return { reason: `event ${position.eventId} (${state.events.find((event) => event.id === position.eventId)?.type}) follows from it: void that first` };
  return { event: { type: 'event-voided', actor: input.actor, eventId: target.id, reason: input.reason }, patch: positionPatch(position.position) };
}

function waiveDeadline(state: CaseState, input: CommandInput<'waiveDeadline'>, nowMs: number): Change {
  const tracked = state.deadlines.find((candidate) => candidate.id === input.deadlineId);
  if (!tracked) return { reason: `there is no deadline ${input.deadlineId} in this case` };
  if (tracked.deadline.owner !== 'applicant') return { reason: `deadline ${tracked.id} is the authority's to meet; only the applicant's rights can be waived` };
  const status = deadlineStatus(state, tracked, nowMs);
  if (status.status !== 'open' && status.status !== 'missed') return { reason: `deadline ${tracked.id} is ${status.status}; only an open or missed one can be waived` };
  return { event: { type: 'deadline-waived', actor: input.actor, deadlineId: tracked.id, dueDate: tracked.deadline.dueDate, reason: input.reason } };
}

/** A court order or an agreed extension: the date in force is set by hand; the rules' date stays beside it. */
function overrideDeadline(state: CaseState, input: CommandInput<'overrideDeadline'>, nowMs: number): Change {
  const tracked = state.deadlines.find((candidate) => candidate.id === input.deadlineId);
  if (!tracked) return { reason: `there is no deadline ${input.deadlineId} in this case` };
  const status = deadlineStatus(state, tracked, nowMs);
  if (status.status !== 'open' && status.status !== 'missed') return { reason: `deadline ${tracked.id} is ${status.status}; only an open or missed one can be set by hand` };
  if (tracked.deadline.dueDate === input.dueDate) return { reason: `deadline ${tracked.id} is already due ${input.dueDate}` };
  const computedDueDate = (tracked.override?.computed ?? tracked.deadline).dueDate;
  return { event: { type: 'deadline-overridden', actor: input.actor, deadlineId: tracked.id, computedDueDate, dueDate: input.dueDate, reason: input.reason } };
}

function linkCase(state: CaseState, input: CommandInput<'linkCase'>): Change {
  if (input.caseNumber === state.caseNumber) return { reason: 'a case cannot be linked to itself' };
  const linked = standingEvents(state.events).some((event) => event.type === 'case-linked' && event.caseNumber === input.caseNumber);
  if (linked) return { reason: `case ${input.caseNumber} is already linked` };
  return { event: { type: 'case-linked', actor: input.actor, caseNumber: input.caseNumber, relation: input.relation, ...(input.note ? { note: input.note } : {}) } };
}

function acknowledge(state: CaseState, input: CommandInput<'acknowledgeReminder'>, nowMs: number): Change {
  const reminder = state.reminders.find((sent) => sent.id === input.reminderId);
  if (!reminder) return { reason: `no reminder ${input.reminderId} was sent in this case` };
  if (reminder.acknowledged) return { reason: `reminder ${input.reminderId} was already acknowledged by ${reminder.acknowledged.by}` };
  const acknowledged = { by: input.actor, at: toInstant(nowMs) };
  return {
    event: { type: 'reminder-acknowledged', actor: input.actor, reminderId: input.reminderId },
    patch: { reminders: state.reminders.map((sent) => (sent === reminder ? { ...sent, acknowledged } : sent)) },
  };
}

function reassign(state: CaseState, input: CommandInput<'reassign'>): Change {
  const to = { office: input.office ?? state.office, caseworker: input.caseworker };
  if (to.office === state.office && to.caseworker === state.caseworker) return { reason: `the case is already assigned to ${to.caseworker} at ${to.office}` };
  return {
    event: { type: 'case-reassigned', actor: input.actor, from: { office: state.office, caseworker: state.caseworker }, to, ...(input.reason ? { reason: input.reason } : {}) },
    patch: to,
  };
}

/**
 * Every event is computed again with the installed rule data: the computations are forgotten and the pin
 * is lifted, so the next computation pins the case to the installed versions (see rulePinOf).
 */
function migrateRules(state: CaseState, input: CommandInput<'migrateRules'>): Change {
  const from = rulePinOf(state);
  return {
    event: { type: 'rules-migrated', actor: input.actor, reason: input.reason, ...(from ? { from } : {}) },
    patch: { computations: [], rulePin: 'installed' },
  };
}

function change(state: CaseState, command: CaseCommand, nowMs: number): Change {
  switch (command.name) {
    case 'recordEvent':
      return recordEvent(state, command.input);
    case 'correctEventDate':
      return correctDate(state, command.input);
    case 'correctFact':
      return correctFact(state, command.input);
    case 'correctRuleParams':
      return correctRuleParams(state, command.input);
    case 'voidEvent':
      return voidEvent(state, command.input);
    case 'recordStay': {
      const { actor, from, to, reason } = command.input;
      return { event: { type: 'stay-recorded', actor, from, to, reason } };
    }
    case 'waiveDeadline':
      return waiveDeadline(state, command.input, nowMs);
    case 'linkCase':
      return linkCase(state, command.input);
    case 'acknowledgeReminder':
      return acknowledge(state, command.input, nowMs);
    case 'reassign':
      return reassign(state, command.input);
    case 'migrateRules':
      return migrateRules(state, command.input);
    case 'overrideDeadline':
      return overrideDeadline(state, command.input, nowMs);
    case 'closeCase': {
      const { actor, reason, closedOn, note } = command.input;
      return { event: { type: 'case-closed', actor, on: closedOn, reason, ...(note ? { note } : {}) }, patch: { stage: 'closed', closure: { reason, on: closedOn } } };
    }
  }
}

function checkFuture(on: LocalDate, nowMs: number): string | undefined {
  return on > latestPossibleToday(nowMs) ? `${on} is in the future` : undefined;
}

/** The date an event carries, checked against today and against the events already recorded. */
function checkDate(state: CaseState, on: LocalDate, nowMs: number): string | undefined {
  const future = checkFuture(on, nowMs);
  if (future) return future;
  const latest = standingEvents(state.events).filter(isDated).at(-1);
  if (latest && on < latest.on) return `${on} is before the last recorded event, ${describe(latest)}`;
  return undefined;
}

/** The date a command states, if it must not lie ahead: a stay may run into the future, its start may not. */
function commandDate(command: CaseCommand, event: NewCaseEvent): { on: LocalDate; ordered: boolean } | undefined {
  if (command.name === 'correctEventDate') return { on: command.input.correctedDate, ordered: false };
  if (command.name === 'recordStay') return { on: command.input.from, ordered: false };
  return 'on' in event ? { on: event.on, ordered: true } : undefined;
}

function reject(reason: string): Decision {
  return { ok: false, reason };
}

/** Appends an event to the case, numbered and timed, and queues it for the register with the command that made it, if any. */
export function appendEvent(state: CaseState, event: NewCaseEvent, nowMs: number, command?: StaffCommandName): { state: CaseState; event: CaseEvent } {
  const recorded = { ...event, id: (state.events.at(-1)?.id ?? 0) + 1, recordedAt: toInstant(nowMs) } as CaseEvent;
  return { state: queueEventRecord({ ...state, events: [...state.events, recorded] }, recorded, command), event: recorded };
}

function actionOf(state: CaseState, command: CaseCommand): string {
  if (command.name !== 'recordEvent') return WHAT_IT_DOES[command.name];
  return `record ${eventTitleIn(lifecycleFor(state), command.input.event)}`;
}

export function decide(state: CaseState, command: CaseCommand, nowMs: number, name: CommandName = command.name): Decision {
  const action = actionOf(state, command);
  if (state.stage === 'closed') return reject(`cannot ${action}: case ${state.caseNumber} is closed`);
  const result = change(state, command, nowMs);
  // "cannot record X while the case is ..." reads as one sentence; other reasons follow a colon.
  if ('reason' in result) return reject(`cannot ${action}${result.reason.startsWith('while ') ? ' ' : ': '}${result.reason}`);
  const dated = commandDate(command, result.event);
  const dateProblem = dated === undefined ? undefined : dated.ordered ? checkDate(state, dated.on, nowMs) : checkFuture(dated.on, nowMs);
  if (dateProblem) return reject(`cannot ${action}: ${dateProblem}`);
  const appended = appendEvent({ ...state, ...result.patch }, result.event, nowMs, name);
  const settled = changesOverrides(appended.event, appended.state.events) ? applyOverrides(appended.state, nowMs) : appended.state;
  return { ok: true, state: settled, event: appended.event };
}

/** Reads a command's raw input and decides it: the one check both a validator and a handler make. */
export function decideInput(state: CaseState, name: CommandName, raw: unknown, nowMs: number): Decision {
  const parsed = parseCommand(name, raw);
  return parsed.ok ? decide(state, parsed.command, nowMs, name) : parsed;
}
