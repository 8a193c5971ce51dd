import {
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  setHandler,
  sleep,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { CaseActivities, DeliveryReceipt } from '../activities/types';
import {
  advance,
  applicantIndexSchema,
  attachDeadlines,
  caseIndexValues,
  caseSummary,
  caseView,
  concludeRuleMigration,
  decideInput,
  markDelivered,
  markUndeliverable,
  nextStaleComputation,
  lateEntryGraceMs,
  legacyOpenCaseInputSchema,
  nextWakeUpMs,
  openCase,
  openCaseInputSchema,
  parseWith,
  rulePinOf,
  startsProtectionPeriod,
  toInstant,
  upgradeState,
  withApplicantIndex,
  type CaseState,
  type CaseView,
  type CommandName,
  type Delivery,
  type OutboxItem,
  type RequestOptions,
} from '../domain';
import { caseUpdates, COMMAND_NAMES, getCase, indexApplicant, type CaseWorkflowInput } from './messages';
import { caseSearchAttributes } from './search-attribute-values';
import { StateLock } from './state-lock';
import { requireStaffActor } from './staff-actor';

/** The rules engine is local and quick; a failure is a bug or bad data, so the command fails instead of waiting. */
const { computeDeadlines } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumAttempts: 3 },
});

/** Outbound calls carry idempotency keys, so they are retried until their channel takes them. */
const outbound = proxyActivities<CaseActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '1 hour' },
});

function initialState(input: CaseWorkflowInput): CaseState {
  if ('continued' in input) return upgradeState(input.continued);
  // Runs opened before rule parameters were checked against the pack started with whatever they were given; replaying them must too.
  const schema = patched('opening-checks-rule-params') ? openCaseInputSchema : legacyOpenCaseInputSchema;
  const parsed = parseWith(schema, input.open, 'case to open');
  if (!parsed.ok) throw ApplicationFailure.nonRetryable(parsed.reason, 'InvalidCase');
  // Recorded runs have no index, and pass this check as they always started.
  const applicantIndex = parseWith(applicantIndexSchema.optional(), input.applicantIndex, 'applicant index');
  if (!applicantIndex.ok) throw ApplicationFailure.nonRetryable(applicantIndex.reason, 'InvalidCase');
  return openCase(parsed.value, Date.now(), applicantIndex.value);
}

/** Computes every deadline the case lacks or holds from an outdated request, earliest event first. */
async function settleDeadlines(draft: CaseState, options: RequestOptions): Promise<CaseState> {
  let next = draft;
  for (let stale = nextStaleComputation(next, options); stale; stale = nextStaleComputation(next, options)) {
    const { request } = stale;
    let computed;
    try {
      const rulePin = rulePinOf(next);
      computed = await computeDeadlines({
        caseId: next.caseId,
        ...request,
        reminderPolicyOffsetsDays: next.reminderPolicy.offsetsDays,
        eventId: stale.eventId,
        ...(rulePin ? { rulePin } : {}),
      });
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
      throw ApplicationFailure.nonRetryable(`deadlines for ${request.event} on ${request.date} could not be computed: ${cause}`, 'DeadlinesUnavailable');
    }
    next = attachDeadlines(next, stale, computed, Date.now());
  }
  return next;
}

function deliveryOf(receipt: DeliveryReceipt): Delivery {
  return { channel: receipt.channel, messageId: receipt.messageId, duplicate: receipt.duplicate, deliveredAt: toInstant(Date.now()) };
}

/** Hands one outbox item to its activity; an item about a deadline that has since changed is dropped unsent. */
async function deliver(state: CaseState, item: OutboxItem): Promise<Delivery | undefined> {
  const recipient = { caseId: state.caseId, caseNumber: state.caseNumber, office: state.office, caseworker: state.caseworker };
  if (item.kind === 'register') {
    await outbound.recordOutcome({ idempotencyKey: item.key, caseId: state.caseId, caseNumber: state.caseNumber, ...item.entry });
    return undefined;
  }
  if (item.kind === 'reminder') {
    const reminder = state.reminders.find((planned) => planned.id === item.reminderId);
    const tracked = state.deadlines.find((candidate) => candidate.id === reminder?.deadlineId);
    if (!reminder || tracked?.deadline.dueDate !== reminder.dueDate) return undefined;
    return deliveryOf(
      await outbound.sendReminder({ idempotencyKey: item.key, ...recipient, deadline: tracked.deadline, daysBefore: reminder.daysBefore, plannedFor: reminder.plannedFor }),
    );
  }
  if (item.kind === 'migration-notice') {
    const migration = state.events.find((event) => event.id === item.eventId);
    const change = migration?.type === 'rules-migrated' ? migration.changes?.find((changed) => changed.deadlineId === item.deadlineId) : undefined;
    if (!change) return undefined;
    return deliveryOf(await outbound.tellDeadlineChanged({ idempotencyKey: item.key, ...recipient, change }));
  }
  const escalation = state.escalations.find((planned) => planned.id === item.escalationId);
  const tracked = state.deadlines.find((candidate) => candidate.id === escalation?.deadlineId);
  if (!escalation || tracked?.deadline.dueDate !== escalation.dueDate) return undefined;
  const previous = escalation.previousDueDate ? { previousDueDate: escalation.previousDueDate } : {};
  return deliveryOf(await outbound.escalate({ idempotencyKey: item.key, ...recipient, deadline: tracked.deadline, reason: escalation.reason, ...previous }));
}

