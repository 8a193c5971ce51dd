/**
 * The contract between the deadline engine and everything that uses it.
 * Plain data only: these values are returned by an activity and stored in workflow history.
 */

/** A calendar date in the jurisdiction's zone, `YYYY-MM-DD`. */
export type LocalDate = string;

/**
 * What can happen in a procedure: one name per happening, shared by the rule packs, the lifecycle tables,
 * the case's events, the CLI, the API and the docs. Not every event starts a clock; all can be recorded.
 */
export const TRIGGER_EVENTS = [
  'application-lodged',
  'refusal-notice-received',
  'protection-granted',
  'complaint-filed',
  'final-refusal-notice-received',
  'refusal-overturned',
  'renewal-filed',
  'protection-extended',
  'renewal-refusal-notice-received',
  'protection-withdrawal-notice-received',
  'certificate-issued',
  'last-arrival',
  'decision-served',
  'oral-decision',
  'written-decision-mailed',
  'decision-sent',
] as const;
export type TriggerEvent = (typeof TRIGGER_EVENTS)[number] | (string & {});

export interface DeadlineRequest {
  jurisdiction: string;
  procedure: string;
  event: TriggerEvent;
  /** Date of the triggering event, local to the jurisdiction. */
  date: LocalDate;
  /** Facts some rules need, e.g. `validUntil` stated on a certificate, `manifestlyUnfounded`, `outsideCountry`. */
  facts?: Record<string, string | number | boolean>;
  /** Overrides of policy parameters, e.g. `renewalLeadMonths`. Statutory periods cannot be overridden. */
  params?: Record<string, string | number | boolean>;
  /**
   * When a date the computation needs lies outside the calendar's covered years: false (default) fails with a
   * RulesError; true computes with weekends and fixed holidays only and says so in every affected deadline's warnings.
   */
  allowCalendarFallback?: boolean;
  /** Case-specific periods during which a clock stops (e.g. applicant-caused delays), for the rules that allow them. */
  suspensions?: SuspensionPeriod[];
}

/** The days before a due date on which a case is reminded (its reminder policy), for the rules that set none of their own. */
export interface ReminderSchedule {
  offsetsDays: readonly number[];
}

export interface SuspensionPeriod {
  /** First day on which the clock is stopped. */
  from: LocalDate;
  /** Last day on which the clock is stopped (inclusive). */
  to: LocalDate;
  reason: string;
}

export type { ComputedDeadline, Explanation, ExplanationStep } from './computed-deadline';
