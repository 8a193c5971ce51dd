import type { RulePackInput } from '../../pack/schema';
import { packFirstVersioned } from '../../first-versions';

const BUSINESS_DAY_ROLL = {
  start: 'day-after-trigger',
  monthEnd: 'clamp',
  roll: 'next-working-day',
  honoursPresidentialNonWorkingDays: false,
} as const;

const EAD_CLOCK_NOTE = {
  en: 'The clock stops for delays the applicant causes (e.g. a rescheduled interview); record them as suspensions of the request.',
  ru: 'Отсчёт останавливается на время задержек по вине заявителя (например, перенос собеседования); укажите их как приостановления в запросе.',
};

export const US_ASYLUM: RulePackInput = {
  jurisdiction: 'US',
  procedure: 'asylum',
  title: { en: 'Asylum (INA 208; 8 CFR parts 208, 1003, 1208)', ru: 'Убежище (INA 208; 8 CFR ч. 208, 1003, 1208)' },
  events: [
    { event: 'last-arrival' },
    { event: 'application-lodged', note: { en: 'A complete asylum application received.', ru: 'Получено полное заявление об убежище.' } },
    { event: 'oral-decision' },
    { event: 'written-decision-mailed' },
    { event: 'complaint-filed', note: { en: 'Appeal filed with the Board of Immigration Appeals.', ru: 'Подана апелляция в Совет по иммиграционным апелляциям.' } },
    { event: 'protection-granted', note: { en: 'Asylum granted; it starts no clock here.', ru: 'Убежище предоставлено; срок здесь не начинается.' } },
    {
      event: 'final-refusal-notice-received',
      note: { en: 'The Board dismissed the appeal; onward review is not modelled.', ru: 'Совет отклонил апелляцию; дальнейший пересмотр не моделируется.' },
    },
    { event: 'refusal-overturned', note: { en: 'The Board sustained the appeal or remanded the case.', ru: 'Совет удовлетворил апелляцию или вернул дело на новое рассмотрение.' } },
  ],
  changelog: [
    packFirstVersioned({
      change: {
        en: 'The one-year filing deadline now cites 8 CFR 208.4(a)(2)(ii) for its move to the next business day. The Board appeal counts an observed federal holiday both ways and works to the earlier date.',
        ru: 'Годичный срок подачи теперь ссылается на 8 CFR 208.4(a)(2)(ii) о переносе на следующий рабочий день. Срок апелляции в Совет считается с перенесённым федеральным праздником и без него, по более ранней дате.',
      },
      authority: { en: '8 CFR 208.4(a)(2)(ii); 8 CFR 1003.38(c); 5 U.S.C. 6103(b)', ru: '8 CFR 208.4(a)(2)(ii); 8 CFR 1003.38(c); 5 U.S.C. 6103(b)' },
    }),
  ],
  rules: [
    {
      id: 'us-asylum-filing',
      kind: 'filing-deadline',
      title: { en: 'File the asylum application (one-year deadline)', ru: 'Подать заявление об убежище (годичный срок)' },
      triggers: [{ event: 'last-arrival' }],
      owner: 'applicant',
      period: { amount: 1, unit: 'years' },
      counting: BUSINESS_DAY_ROLL,
      basis: 'statutory',
      citation: { en: 'INA 208(a)(2)(B); 8 CFR 208.4(a)(2), 1208.4(a)(2)', ru: 'INA 208(a)(2)(B); 8 CFR 208.4(a)(2), 1208.4(a)(2)' },
      effectiveFrom: '1997-04-01',
      confidence: 'high',
      notes: [
        {
          en: 'Exceptions exist for changed or extraordinary circumstances (8 CFR 208.4(a)(4)-(5)). A deadline that ends on a Saturday, Sunday or legal holiday is extended to the next business day (8 CFR 208.4(a)(2)(ii)).',
          ru: 'Есть исключения при изменившихся или чрезвычайных обстоятельствах (8 CFR 208.4(a)(4)-(5)). Срок, оканчивающийся в субботу, воскресенье или официальный праздник, продлевается до следующего рабочего дня (8 CFR 208.4(a)(2)(ii)).',
        },
      ],
      satisfiedBy: ['application-lodged'],
      supersededBy: [],
    },
    {
      id: 'us-bia-appeal',
      kind: 'appeal',
      title: { en: 'Appeal to the Board of Immigration Appeals', ru: 'Апелляция в Совет по иммиграционным апелляциям (BIA)' },
      triggers: [{ event: 'oral-decision' }, { event: 'written-decision-mailed' }],
      owner: 'applicant',
      period: { amount: 30, unit: 'days' },
      // 1003.38(c) names "legal holidays" without saying whether a holiday observed on a Friday or Monday is one.
      counting: { ...BUSINESS_DAY_ROLL, observedHolidays: 'unsettled' },
      basis: 'statutory',
      citation: { en: '8 CFR 1003.38(b)-(c)', ru: '8 CFR 1003.38(b)-(c)' },
      effectiveFrom: '2003-02-28',
      confidence: 'high',
      notes: [
        {
          en: 'The appeal must be received by the Board within 30 calendar days; a last day on a Saturday, Sunday or legal holiday moves to the next business day. Computed in Eastern time (the Board sits in Falls Church, Virginia).',
          ru: 'Апелляция должна поступить в Совет в течение 30 календарных дней; если последний день — суббота, воскресенье или праздник, срок переносится на следующий рабочий день. Время — восточное (Совет находится в Фолс-Черч, Вирджиния).',
        },
      ],
      satisfiedBy: ['complaint-filed'],
      supersededBy: [],
    },
    {
      id: 'us-work-permit-filing',
      kind: 'work-permit-filing-opens',
      title: { en: 'Work permit application may be filed', ru: 'Можно подать заявление на разрешение на работу' },
      triggers: [{ event: 'application-lodged' }],
      owner: 'applicant',
      period: { amount: 150, unit: 'days' },
      counting: { ...BUSINESS_DAY_ROLL, roll: 'none' },
      basis: 'statutory',
      citation: { en: '8 CFR 208.7(a)', ru: '8 CFR 208.7(a)' },
      effectiveFrom: '1995-01-04',
      confidence: 'medium',
      notes: [
        EAD_CLOCK_NOTE,
        {
          en: 'The earliest day to file, not a deadline. A 2020 rule with longer waiting periods was vacated in 2022; its effect on applications filed meanwhile is not modelled.',
          ru: 'Самый ранний день подачи, а не крайний срок. Правило 2020 года с более долгим ожиданием отменено судом в 2022 году; его действие на поданные тогда заявления не учтено.',
        },
      ],
      satisfiedBy: [],
      supersededBy: [],
      informational: true,
      stopsForRequestSuspensions: true,
    },
    {
      id: 'us-work-permit-earliest-grant',
      kind: 'work-permit-earliest-grant',
      title: { en: 'Earliest day a work permit may be granted', ru: 'Самый ранний день выдачи разрешения на работу' },
      triggers: [{ event: 'application-lodged' }],
      owner: 'authority',
      period: { amount: 180, unit: 'days' },
      counting: { ...BUSINESS_DAY_ROLL, roll: 'none' },
      basis: 'statutory',
      citation: { en: '8 CFR 208.7(a)(1)', ru: '8 CFR 208.7(a)(1)' },
      effectiveFrom: '1995-01-04',
      confidence: 'medium',
      notes: [EAD_CLOCK_NOTE],
      satisfiedBy: [],
      supersededBy: [],
      informational: true,
      stopsForRequestSuspensions: true,
    },
  ],
};
