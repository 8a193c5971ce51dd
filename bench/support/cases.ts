import type { OpenCaseInput, ReminderPolicy } from '../../src/domain';
import { mapLimit } from '../../src/client/map-limit';
import { CASEWORKERS, OFFICES, type BenchStack } from './stack';

/**
 * Invented cases for the benchmarks and drills: case numbers, staff and office ids only, no applicant.
 * Each gets its office and caseworker round-robin from its position.
 */
export function openInput(caseNumber: string, index: number, reminderPolicy: ReminderPolicy): OpenCaseInput {
  return {
    caseNumber,
    jurisdiction: 'RU',
    procedure: 'temporary-asylum',
    office: OFFICES[index % OFFICES.length] as string,
    caseworker: CASEWORKERS[index % CASEWORKERS.length] as string,
    actor: 'sv-bench',
    reminderPolicy,
  };
}

/**
 * Reminders only on the due date at 09:00 Moscow time: with applications lodged at least five days
 * before a decision period ends, none falls due while a benchmark runs and disturbs what it measures.
 */
export const QUIET_POLICY: ReminderPolicy = { offsetsDays: [0], localTime: '09:00' };

export interface CaseToOpen {
  caseNumber: string;
  index: number;
  policy: ReminderPolicy;
  /** When set, the application is recorded right after the case is opened. */
  lodgedOn?: string;
}

/** Opens each case through the case client (as the API and CLI do) and records its application. */
export function openCases(stack: BenchStack, cases: readonly CaseToOpen[], concurrency: number): Promise<void[]> {
  return mapLimit(cases, concurrency, async ({ caseNumber, index, policy, lodgedOn }) => {
    await stack.cases.open(openInput(caseNumber, index, policy));
    if (lodgedOn) await stack.cases.command(caseNumber, 'recordEvent', { actor: 'sv-bench', event: 'application-lodged', on: lodgedOn });
  });
}

const DAY_MS = 86_400_000;

/** A UTC date `days` before now, as staff enter a recent event. */
export function daysAgo(days: number, nowMs = Date.now()): string {
  return new Date(nowMs - days * DAY_MS).toISOString().slice(0, 10);
}
