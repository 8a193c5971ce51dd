import type { RulePackInput } from '../../pack/schema';
import { packFirstVersioned } from '../../first-versions';

const TRIBUNAL_COUNTING = {
  start: 'day-after-trigger',
  monthEnd: 'clamp',
  roll: 'next-working-day',
  honoursPresidentialNonWorkingDays: false,
} as const;

const CITATION = {
  en: 'Tribunal Procedure (First-tier Tribunal) (Immigration and Asylum Chamber) Rules 2014, r. 19 (time limits) and r. 1(4) ("working day")',
  ru: 'Правила процедуры Трибунала первого уровня (палата по иммиграции и убежищу) 2014 г., п. 19 (сроки) и п. 1(4) («рабочий день»)',
};
const ROLL_NOTE = {
  en: 'The Rules define a working day as any day except a Saturday or Sunday, Christmas Day, 27 to 31 December or a bank holiday; a period that ends on a day that is not a working day ends on the next working day.',
  ru: 'Рабочим днём Правила считают любой день, кроме субботы, воскресенья, Рождества, 27-31 декабря и банковских выходных; срок, оканчивающийся в нерабочий день, переносится на следующий рабочий день.',
};
const TRIBUNAL_SOURCE = {
  en: 'First-tier Tribunal (IAC) Procedure Rules 2014, r. 1(4): 27 to 31 December are not working days',
  ru: 'Правила процедуры Трибунала первого уровня 2014 г., п. 1(4): 27-31 декабря — нерабочие дни',
};
const RULES_IN_FORCE = '2014-10-20';

export const UK_ASYLUM: RulePackInput = {
  jurisdiction: 'UK',
  procedure: 'asylum',
  title: { en: 'Asylum appeals (First-tier Tribunal, IAC)', ru: 'Обжалование по делам об убежище (Трибунал первого уровня)' },
  events: [
    { event: 'decision-sent', facts: ['outsideUk', 'receivedOn', 'departedOn'] },
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
    receivedOn: {
      type: 'date',
      description: { en: 'the day the appellant outside the UK received the notice of decision', ru: 'день, когда заявитель за пределами Великобритании получил уведомление о решении' },
    },
    departedOn: {
      type: 'date',
      description: {
        en: 'the day the appellant left the UK, when they had to leave before they could appeal',
        ru: 'день выезда заявителя из Великобритании, если до подачи жалобы он был обязан выехать',
      },
    },
  },
  courtDaysOff: [{ days: '12-27..12-31', name: { en: 'Tribunal Christmas closure', ru: 'рождественский перерыв Трибунала' }, source: TRIBUNAL_SOURCE }],
  changelog: [
    packFirstVersioned({
      change: {
        en: '27-31 December are Tribunal non-working days; from outside the UK the 28 days run from departure or receipt, not sending.',
        ru: '27-31 декабря — нерабочие дни Трибунала; из-за пределов Великобритании 28 дней считаются с выезда или получения, а не с отправки.',
      },
      authority: { en: 'Tribunal Procedure (FtT) (IAC) Rules 2014, r. 1(4) and r. 19(3)', ru: 'Правила процедуры Трибунала первого уровня 2014 г., п. 1(4) и п. 19(3)' },
    }),
  ],
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
      // r. 19(3): 28 days after departure when the appellant had to leave before appealing, otherwise after receipt.
      base: [
        { from: 'fact', fact: 'departedOn' },
        { from: 'fact', fact: 'receivedOn' },
        {
          from: 'trigger',
          warning: {
            en: 'Counted from the day the notice was sent, the earliest it can have been received: the period runs from receipt (or departure). Enter the day it was received to get the true date.',
            ru: 'Отсчитано со дня отправки уведомления — самого раннего дня, когда его могли получить: срок течёт с получения (или выезда). Укажите день получения, чтобы получить точную дату.',
          },
        },
      ],
      period: { amount: 28, unit: 'days' },
      counting: TRIBUNAL_COUNTING,
      basis: 'statutory',
      citation: CITATION,
      effectiveFrom: RULES_IN_FORCE,
      confidence: 'high',
      notes: [ROLL_NOTE],
      satisfiedBy: ['complaint-filed'],
      supersededBy: [],
    },
  ],
};
