import { WorkflowUpdateFailedError } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import fc from 'fast-check';
import { mapLimit } from '../../src/client/map-limit';
import { decideInput, openCase, STAFF_COMMAND_INPUTS, type CaseCommandName, type CaseState, type CaseView } from '../../src/domain';
import { caseUpdates, caseWorkflowId } from '../../src/workflows/messages';
import { openInput, QUIET_POLICY } from '../support/cases';
import { BenchStack } from '../support/stack';
import { runDrill, type DrillLog, type DrillResult } from './drill';

export interface MalformedCommandsOptions {
  commands: number;
  concurrency: number;
  seed: number;
  parentDir?: string;
}

const ACTOR = 'sv-bench';
type Body = Record<string, unknown>;
type Steps = ReadonlyArray<{ name: CaseCommandName; input: Body }>;
/** Today's commands: the legacy updates stay for replay and are not for callers, so the API does not know them. */
const COMMAND_NAMES = Object.keys(STAFF_COMMAND_INPUTS) as CaseCommandName[];

/** One case in each kind of stage, reached by valid commands dated today. */
function targetSteps(today: string): Record<string, Steps> {
  const lodge: Steps = [{ name: 'recordEvent', input: { event: 'application-lodged', on: today } }];
  const refuse: Steps = [...lodge, { name: 'recordEvent', input: { event: 'refusal-notice-received', on: today } }];
  return {
    opened: [],
    lodged: lodge,
    refused: refuse,
    'complaint-pending': [...refuse, { name: 'recordEvent', input: { event: 'complaint-filed', on: today, facts: { forum: 'administrative' } } }],
    granted: [...lodge, { name: 'recordEvent', input: { event: 'protection-granted', on: today } }],
    closed: [{ name: 'closeCase', input: { reason: 'withdrawn', closedOn: today } }],
  };
}

/** A well-formed input for each command (without the actor), which the mutations then break. */
function validBodies(today: string): Record<CaseCommandName, Body> {
  return {
    recordEvent: { event: 'refusal-notice-received', on: today, facts: { decidedOn: today }, note: 'new evidence' },
    correctEventDate: { eventId: 2, correctedDate: today, reason: 'entered wrongly' },
    correctFact: { eventId: 3, fact: 'decidedOn', value: today, reason: 'copied wrongly from the notice' },
    correctRuleParams: { ruleParams: { renewalLeadMonths: 2 }, reason: 'office policy: two months ahead' },
    voidEvent: { eventId: 2, reason: 'entered on the wrong case' },
    recordStay: { from: today, to: today, reason: 'court order suspending the period' },
    waiveDeadline: { deadlineId: 'deadline-1', reason: 'the applicant gave up the right in writing' },
    linkCase: { caseNumber: 'RU-TA-2016-0042', relation: 'parallel-procedure', note: 'same family' },
    acknowledgeReminder: { reminderId: 'reminder-1' },
    reassign: { caseworker: 'cw-bench-01', office: 'msk-2' },
    closeCase: { reason: 'left-country', closedOn: today },
    migrateRules: { reason: 'the 2028 production calendar was decreed' },
    overrideDeadline: { deadlineId: 'deadline-1', dueDate: today, reason: 'court order extending the period' },
  };
}

