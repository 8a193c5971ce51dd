import type { LifecycleInput } from '../../lifecycle/schema';

/** Affirmative or defensive asylum: the filing year from the last arrival, the decision, the appeal to the Board. */
export const US_ASYLUM_LIFECYCLE: LifecycleInput = {
  jurisdiction: 'US',
  procedure: 'asylum',
  protectedStages: ['granted'],
  transitions: [
    {
      event: 'last-arrival',
      from: ['opened'],
      to: 'opened',
      note: { en: 'Starts the one-year filing deadline.', ru: 'Начинает годичный срок подачи заявления.' },
    },
    { event: 'application-lodged', from: ['opened'], to: 'lodged', countsAttempt: true },
    { event: 'oral-decision', from: ['lodged', 'awaiting-decision'], to: 'refused', note: { en: 'The immigration judge denied asylum orally.', ru: 'Иммиграционный судья устно отказал в убежище.' } },
    {
      event: 'written-decision-mailed',
      from: ['lodged', 'awaiting-decision'],
      to: 'refused',
      note: { en: 'The written denial was mailed.', ru: 'Письменный отказ отправлен почтой.' },
    },
    { event: 'protection-granted', from: ['lodged', 'awaiting-decision'], to: 'granted' },
    { event: 'complaint-filed', from: ['refused'], to: 'complaint-pending' },
    { event: 'final-refusal-notice-received', from: ['complaint-pending'], to: 'finally-refused' },
    { event: 'refusal-overturned', from: ['complaint-pending'], to: 'awaiting-decision' },
  ],
};
