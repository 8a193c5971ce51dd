import { activityInfo } from '@temporalio/activity';
import { DateTime } from 'luxon';
import { createLogger } from '../logging';
import { deadlinesComputed, deadlinesMissed, escalations, messagesFailed, reminderLateness } from '../metrics';
import { DeliveryError, type DeliveryFailure } from '../notify';
import { uncountableDateReason } from '../rules';
import type { ComputedDeadline } from '../rules/types';
import { StaffNotFoundError, type StaffMember } from '../store';
import type { ActivityDeps } from './deps';
import { createConfirmActor } from './confirm-actor';
import { deliverOnce, type StaffNotice } from './deliver-once';
import { outcomeOfEvent } from './event-outcomes';
import { toActivityFailure } from './failures';
import { checkChangeNotice, checkComputeInput, checkEscalation, checkReminder } from './inputs';
import type { CaseActivities, DeliveryReceipt } from './types';

export { createActivityDeps, type ActivityConfig, type ActivityDeps, type ActivityRuntime, type ActivityRuntimeOptions } from './deps';
export { FAILURE_TYPES } from './failures';

/**
 * A running case must never stop because next year's production calendar is not published yet: from
 * the first covered year on, periods that run past the last one are counted on weekends and fixed
 * holidays, with the rules engine's explicit warning. A trigger before the covered years is a
 * historical date no calendar here can vouch for, and still fails loudly (the case client refuses it first).
 */
function awaitsNextCalendar(request: { jurisdiction: string; date: string }): boolean {
  return uncountableDateReason(request.jurisdiction, request.date) === undefined;
}

/**
 * The activities the case workflow calls. Each one is safe to retry: writes carry idempotency keys,
 * and a message already recorded as delivered is not sent again.
 */
