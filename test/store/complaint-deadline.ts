import type { ComputedDeadline, DeadlineRequest } from '../../src/rules/types';

/**
 * A deadline as the rules engine shapes it: the complaint against the refusal the founding case
 * received on 2016-01-26 (one month, art. 10 p. 3), for tests of code that only stores or shows it.
 */
export const REFUSAL_RECEIVED: DeadlineRequest = {
  jurisdiction: 'RU',
  procedure: 'temporary-asylum',
  event: 'refusal-notice-received',
  date: '2016-01-26',
};

export function complaintDeadline(overrides: Partial<ComputedDeadline> = {}): ComputedDeadline {
  return {
    ruleId: 'ru.ta.complaint',
    kind: 'complaint',
    title: { en: 'Complaint against the refusal', ru: 'Жалоба на отказ' },
    owner: 'applicant',
    dueDate: '2016-02-26',
    endsAt: '2016-02-26T21:00:00.000Z',
    zone: 'Europe/Moscow',
    basis: 'statutory',
    citation: 'Law No. 4528-1 "On Refugees", art. 10 p. 3',
    confidence: 'high',
    satisfiedBy: ['complaint-filed'],
    supersededBy: ['application-lodged'],
    informational: false,
    explanation: {
      trigger: { event: 'refusal-notice-received', date: '2016-01-26' },
      ruleId: 'ru.ta.complaint',
      citation: 'Law No. 4528-1 "On Refugees", art. 10 p. 3',
      rawEndDate: '2016-02-26',
      steps: [
        { kind: 'start', date: '2016-01-27', en: 'The period starts on the day after the notice was received.', ru: 'Срок начинается на следующий день после получения уведомления.' },
        { kind: 'add-period', date: '2016-02-26', en: 'One month later is 2016-02-26, a working day.', ru: 'Через месяц — 26.02.2016, рабочий день.' },
      ],
      calendarSource: 'Government Decree No. 1017 of 24.09.2015',
      warnings: [],
    },
    warnings: [],
    ...overrides,
  };
}
