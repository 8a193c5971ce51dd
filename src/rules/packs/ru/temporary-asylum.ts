import type { RulePackInput } from '../../pack/schema';
import { packFirstVersioned } from '../../first-versions';
import {
  CERTIFICATE_SUSPENSION_2020,
  DECIDE_BY_FACT,
  DEPARTURE_PARAM,
  PROCEDURAL_COUNTING,
  REDECISION_PARAM,
  VALIDITY_COUNTING,
  departureRule,
  redecisionRule,
  refusalChallengeRules,
} from './shared';

const DECREE_274 = 'Government Decree No. 274 of 09.04.2001';
const DECREE_274_RU = 'Постановление Правительства РФ от 09.04.2001 № 274';
const DECREE_274_IN_FORCE = '2001-04-09';

/**
 * The end of the current protection period: the date on the certificate when known, else one year on
 * (Decree 274 p. 12). Shared by the expiry and by the renewal-filing date counted back from it.
 */
const PROTECTION_END: RulePackInput['rules'][number]['base'] = [
  { from: 'fact', fact: 'validUntil' },
  {
    from: 'fact',
    fact: 'previousValidUntil',
    plus: { amount: 1, unit: 'years' },
    warning: {
      en: 'The new end date (validUntil) was not given: assumed one year after the previous end date; enter the date on the certificate.',
      ru: 'Новая дата окончания (validUntil) не указана: принят один год после прежней даты окончания; внесите дату из свидетельства.',
    },
  },
  {
    from: 'trigger',
    plus: { amount: 1, unit: 'years' },
    warning: {
      en: 'The certificate\'s end date (validUntil) was not given: assumed one year from this date, same month and day (Decree 274 p. 12); enter the date on the certificate.',
      ru: 'Дата окончания по свидетельству (validUntil) не указана: принят один год с этой даты, то же число и месяц (п. 12 Порядка); внесите дату из свидетельства.',
    },
  },
];