const oddValue = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 40 }),
  fc.string({ minLength: 2001, maxLength: 2100 }),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }),
);
const oddDate = fc.oneof(
  fc.constantFrom('2016-02-30', '2015-13-01', '2016-1-1', '16-01-26', ' 2016-01-26', '2016-01-26T00:00:00Z', '0000-00-00', '2999-01-01', '1900-01-01'),
  fc.string({ maxLength: 12 }),
  fc.date({ min: new Date('1000-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
);

type Mutation =
  | { kind: 'as-is' }
  | { kind: 'drop'; pick: number }
  | { kind: 'wrong-type'; pick: number; value: unknown }
  | { kind: 'odd-date'; pick: number; value: string }
  | { kind: 'extra-field'; key: string; value: unknown }
  | { kind: 'actor'; value: unknown }
  | { kind: 'replace'; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant({ kind: 'as-is' as const }),
  fc.record({ kind: fc.constant('drop' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('wrong-type' as const), pick: fc.nat(), value: oddValue }),
  fc.record({ kind: fc.constant('odd-date' as const), pick: fc.nat(), value: oddDate }),
  fc.record({ kind: fc.constant('extra-field' as const), key: fc.string({ minLength: 1, maxLength: 12 }), value: fc.jsonValue({ maxDepth: 1 }) }),
  fc.record({ kind: fc.constant('actor' as const), value: fc.oneof(oddValue, fc.constantFrom('Ivan Petrov', 'SV-BENCH', 'x')) }),
  fc.record({ kind: fc.constant('replace' as const), value: fc.anything({ maxDepth: 2 }) }),
);

type Transport = { kind: 'json' } | { kind: 'invalid-json'; text: string } | { kind: 'unknown-command'; name: string } | { kind: 'bad-case-number'; caseNumber: string };
const transport: fc.Arbitrary<Transport> = fc.oneof(
  { weight: 8, arbitrary: fc.constant({ kind: 'json' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('invalid-json' as const), text: fc.constantFrom('{', '{"on":', "{'a':1}", '[1,2', 'undefined', '{"a":1}}') }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('unknown-command' as const),
      name: fc.stringMatching(/^[a-zA-Z]{1,20}$/).filter((name) => !(COMMAND_NAMES as string[]).includes(name)),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('bad-case-number' as const),
      // Malformed, or well-formed but never opened (the drill's cases are all RU-TA-2026-...).
      caseNumber: fc.oneof(fc.stringMatching(/^[A-Za-z0-9-]{1,24}$/).filter((text) => !text.startsWith('RU-TA-2026-')), fc.constant('RU-TA-2016-0042')),
    }),
  },
);

interface MalformedCommand {
  target: number;
  name: CaseCommandName;
  mutation: Mutation;
  transport: Transport;
}

const command = (targets: number): fc.Arbitrary<MalformedCommand> =>
  fc.record({ target: fc.nat({ max: targets - 1 }), name: fc.constantFrom(...COMMAND_NAMES), mutation, transport });

function mutate(body: Body, change: Mutation): unknown {
  const keys = Object.keys(body);
  const keyAt = (pick: number) => keys[pick % keys.length] as string;
  switch (change.kind) {
    case 'as-is':
      return body;
    case 'drop': {
      const { [keyAt(change.pick)]: _dropped, ...rest } = body;
      return rest;
    }
    case 'wrong-type':
      return { ...body, [keyAt(change.pick)]: change.value };
    case 'odd-date': {
      const dateKeys = keys.filter((key) => /On$|Date$|^(on|from|to|value)$/.test(key));
      return dateKeys.length === 0 ? body : { ...body, [dateKeys[change.pick % dateKeys.length] as string]: change.value };
    }
    case 'extra-field':
      return { ...body, [change.key]: change.value };
    case 'actor':
      return { ...body, actor: change.value };
    case 'replace':
      return change.value;
  }
}

const isPlainObject = (value: unknown): value is Body => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The update's input: the body with the staff member acting, unless the mutation set (or replaced) it. */
function updateInput(body: unknown): unknown {
  return isPlainObject(body) && !Object.hasOwn(body, 'actor') ? { ...body, actor: ACTOR } : body;
}

/**
 * Whether the domain itself refuses the command in this case's state: the oracle that keeps the drill to
 * commands that are malformed or not allowed (a generated command that happens to be valid is skipped).
 * The API takes the actor from the token and refuses a body that names one.
 */
function refusedByDomain(state: CaseState, name: CaseCommandName, body: unknown): { api: boolean; update: boolean } {
  const update = !decideInput(state, name, updateInput(body), Date.now()).ok;
  const api = !isPlainObject(body) || Object.hasOwn(body, 'actor') || !decideInput(state, name, { ...body, actor: ACTOR }, Date.now()).ok;
  return { api, update };
}

interface Target {
  caseNumber: string;
  state: CaseState;
  durable: string;
  historyLength: number;
}

function durablePart(view: CaseView): string {
  return JSON.stringify({ stage: view.stage, events: view.events, caseworker: view.caseworker, office: view.office, reminders: view.reminders });
}

async function prepareTargets(stack: BenchStack, today: string): Promise<Target[]> {
  const targets: Target[] = [];
  for (const [index, steps] of Object.values(targetSteps(today)).entries()) {
    const [caseNumber] = stack.nextCaseNumbers(1) as [string];
    const open = openInput(caseNumber, index, QUIET_POLICY);
    await stack.cases.open(open);
    let state = openCase(open, Date.now());
    for (const { name, input } of steps) {
      await stack.cases.command(caseNumber, name, { ...input, actor: ACTOR });
      const decision = decideInput(state, name, { ...input, actor: ACTOR }, Date.now());
      if (!decision.ok) throw new Error(`the drill's own copy of ${caseNumber} refused ${name}: ${decision.reason}`);
      state = decision.state;
    }
    targets.push({ caseNumber, state, durable: '', historyLength: 0 });
  }
  return targets;
}

async function snapshot(stack: BenchStack, target: Target): Promise<{ durable: string; historyLength: number }> {
  const handle = stack.client.workflow.getHandle(caseWorkflowId(target.caseNumber));
  // Settled first: a case still delivering register entries, or about to continue as new, changes by itself.
  let previous = '';
  for (let tries = 0; tries < 60; tries += 1) {
    const view = await stack.cases.get(target.caseNumber);
    const description = await handle.describe();
    const reading = { durable: durablePart(view), historyLength: description.historyLength };
    const fingerprint = JSON.stringify([reading, description.runId, view.pendingDeliveries]);
    if (view.pendingDeliveries === 0 && fingerprint === previous) return reading;
    previous = fingerprint;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`${target.caseNumber} did not settle within a minute`);
}

interface Tally {
  apiRequests: number;
  updates: number;
  skippedAsValid: number;
  statuses: Map<number, number>;
  serverErrors: string[];
  accepted: string[];
  unexpected: string[];
}

/**
 * `commands` random malformed or not-allowed staff commands (fast-check, seeded) against cases in every
 * kind of stage, each through the HTTP API and, where it is a command at all, straight to the workflow
 * as an update: none may get a 5xx or be accepted, and no case may change (same durable state, same
 * history length).
 */
export function drillMalformedCommands(options: MalformedCommandsOptions, log: DrillLog): Promise<DrillResult> {
  return runDrill('malformed-commands', log, async (problems, figures) => {
    const stack = await BenchStack.start({ maxCachedWorkflows: 100, ...(options.parentDir ? { parentDir: options.parentDir } : {}) });
    try {
      const today = new Date().toISOString().slice(0, 10);
      const targets = await prepareTargets(stack, today);
      for (const target of targets) Object.assign(target, await snapshot(stack, target));
      const bodies = validBodies(today);
      const candidates = fc.sample(command(targets.length), { numRuns: options.commands * 2, seed: options.seed });
      const tally: Tally = { apiRequests: 0, updates: 0, skippedAsValid: 0, statuses: new Map(), serverErrors: [], accepted: [], unexpected: [] };
      const chosen: Array<MalformedCommand & { body: unknown; via: { api: boolean; update: boolean } }> = [];
      for (const candidate of candidates) {
        if (chosen.length === options.commands) break;
        const target = targets[candidate.target] as Target;
        const body = mutate(bodies[candidate.name], candidate.mutation);
        const refused = refusedByDomain(target.state, candidate.name, body);
        const transportBreaks = candidate.transport.kind !== 'json';
        const via = { api: transportBreaks || refused.api, update: !transportBreaks && refused.update };
        if (!via.api && !via.update) {
          tally.skippedAsValid += 1;
          continue;
        }
        chosen.push({ ...candidate, body, via });
      }
      log(`malformed-commands: sending ${chosen.length} commands (seed ${options.seed})`);

      await mapLimit(chosen, options.concurrency, async (malformed) => {
        const target = targets[malformed.target] as Target;
        const label = `${malformed.name} ${malformed.mutation.kind}/${malformed.transport.kind} on ${target.caseNumber}`;
        if (malformed.via.api) {
          const status = await sendThroughApi(stack, target.caseNumber, malformed);
          tally.apiRequests += 1;
          tally.statuses.set(status, (tally.statuses.get(status) ?? 0) + 1);
          if (status >= 500) tally.serverErrors.push(`${status} for ${label}`);
          else if (status < 400) tally.accepted.push(`API ${status} for ${label}`);
        }
        if (malformed.via.update) {
          tally.updates += 1;
          const handle = stack.client.workflow.getHandle(caseWorkflowId(target.caseNumber));
          try {
            await handle.executeUpdate(caseUpdates[malformed.name] as (typeof caseUpdates)['reassign'], { args: [updateInput(malformed.body) as never] });
            tally.accepted.push(`update accepted: ${label}`);
          } catch (error) {
            const closedCase = error instanceof WorkflowNotFoundError && /already completed/i.test(error.message);
            if (!(error instanceof WorkflowUpdateFailedError) && !closedCase) tally.unexpected.push(`${label}: ${String(error)}`);
          }
        }
      });

      const changed: string[] = [];
      for (const target of targets) {
        const after = await snapshot(stack, target);
        if (after.durable !== target.durable || after.historyLength !== target.historyLength) {
          changed.push(`${target.caseNumber} (history ${target.historyLength} -> ${after.historyLength})`);
        }
      }
      Object.assign(figures, {
        commands: chosen.length,
        apiRequests: tally.apiRequests,
        updates: tally.updates,
        skippedAsValid: tally.skippedAsValid,
        statuses: [...tally.statuses.entries()].sort(([a], [b]) => a - b).map(([status, count]) => `${status}:${count}`).join(' '),
        serverErrors: tally.serverErrors.length,
        accepted: tally.accepted.length,
        unexpectedErrors: tally.unexpected.length,
        casesChanged: changed.length,
      });
      if (chosen.length < options.commands) problems.push(`only ${chosen.length} malformed commands could be generated`);
      if (tally.serverErrors.length > 0) problems.push(`${tally.serverErrors.length} server errors, e.g. ${tally.serverErrors[0]}`);
      if (tally.accepted.length > 0) problems.push(`${tally.accepted.length} malformed commands were accepted, e.g. ${tally.accepted[0]}`);
      if (tally.unexpected.length > 0) problems.push(`${tally.unexpected.length} updates failed unexpectedly, e.g. ${tally.unexpected[0]}`);
      if (changed.length > 0) problems.push(`cases changed: ${changed.join(', ')}`);
    } finally {
      await stack.stop();
    }
  });
}

async function sendThroughApi(stack: BenchStack, caseNumber: string, malformed: MalformedCommand & { body: unknown }): Promise<number> {
  const { transport: how } = malformed;
  const path =
    how.kind === 'unknown-command'
      ? `/api/cases/${caseNumber}/commands/${encodeURIComponent(how.name)}`
      : how.kind === 'bad-case-number'
        ? `/api/cases/${encodeURIComponent(how.caseNumber)}/commands/${malformed.name}`
        : `/api/cases/${caseNumber}/commands/${malformed.name}`;
  const text = how.kind === 'invalid-json' ? how.text : JSON.stringify(malformed.body);
  const response = await fetch(`${stack.api.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${stack.supervisorToken}`, 'content-type': 'application/json' },
    ...(text === undefined ? {} : { body: text }),
  });
  await response.arrayBuffer();
  return response.status;
}