function refusalReason(failure: ActivityFailure): string {
  const cause = failure.cause;
  return cause instanceof ApplicationFailure && cause.type ? `${cause.type}: ${cause.message}` : (cause?.message ?? failure.message);
}

/**
 * One asylum case, for as long as it lasts. The domain decides; this function wires staff updates,
 * durable timers and activities to it, and starts a fresh run at each protection period or when
 * Temporal suggests it, carrying the state.
 */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseView> {
  let state = initialState(input);
  let version = 0;
  let protectionPeriodStarted = false;
  let indexed: string | undefined;
  const inFlight = new Set<string>();
  const stateLock = new StateLock();

  const commit = (next: CaseState): void => {
    if (next === state) return;
    state = next;
    version += 1;
  };

  // Runs recorded before the lifecycle tables computed nothing for an overturned refusal; replaying them must not either.
  const requestOptions: RequestOptions = { countsFromOverturnedRefusal: patched('overturned-refusal-clock') };

  setHandler(getCase, () => caseView(state, Date.now()));

  const handleCommand = (name: CommandName) => async (raw: unknown) =>
    stateLock.withLock(async () => {
      // Re-decided here: another command may have changed the case since the validator accepted this one.
      const decision = decideInput(state, name, raw, Date.now());
      if (!decision.ok) throw ApplicationFailure.nonRetryable(decision.reason, 'CommandRejected');
      // Runs recorded before the staff directory confirmed actors applied every command unasked; replaying them must too.
      if (patched('actor-confirmation')) await requireStaffActor(decision.event.actor, state.office);
      const settled = await settleDeadlines(decision.state, requestOptions);
      commit(concludeRuleMigration(state, settled, decision.event, Date.now()));
      if (startsProtectionPeriod(decision.event)) protectionPeriodStarted = true;
      return caseSummary(state, Date.now());
    });

  setHandler(
    indexApplicant,
    (applicantIndex: string) =>
      stateLock.withLock(() => {
        const indexing = withApplicantIndex(state, applicantIndex);
        if (!indexing.ok) throw ApplicationFailure.nonRetryable(indexing.reason, 'CommandRejected');
        const changed = indexing.state !== state;
        commit(indexing.state);
        return changed;
      }),
    {
      validator: (applicantIndex: string) => {
        const indexing = withApplicantIndex(state, applicantIndex);
        if (!indexing.ok) throw new Error(indexing.reason);
      },
    },
  );

  for (const name of COMMAND_NAMES) {
    setHandler(caseUpdates[name], handleCommand(name), {
      validator: (raw: unknown) => {
        const decision = decideInput(state, name, raw, Date.now());
        if (!decision.ok) throw new Error(decision.reason);
      },
    });
  }

  const drainOutbox = (): void => {
    for (const item of state.outbox) {
      if (inFlight.has(item.key)) continue;
      inFlight.add(item.key);
      void deliver(state, item).then(
        (delivery) =>
          stateLock.withLock(() => {
            commit(markDelivered(state, item.key, delivery));
            inFlight.delete(item.key);
          }),
        (failure: unknown) => {
          // Only a channel's final refusal is the case's business; anything else is a bug and must fail the task.
          if (!(failure instanceof ActivityFailure)) throw failure;
          return stateLock.withLock(() => {
            commit(markUndeliverable(state, item.key, refusalReason(failure), Date.now()));
            inFlight.delete(item.key);
          });
        },
      );
    }
  };

  // Runs recorded before indexed a missed protection as still granted until the lapse was recorded; replaying them must too.
  const indexReadsLapse = patched('index-reads-lapse');
  const upsertIndex = (): void => {
    const values = caseIndexValues(state, Date.now(), { readsLapse: indexReadsLapse });
    const fingerprint = JSON.stringify(values);
    if (fingerprint === indexed) return;
    upsertSearchAttributes(caseSearchAttributes(values));
    indexed = fingerprint;
  };

  // Runs recorded before the grace escalated late-entered deadlines at once; replaying them must do the same.
  const graceApplies = patched('late-entry-grace');
  // Runs recorded before kept reminding a caseworker who had acknowledged; replaying them must do the same.
  const acknowledgementSilencesReminders = patched('acknowledgement-silences-reminders');
  const timekeeping = () => ({ lateEntryGraceMs: graceApplies ? lateEntryGraceMs(state) : 0, acknowledgementSilencesReminders });

  for (;;) {
    await stateLock.withLock(() => commit(advance(state, Date.now(), timekeeping())));
    drainOutbox();
    upsertIndex();
    if (state.stage === 'closed') {
      await condition(() => state.outbox.length === 0 && allHandlersFinished());
      return caseView(state, Date.now());
    }
    if (protectionPeriodStarted || workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      // Updates report their result in a task of their own: one completed in the task that continues
      // as new can be lost (temporalio/temporal#6375), and the staff member would wait forever.
      await sleep(1);
      await condition(allHandlersFinished);
      return continueAsNew<typeof caseWorkflow>({ continued: state });
    }
    const seen = version;
    const woken = () => version !== seen || protectionPeriodStarted || workflowInfo().continueAsNewSuggested;
    const wakeUpMs = nextWakeUpMs(state, Date.now(), timekeeping());
    if (wakeUpMs === undefined) await condition(woken);
    else if (wakeUpMs > Date.now()) await condition(woken, wakeUpMs - Date.now());
  }
}
