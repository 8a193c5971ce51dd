import { DateTime } from 'luxon';
import { localInstantMs } from '../../src/domain/dates';
import type { ReminderPolicy } from '../../src/domain';
import { computeDeadlines } from '../../src/rules';
import { openCases } from './cases';
import type { BenchStack } from './stack';

/**
 * Many cases whose reminders all fall due at one instant of real time. Reminders go out at a local
 * time (HH:mm) a whole number of days before a deadline's due date, so the wave opens each case with a
 * reminder policy of one offset and one time: the offset from the instant's date to the due date of the
 * decision period that a first application lodged today starts, and the instant's time of day.
 * The instant is therefore always on a minute boundary.
 */
const JURISDICTION = 'RU';
const PROCEDURE = 'temporary-asylum';

export interface WavePlan {
  dueAtMs: number;
  policy: ReminderPolicy;
  lodgedOn: string;
}

export function planWave(earliestMs: number): WavePlan {
  const dueAtMs = Math.ceil(earliestMs / 60_000) * 60_000;
  const decision = (date: string) =>
    computeDeadlines({ jurisdiction: JURISDICTION, procedure: PROCEDURE, event: 'application-lodged', date }).find((deadline) => !deadline.informational);
  const zone = decision('2016-01-11')?.zone;
  if (!zone) throw new Error('the rule pack computes no actionable deadline for a first application');
  const lodgedOn = DateTime.now().setZone(zone).toISODate() as string;
  const deadline = decision(lodgedOn);
  if (!deadline) throw new Error(`no decision deadline for an application lodged on ${lodgedOn}`);
  const due = DateTime.fromMillis(dueAtMs, { zone });
  const offsetDays = Math.round(DateTime.fromISO(deadline.dueDate, { zone }).diff(due.startOf('day'), 'days').days);
  const policy: ReminderPolicy = { offsetsDays: [offsetDays], localTime: due.toFormat('HH:mm') };
  const placed = localInstantMs(deadline.dueDate, offsetDays, policy.localTime, zone);
  if (placed !== dueAtMs) throw new Error(`the wave's reminder would fall at ${new Date(placed).toISOString()}, not ${new Date(dueAtMs).toISOString()}`);
  return { dueAtMs, policy, lodgedOn };
}

export interface Wave {
  plan: WavePlan;
  caseNumbers: string[];
  /** How long opening the cases and recording their applications took. */
  setupMs: number;
  /** Cases whose deadline was computed only after the instant: they never get this reminder. */
  lateCases: number;
}

/** Opens `count` cases whose one reminder falls due at `plan.dueAtMs`. */
export async function openWave(stack: BenchStack, count: number, plan: WavePlan, concurrency: number): Promise<Wave> {
  const caseNumbers = stack.nextCaseNumbers(count);
  const started = Date.now();
  await openCases(
    stack,
    caseNumbers.map((caseNumber, index) => ({ caseNumber, index, policy: plan.policy, lodgedOn: plan.lodgedOn })),
    concurrency,
  );
  const finished = Date.now();
  const lateCases = finished < plan.dueAtMs ? 0 : await countLateCases(stack, caseNumbers, plan.dueAtMs);
  return { plan, caseNumbers, setupMs: finished - started, lateCases };
}

async function countLateCases(stack: BenchStack, caseNumbers: readonly string[], dueAtMs: number): Promise<number> {
  let late = 0;
  for (const caseNumber of caseNumbers) {
    const view = await stack.cases.get(caseNumber);
    if (view.deadlines.every((deadline) => Date.parse(deadline.knownSince) > dueAtMs)) late += 1;
  }
  return late;
}

export interface ReminderDelivery {
  caseNumber: string;
  idempotencyKey: string;
  channel: string;
  recordedAtMs: number;
}

/** The reminders the register recorded as delivered for these cases. */
export async function reminderDeliveries(stack: BenchStack, caseNumbers: readonly string[]): Promise<ReminderDelivery[]> {
  const found: ReminderDelivery[] = [];
  for (let start = 0; start < caseNumbers.length; start += 500) {
    const rows = await stack.register.db
      .selectFrom('deliveries')
      .select(['case_number', 'idempotency_key', 'channel', 'recorded_at'])
      .where('purpose', '=', 'reminder')
      .where('case_number', 'in', caseNumbers.slice(start, start + 500))
      .execute();
    found.push(
      ...rows.map((row) => ({ caseNumber: row.case_number, idempotencyKey: row.idempotency_key, channel: row.channel, recordedAtMs: Date.parse(row.recorded_at) })),
    );
  }
  return found;
}

/** Polls the register until every expected reminder is recorded, or the time is up; returns what arrived. */
export async function awaitReminders(
  stack: BenchStack,
  caseNumbers: readonly string[],
  expected: number,
  deadlineMs: number,
  onProgress: (delivered: number) => Promise<void> | void = () => undefined,
): Promise<ReminderDelivery[]> {
  for (;;) {
    const delivered = await reminderDeliveries(stack, caseNumbers);
    await onProgress(delivered.length);
    if (delivered.length >= expected || Date.now() > deadlineMs) return delivered;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Waits for a wall-clock instant. */
export async function sleepUntil(instantMs: number): Promise<void> {
  const wait = instantMs - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}
