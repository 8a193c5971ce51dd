import type { Phrasebook } from './phrasebook';

const plural = (n: number, one: string, other: string) => `${n} ${n === 1 ? one : other}`;

export const en: Phrasebook = {
  formatDate: (date) => date,
  daysLeft: (days) => (days === 0 ? 'The deadline is today.' : `${plural(days, 'day', 'days')} left.`),
  daysOverdue: (days) => `${plural(days, 'day', 'days')} overdue.`,
  labels: { case: 'Case', rule: 'Rule', citation: 'Citation', caseworker: 'Caseworker' },
  greeting: (displayName) => `Hello ${displayName},`,
  reminder: {
    subject: (title, due, caseNumber) => `[asylum-docket] Reminder: ${title} due ${due} (case ${caseNumber})`,
    lead: 'a deadline in one of your cases is approaching.',
  },
  escalation: {
    subject: (title, due, caseNumber) => `[asylum-docket] Escalation: ${title} due ${due} (case ${caseNumber})`,
    reasons: {
      missed: 'The deadline passed without the action that meets it.',
      lapsed: 'The protection period lapsed without a renewal on record.',
      'authority-overdue': 'The authority has not decided by the date the law sets.',
      'moved-earlier': 'A supervisor migrated the case to new rule data, and this deadline now falls EARLIER than before.',
    },
  },
  deadlineChanged: {
    subject: (title, caseNumber) => `[asylum-docket] Deadline changed by new rule data: ${title} (case ${caseNumber})`,
    lead: 'one of your cases was migrated to the rule data now installed, and a deadline changed.',
    moved: (from, to) => `The due date moved from ${from} to ${to}.`,
    added: (due) => `It is a new deadline, due ${due}.`,
    removed: (due) => `The deadline due ${due} no longer applies under the new rule data.`,
  },
  deliveryFailed: {
    subject: (caseNumber) => `[asylum-docket] Undeliverable reminder (case ${caseNumber})`,
    lead: (caseworker, channel) => `a reminder to caseworker ${caseworker} could not be delivered (channel: ${channel}).`,
    error: 'Error',
    ask: 'Please make sure the caseworker knows about this deadline, and correct their contact details.',
    noActiveCaseworker: (caseworker, status) =>
      `a reminder for this case could not be sent: its caseworker ${caseworker} ${status === 'deactivated' ? 'has been deactivated' : 'is not in the staff directory'}.`,
    reassign: 'Please reassign the case to an active caseworker and make sure this deadline is kept.',
  },
  footer: 'Sent by asylum-docket. Open the case on the staff desk for its full history.',
};
