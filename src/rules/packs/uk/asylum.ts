import type { RulePackInput } from '../../pack/schema';

const TRIBUNAL_COUNTING = {
  start: 'day-after-trigger',
  monthEnd: 'clamp',
  roll: 'next-working-day',
  honoursPresidentialNonWorkingDays: false,
} as const;

const CITATION = {
  en: 'Tribunal Procedure (First-tier Tribunal) (Immigration and Asylum Chamber) Rules 2014, r. 19',
  ru: 'Правила процедуры Трибунала первого уровня (палата по иммиграции и убежищу) 2014 г., п. 19',
};
const ROLL_NOTE = {
  en: 'A period ending on a day that is not a working day (Saturday, Sunday, bank holiday, Christmas Day, Good Friday) ends on the next working day under the Rules\' provision on calculating time; check whether the Rules also exclude 27-31 December.',
  ru: 'Срок, оканчивающийся в нерабочий день (суббота, воскресенье, банковский выходной, Рождество, Страстная пятница), переносится на следующий рабочий день по правилу Регламента об исчислении сроков; проверьте, не исключает ли Регламент также 27-31 декабря.',
};
const RULES_IN_FORCE = '2014-10-20';

export const UK_ASYLUM: RulePackInput = {
  jurisdiction: 'UK',
  procedure: 'asylum',
  title: { en: 'Asylum appeals (First-tier Tribunal, IAC)', ru: 'Обжалование по делам об убежище (Трибунал первого уровня)' },
  events: [
    { event: 'decision-sent', facts: ['outsideUk'] },
    { event: 'application-lodged', note: { en: 'Asylum claim made to the Home Office; it starts no clock here.', ru: 'Заявление об убежище подано в МВД; срок здесь не начинается.' } },
    { event: 'complaint-filed', note: { en: 'Notice of appeal given to the Tribunal.', ru: 'Жалоба подана в Трибунал.' } },
    { event: 'protection-granted', note: { en: 'Refugee status or humanitarian protection granted.', ru: 'Предоставлен статус беженца или гуманитарная защита.' } },
    {
      event: 'final-refusal-notice-received',
      note: { en: 'The Tribunal dismissed the appeal; onward appeal is not modelled.', ru: 'Трибунал отклонил жалобу; дальнейшее обжалование не моделируется.' },
    },
    { event: 'refusal-overturned', note: { en: 'The Tribunal allowed the appeal.', ru: 'Трибунал удовлетворил жалобу.' } },
  ],
  facts: {
    outsideUk: {
      type: 'boolean',
      description: { en: 'the appellant is outside the United Kingdom', ru: 'заявитель находится за пределами Великобритании' },
    },
  },
  rules: [
    {
      id: 'uk-ftt-appeal',
      kind: 'appeal',
      title: { en: 'Appeal to the First-tier Tribunal', ru: 'Жалоба в Трибунал первого уровня' },
      triggers: [{ event: 'decision-sent' }],
      when: { noneOf: [{ fact: 'outsideUk', equals: true }] },
      owner: 'applicant',
      period: { amount: 14, unit: 'days' },
      counting: TRIBUNAL_COUNTING,
      basis: 'statutory',
      citation: CITATION,
      effectiveFrom: RULES_IN_FORCE,
      confidence: 'high',
      notes: [ROLL_NOTE],
      satisfiedBy: ['complaint-filed'],
      supersededBy: [],
    },
    {
      id: 'uk-ftt-appeal-outside-uk',
      kind: 'appeal',
      title: { en: 'Appeal to the First-tier Tribunal from outside the UK', ru: 'Жалоба в Трибунал первого уровня из-за пределов Великобритании' },
      triggers: [{ event: 'decision-sent' }],
      when: { allOf: [{ fact: 'outsideUk', equals: true }] },
      owner: 'applicant',
      period: { amount: 28, unit: 'days' },
      counting: TRIBUNAL_COUNTING,
      basis: 'statutory',
      citation: CITATION,
      effectiveFrom: RULES_IN_FORCE,
      confidence: 'medium',
      notes: [
        ROLL_NOTE,
        {
          en: 'For appellants outside the UK the Rules may count from receipt of the notice rather than its sending; counting from sending is the safer reading.',
          ru: 'Для заявителей за пределами Великобритании срок может исчисляться с получения уведомления, а не с его отправки; отсчёт с отправки — более безопасное прочтение.',
        },
      ],
      satisfiedBy: ['complaint-filed'],
      supersededBy: [],
    },
  ],
};
