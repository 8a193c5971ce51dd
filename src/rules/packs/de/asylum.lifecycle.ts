import type { LifecycleInput } from '../../lifecycle/schema';

/** The BAMF procedure: application, the served decision, the lawsuit and its outcome. */
export const DE_ASYLUM_LIFECYCLE: LifecycleInput = {
  jurisdiction: 'DE',
  procedure: 'asylum',
  protectedStages: ['granted'],
  transitions: [
    { event: 'application-lodged', from: ['opened'], to: 'lodged', countsAttempt: true },
    {
      event: 'decision-served',
      from: ['opened', 'lodged', 'awaiting-decision'],
      to: 'refused',
      note: { en: 'The BAMF rejection was served.', ru: 'Решение BAMF об отказе вручено.' },
    },
    { event: 'protection-granted', from: ['opened', 'lodged', 'awaiting-decision'], to: 'granted' },
    { event: 'complaint-filed', from: ['refused'], to: 'complaint-pending' },
    { event: 'final-refusal-notice-received', from: ['complaint-pending'], to: 'departure-period' },
    { event: 'refusal-overturned', from: ['complaint-pending'], to: 'awaiting-decision' },
  ],
};
