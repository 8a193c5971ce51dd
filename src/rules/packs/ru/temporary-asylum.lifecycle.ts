import type { LifecycleInput } from '../../lifecycle/schema';
import { COURT_ONLY, RU_RECORDED_FACTS } from './lifecycle-facts';

/** Temporary asylum: any number of refusal-and-resubmission rounds, then yearly extensions. */
export const RU_TEMPORARY_ASYLUM_LIFECYCLE: LifecycleInput = {
  jurisdiction: 'RU',
  procedure: 'temporary-asylum',
  protectedStages: ['granted', 'renewal-filed', 'extended'],
  lapsesFrom: ['granted', 'extended'],
  facts: RU_RECORDED_FACTS,
  records: { 'complaint-filed': ['forum'], 'refusal-notice-received': ['decidedOn'] },
  transitions: [
    { event: 'application-lodged', from: ['opened'], to: 'lodged', countsAttempt: true },
    {
      event: 'application-lodged',
      from: ['refused', 'renewal-refused', 'departure-period', 'lapsed', 'protection-withdrawn'],
      to: 'lodged',
      countsAttempt: true,
      note: { en: 'A new application: no waiting period applies to temporary asylum.', ru: 'Новое заявление: срока ожидания для временного убежища нет.' },
    },
    { event: 'protection-granted', from: ['lodged', 'awaiting-decision'], to: 'granted' },
    { event: 'refusal-notice-received', from: ['lodged', 'awaiting-decision'], to: 'refused' },
    { event: 'complaint-filed', from: ['refused', 'renewal-refused', 'protection-withdrawn'], to: 'complaint-pending', requires: ['forum'] },
    { event: 'complaint-filed', from: ['departure-period'], to: 'complaint-pending', requires: ['forum'], ...COURT_ONLY },
    { event: 'final-refusal-notice-received', from: ['complaint-pending'], to: 'departure-period' },
    { event: 'refusal-overturned', from: ['complaint-pending'], to: 'awaiting-decision' },
    { event: 'renewal-filed', from: ['granted', 'extended'], to: 'renewal-filed' },
    { event: 'protection-extended', from: ['renewal-filed', 'awaiting-decision'], to: 'extended' },
    { event: 'renewal-refusal-notice-received', from: ['renewal-filed', 'awaiting-decision'], to: 'renewal-refused' },
    { event: 'protection-withdrawal-notice-received', from: ['granted', 'renewal-filed', 'extended'], to: 'protection-withdrawn' },
  ],
};