export function createActivities(deps: ActivityDeps): CaseActivities {
  const clock = deps.clock ?? (() => new Date());
  const logger = deps.logger ?? createLogger('info');

  /** An office's escalations go to its supervisors, or to the admins when it has none. */
  const escalationRecipients = async (office: string): Promise<StaffMember[]> => {
    const supervisors = await deps.staff.supervisorsOf(office);
    return supervisors.length > 0 ? supervisors : deps.staff.list({ role: 'admin' });
  };
  const noRecipientMessage = (office: string) =>
    `Office "${office}" has no active supervisor and there is no active admin to escalate to: add one to the staff directory.`;

  /**
   * Delivers to every recipient, each under its own key. A recipient whose channel refuses for good gets
   * the message in the outbox instead (see deliverOnce) and is listed among the refusals.
   */
  const deliverToAll = async (recipients: StaffMember[], noticeFor: (recipient: StaffMember) => StaffNotice) => {
    const receipts: DeliveryReceipt[] = [];
    const refusals: DeliveryError[] = [];
    for (const recipient of recipients) {
      try {
        receipts.push(await deliverOnce(deps, noticeFor(recipient)));
      } catch (error) {
        if (!(error instanceof DeliveryError) || !error.permanent) throw error;
        logger.warn('a recipient channel refused a message for good; it is kept in the outbox', {
          recipient: recipient.id,
          channel: error.channel,
        });
        refusals.push(error);
      }
    }
    return { receipts, refusals };
  };

  /**
   * Tells the office's supervisors (or the admins) that a reminder did not reach its caseworker, each
   * under its own key, so that someone knows about the deadline before it passes.
   */
  const tellSupervisorsUndelivered = async (request: ReturnType<typeof checkReminder>, failure: DeliveryFailure, keySuffix: string, detail: string) => {
    const supervisors = await escalationRecipients(request.office);
    if (supervisors.length === 0) logger.error(noRecipientMessage(request.office), { case: request.caseId });
    await deliverToAll(supervisors, (supervisor) => ({
      idempotencyKey: `${request.idempotencyKey}/${keySuffix}/${supervisor.id}`,
      caseId: request.caseId,
      caseNumber: request.caseNumber,
      recipient: supervisor,
      content: { purpose: 'delivery-failed', caseNumber: request.caseNumber, deadline: request.deadline, caseworker: request.caseworker, failure },
      detail,
    }));
  };

  /**
   * A reminder whose caseworker has left (or was never in the directory) reaches nobody, so it is
   * recorded as a failed delivery and goes at once to the supervisors, instead of the first alert being
   * the escalation after the deadline has passed.
   */
  const reportUnaddressedReminder = async (request: ReturnType<typeof checkReminder>, status: 'deactivated' | 'unknown') => {
    const error = `no active caseworker: "${request.caseworker}" is ${status === 'deactivated' ? 'deactivated' : 'not in the staff directory'}`;
    messagesFailed.inc({ purpose: 'reminder', channel: 'outbox' });
    await deps.register.recordDeliveryFailure({
      idempotencyKey: request.idempotencyKey,
      caseId: request.caseId,
      caseNumber: request.caseNumber,
      purpose: 'reminder',
      recipientId: request.caseworker,
      // Nothing was sent; the engine kept it, which is what the outbox channel stands for.
      channel: 'outbox',
      error,
    });
    await tellSupervisorsUndelivered(request, { noActiveCaseworker: status }, 'unaddressed', `no-active-caseworker:${status}`);
  };

  /**
   * When the workflow decided to call: the time Temporal first scheduled the activity, the same on every
   * retry, so a message retried tomorrow still says what was true when it was due. Outside a worker
   * (a direct call), the clock.
   */
  const decidedAt = (): Date => {
    try {
      return new Date(activityInfo().scheduledTimestampMs);
    } catch {
      return clock();
    }
  };

  const daysOverdue = (deadline: ComputedDeadline): number => {
    const today = DateTime.fromJSDate(decidedAt(), { zone: deadline.zone }).startOf('day');
    const due = DateTime.fromISO(deadline.dueDate, { zone: deadline.zone });
    return Math.max(0, Math.round(today.diff(due, 'days').days));
  };

  const activity =
    <A extends unknown[], R>(name: string, body: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        const result = await body(...args);
        // With the request id that caused it, when it came from an API call (src/worker/request-id-interceptors.ts).
        logger.debug(`activity ${name} completed`);
        return result;
      } catch (error) {
        logger.warn(`activity ${name} failed`, { error: error instanceof Error ? error.message : String(error) });
        throw toActivityFailure(error);
      }
    };

  return {
    computeDeadlines: activity('computeDeadlines', async (input) => {
      const { caseId, reminderPolicyOffsetsDays, eventId, rulePin, ...checked } = checkComputeInput(input);
      const request = { ...checked, allowCalendarFallback: checked.allowCalendarFallback ?? awaitsNextCalendar(checked) };
      const reminders = reminderPolicyOffsetsDays && { offsetsDays: reminderPolicyOffsetsDays };
      const deadlines = await deps.rulebook.compute(request, reminders, rulePin);
      await deps.register.recordComputedDeadlines({ caseId, request, deadlines });
      // What the event holds now, for the rule impact report; a retry writes the same row again.
      if (eventId !== undefined) await deps.computations.record({ caseId, eventId: String(eventId), request, ...(reminderPolicyOffsetsDays ? { reminderOffsetsDays: reminderPolicyOffsetsDays } : {}), deadlines });
      deadlinesComputed.inc({ jurisdiction: request.jurisdiction }, deadlines.length);
      return deadlines;
    }),

    sendReminder: activity('sendReminder', async (input) => {
      const request = checkReminder(input);
      const caseworker = await deps.staff.get(request.caseworker);
      if (!caseworker?.active) {
        await reportUnaddressedReminder(request, caseworker ? 'deactivated' : 'unknown');
        throw new StaffNotFoundError(`The case's caseworker "${request.caseworker}" is ${caseworker ? 'deactivated' : 'not in the staff directory'}; reassign the case.`);
      }
      const receipt = await deliverOnce(
        deps,
        {
          idempotencyKey: request.idempotencyKey,
          caseId: request.caseId,
          caseNumber: request.caseNumber,
          recipient: caseworker,
          content: { purpose: 'reminder', caseNumber: request.caseNumber, deadline: request.deadline, daysBefore: request.daysBefore },
          detail: String(request.daysBefore),
        },
        // A reminder that cannot reach its caseworker goes to the supervisors before the failure is reported.
        (refusal) => tellSupervisorsUndelivered(request, { channel: refusal.channel, error: refusal.message }, 'undeliverable', refusal.channel),
      );
      // On the activities' clock (the wall clock in production); a retry that found it sent measures nothing.
      if (!receipt.duplicate && request.plannedFor !== undefined) {
        reminderLateness.observe(Math.max(0, (clock().getTime() - Date.parse(request.plannedFor)) / 1000));
      }
      return receipt;
    }),

    escalate: activity('escalate', async (input) => {
      const request = checkEscalation(input);
      const overdue = daysOverdue(request.deadline);
      const supervisors = await escalationRecipients(request.office);
      if (supervisors.length === 0) throw new StaffNotFoundError(noRecipientMessage(request.office));
      const { receipts, refusals } = await deliverToAll(supervisors, (supervisor) => ({
        idempotencyKey: `${request.idempotencyKey}/${supervisor.id}`,
        caseId: request.caseId,
        caseNumber: request.caseNumber,
        recipient: supervisor,
        content: {
          purpose: 'escalation',
          caseNumber: request.caseNumber,
          deadline: request.deadline,
          reason: request.reason,
          caseworker: request.caseworker,
          daysOverdue: overdue,
          ...(request.previousDueDate ? { previousDueDate: request.previousDueDate } : {}),
        },
        detail: request.reason,
      }));
      // Escalated when at least one of them received it.
      const [first] = receipts;
      if (!first) throw refusals[0];
      const duplicate = receipts.every((receipt) => receipt.duplicate);
      if (!duplicate) {
        escalations.inc({ reason: request.reason });
        // A date moved earlier by a migration is escalated too, but nothing was missed.
        if (request.reason !== 'moved-earlier') deadlinesMissed.inc({ reason: request.reason });
      }
      return { ...first, duplicate };
    }),

    tellDeadlineChanged: activity('tellDeadlineChanged', async (input) => {
      const notice = checkChangeNotice(input);
      const caseworker = await deps.staff.get(notice.caseworker);
      // A caseworker who left would never read it; the supervisors learn of the change instead.
      const recipients = caseworker?.active ? [caseworker] : await escalationRecipients(notice.office);
      if (recipients.length === 0) throw new StaffNotFoundError(noRecipientMessage(notice.office));
      const { change } = notice;
      const { receipts, refusals } = await deliverToAll(recipients, (recipient) => ({
        idempotencyKey: `${notice.idempotencyKey}/${recipient.id}`,
        caseId: notice.caseId,
        caseNumber: notice.caseNumber,
        recipient,
        content: { purpose: 'deadline-changed', caseNumber: notice.caseNumber, deadline: change.deadline, change },
        detail: change.change === 'moved' ? `${change.from}>${change.to}` : change.change,
      }));
      const [first] = receipts;
      if (!first) throw refusals[0];
      return { ...first, duplicate: receipts.every((receipt) => receipt.duplicate) };
    }),

    recordOutcome: activity('recordOutcome', async (input) => {
      await deps.register.append(input);
      const outcome = outcomeOfEvent(input);
      if (outcome) await deps.register.append(outcome);
    }),

    confirmActor: activity('confirmActor', createConfirmActor(deps.staff)),
  };
}
