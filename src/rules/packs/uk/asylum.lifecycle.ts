import type { LifecycleInput } from '../../lifecycle/schema';

/** The Home Office decision and the appeal to the First-tier Tribunal. */
export const UK_ASYLUM_LIFECYCLE: LifecycleInput = {
  jurisdiction: 'UK',
  procedure: 'asylum',
  protectedStages: ['granted'],
  transitions: [
    { event: 'application-lodged', from: ['opened'], to: 'lodged', countsAttempt: true },
    {
      event: 'decision-sent',
      from: ['opened', 'lodged', 'awaiting-decision'],
      to: 'refused',
      note: { en: 'The notice refusing the claim was sent.', ru: 'Уведомление об отказе отправлено.' },
    },
    { event: 'protection-granted', from: ['opened', 'lodged', 'awaiting-decision'], to: 'granted' },
    { event: 'complaint-filed', from: ['refused'], to: 'complaint-pending' },
    { event: 'final-refusal-notice-received', from: ['complaint-pending'], to: 'finally-refused' },
    { event: 'refusal-overturned', from: ['complaint-pending'], to: 'awaiting-decision' },
  ],
};
