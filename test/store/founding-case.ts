import { computeDeadlines, type ComputedDeadline, type DeadlineRequest } from '../../src/rules';

/** The founding case's refusal of 26 Jan 2016 (see docs/legal-basis.md), which started a complaint clock. */
export const REFUSAL_RECEIVED: DeadlineRequest = {
  jurisdiction: 'RU',
  procedure: 'temporary-asylum',
  event: 'refusal-notice-received',
  date: '2016-01-26',
};

/** The complaint deadline as the rules engine computes it for a refusal received on `date`. */
export function complaintDeadline(date = REFUSAL_RECEIVED.date): ComputedDeadline {
  const complaint = computeDeadlines({ ...REFUSAL_RECEIVED, date }).find((deadline) => deadline.kind === 'complaint');
  if (!complaint) throw new Error(`the rules engine computed no complaint deadline for a refusal received on ${date}`);
  return complaint;
}