export const RU_TEMPORARY_ASYLUM: RulePackInput = {
  jurisdiction: 'RU',
  procedure: 'temporary-asylum',
  title: { en: 'Temporary asylum (Law No. 4528-1 art. 12; Decree No. 274)', ru: 'Временное убежище (ст. 12 Закона № 4528-1; Постановление № 274)' },
  events: [
    { event: 'application-lodged' },
    { event: 'refusal-notice-received' },
    {
      event: 'complaint-filed',
      note: {
        en: 'Starts no clock: rights are kept while the complaint is pending (Law art. 10 p. 4).',
        ru: 'Срок не начинается: права сохраняются, пока жалоба рассматривается (ст. 10 п. 4 Закона).',
      },
    },
    { event: 'final-refusal-notice-received' },
    { event: 'refusal-overturned', facts: ['decideBy'] },
    { event: 'protection-granted', facts: ['validUntil'] },
    { event: 'renewal-filed', note: { en: 'Starts no clock; meets the renewal-filing deadline.', ru: 'Срок не начинается; выполняет срок подачи на продление.' } },
    { event: 'protection-extended', facts: ['validUntil', 'previousValidUntil'] },
    { event: 'renewal-refusal-notice-received' },
    { event: 'protection-withdrawal-notice-received' },
  ],
  facts: {
    validUntil: {
      type: 'date',
      description: { en: 'end date stated on the certificate', ru: 'дата окончания срока, указанная в свидетельстве' },
    },
    previousValidUntil: {
      type: 'date',
      description: { en: 'end date of the period being extended', ru: 'дата окончания продлеваемого срока' },
    },
    decideBy: DECIDE_BY_FACT,
  },
  params: {
    departureWorkingDays: DEPARTURE_PARAM,
    redecisionMonths: REDECISION_PARAM,
    renewalLeadMonths: {
      default: 1,
      min: 0,
      max: 6,
      status: 'policy',
      description: {
        en: 'months before expiry by which to file the extension (the legal lead time is unconfirmed)',
        ru: 'за сколько месяцев до окончания срока подавать заявление о продлении (срок по закону не подтверждён)',
      },
    },
    renewalReminderFromMonths: {
      default: 2,
      min: 1,
      max: 12,
      status: 'policy',
      description: {
        en: 'months before expiry from which to start reminding about the extension',
        ru: 'за сколько месяцев до окончания срока начинать напоминать о продлении',
      },
    },
  },
  suspensionWindows: [CERTIFICATE_SUSPENSION_2020],
  changelog: [packFirstVersioned()],
  rules: [
    {
      id: 'ru-ta-decision',
      kind: 'decision-due',
      title: { en: 'Decision on the temporary asylum application', ru: 'Решение по заявлению о временном убежище' },
      triggers: [{ event: 'application-lodged' }],
      owner: 'authority',
      period: { amount: 3, unit: 'months' },
      counting: PROCEDURAL_COUNTING,
      basis: 'statutory',
      citation: { en: `${DECREE_274}, Procedure p. 2`, ru: `${DECREE_274_RU}, Порядок, п. 2` },
      effectiveFrom: DECREE_274_IN_FORCE,
      confidence: 'high',
      notes: [
        {
          en: 'At most 3 calendar months; an earlier decision is lawful.',
          ru: 'Не более 3 календарных месяцев; решение может быть принято раньше.',
        },
      ],
      satisfiedBy: ['protection-granted', 'refusal-notice-received'],
      supersededBy: [],
    },
    ...refusalChallengeRules(['refusal-notice-received', 'renewal-refusal-notice-received', 'protection-withdrawal-notice-received'], [
      {
        en: 'A new application may be lodged instead at any time: no statutory waiting period for temporary asylum was found. Lodging one does not end the right to complain; if it will not be used, record that it is waived.',
        ru: 'Вместо жалобы можно в любое время подать новое заявление: срока ожидания для временного убежища не найдено. Подача заявления не прекращает право на жалобу; если оно не будет использовано, отметьте отказ от него.',
      },
    ]),
    redecisionRule(['protection-granted', 'refusal-notice-received', 'protection-extended', 'renewal-refusal-notice-received']),
    departureRule('medium'),
    {
      id: 'ru-ta-expiry',
      kind: 'protection-expiry',
      title: { en: 'Temporary asylum expires', ru: 'Окончание срока временного убежища' },
      triggers: [{ event: 'protection-granted' }, { event: 'protection-extended' }],
      owner: 'applicant',
      base: PROTECTION_END,
      counting: VALIDITY_COUNTING,
      basis: 'statutory',
      citation: { en: `${DECREE_274}, p. 12; Law No. 4528-1 art. 12`, ru: `${DECREE_274_RU}, п. 12; ст. 12 Закона № 4528-1` },
      effectiveFrom: DECREE_274_IN_FORCE,
      confidence: 'high',
      notes: [
        {
          en: 'Granted for up to one year and extended for each following year on a written application while the grounds persist, with no cap on extensions. Filing the extension does not by itself extend validity, so this date stays open until the extension is recorded.',
          ru: 'Предоставляется на срок до одного года и продлевается на каждый следующий год по письменному заявлению, пока сохраняются основания; число продлений не ограничено. Подача заявления сама по себе срок не продлевает, поэтому эта дата остаётся открытой до записи о продлении.',
        },
      ],
      satisfiedBy: ['protection-extended'],
      supersededBy: ['protection-withdrawal-notice-received'],
      suspensions: [{ window: 'ru-certificate-validity-suspension-2020', effect: 'warn' }],
    },
    {
      id: 'ru-ta-renewal-filing',
      kind: 'renewal-filing',
      title: { en: 'File the application to extend temporary asylum', ru: 'Подать заявление о продлении временного убежища' },
      triggers: [{ event: 'protection-granted' }, { event: 'protection-extended' }],
      owner: 'applicant',
      base: PROTECTION_END,
      period: { amount: { param: 'renewalLeadMonths' }, unit: 'months' },
      direction: 'before',
      // A "no later than" date of our own: on a non-working day, file on the working day before.
      counting: { ...PROCEDURAL_COUNTING, roll: 'previous-working-day' },
      basis: 'policy',
      citation: {
        en: `Organisation policy; extension on written application under ${DECREE_274}, p. 12`,
        ru: `Политика организации; продление по письменному заявлению согласно ${DECREE_274_RU}, п. 12`,
      },
      effectiveFrom: DECREE_274_IN_FORCE,
      confidence: 'unconfirmed',
      notes: [
        {
          en: 'Unconfirmed how far ahead the law requires the extension to be filed: this is a policy safety margin, not a legal deadline.',
          ru: 'Не подтверждено, за какой срок закон требует подать заявление о продлении: это запас по политике организации, а не срок по закону.',
        },
      ],
      satisfiedBy: ['renewal-filed'],
      supersededBy: ['protection-extended', 'protection-withdrawal-notice-received'],
      reminders: { firstBeforeBase: { amount: { param: 'renewalReminderFromMonths' }, unit: 'months' }, thenDaysBefore: [21, 14, 7, 3, 1, 0] },
    },
  ],
};
