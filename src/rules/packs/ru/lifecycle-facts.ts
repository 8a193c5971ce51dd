import type { LifecycleInput } from '../../lifecycle/schema';

/** What Russian cases record about complaints and refusals besides what the rules count from. */
export const RU_RECORDED_FACTS: LifecycleInput['facts'] = {
  forum: {
    type: 'enum',
    values: ['administrative', 'court'],
    description: { en: 'where the complaint went: the higher authority or a court', ru: 'куда подана жалоба: в вышестоящий орган или в суд' },
  },
  decidedOn: {
    type: 'date',
    description: { en: 'the date of the decision itself, if the notice came later', ru: 'дата самого решения, если уведомление получено позже' },
  },
};

/** Only a court can still hear the case once the complaint was refused (Law art. 10 p. 3; KAS art. 219). */
export const COURT_ONLY = {
  when: [{ fact: 'forum', equals: 'court' }],
  note: { en: 'Once the complaint is refused, only a court challenge remains.', ru: 'После отказа по жалобе остаётся только обжалование в суде.' },
};
