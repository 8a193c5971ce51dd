import type { LifecycleInput } from '../../lifecycle/schema';
import { COURT_ONLY, RU_RECORDED_FACTS } from './lifecycle-facts';

/**
 * Refugee status: a petition, its preliminary consideration, a certificate while it is considered on
 * the merits (extended by a new certificate), then recognition or refusal and its challenge.
 */
export const RU_REFUGEE_STATUS_LIFECYCLE: LifecycleInput = {
  jurisdiction: 'RU',
  procedure: 'refugee-status',
  protectedStages: ['granted'],
  facts: RU_RECORDED_FACTS,
  records: { 'complaint-filed': ['forum'], 'refusal-notice-received': ['decidedOn'] },
  transitions: [
    { event: 'application-lodged', from: ['opened'], to: 'lodged', countsAttempt: true },
    {
      event: 'application-lodged',
      from: ['refused', 'departure-period', 'protection-withdrawn'],
      to: 'lodged',
      countsAttempt: true,
      note: {
        en: 'A repeated petition; it is considered on the merits only if circumstances in the country of origin changed.',
        ru: 'Повторное ходатайство; по существу рассматривается, только если изменились обстоятельства в стране происхождения.',
      },
    },
    {
      event: 'certificate-issued',
      from: ['lodged', 'under-consideration', 'awaiting-decision'],
      to: 'under-consideration',
      note: { en: 'A new certificate replaces the previous one (an extension).', ru: 'Новое свидетельство заменяет прежнее (продление).' },
    },
    { event: 'refusal-notice-received', from: ['lodged', 'under-consideration', 'awaiting-decision'], to: 'refused' },
    { event: 'protection-granted', from: ['under-consideration', 'awaiting-decision'], to: 'granted' },
    { event: 'complaint-filed', from: ['refused', 'protection-withdrawn'], to: 'complaint-pending', requires: ['forum'] },
    { event: 'complaint-filed', from: ['departure-period'], to: 'complaint-pending', requires: ['forum'], ...COURT_ONLY },
    { event: 'final-refusal-notice-received', from: ['complaint-pending'], to: 'departure-period' },
    { event: 'refusal-overturned', from: ['complaint-pending'], to: 'awaiting-decision' },
    { event: 'protection-withdrawal-notice-received', from: ['granted'], to: 'protection-withdrawn' },
  ],
};
