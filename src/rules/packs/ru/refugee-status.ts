import type { RulePackInput } from '../../pack/schema';
import { packFirstVersioned } from '../../first-versions';
import {
  CERTIFICATE_SUSPENSION_2020,
  DECIDE_BY_FACT,
  DEPARTURE_PARAM,
  LAW_ON_REFUGEES_IN_FORCE,
  PROCEDURAL_COUNTING,
  REDECISION_PARAM,
  VALIDITY_COUNTING,
  departureRule,
  redecisionRule,
  refusalChallengeRules,
} from './shared';

export const RU_REFUGEE_STATUS: RulePackInput = {
  jurisdiction: 'RU',
  procedure: 'refugee-status',
  title: { en: 'Refugee status (Law No. 4528-1, arts. 4, 5, 7, 10)', ru: 'Статус беженца (Закон № 4528-1, ст. 4, 5, 7, 10)' },
  events: [
    { event: 'application-lodged' },
    { event: 'certificate-issued', facts: ['validUntil'] },
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
    { event: 'protection-granted', note: { en: 'Refugee status recognised; it starts no clock here.', ru: 'Признан беженцем; срок здесь не начинается.' } },
    { event: 'protection-withdrawal-notice-received' },
  ],
  facts: {
    validUntil: {
      type: 'date',
      description: { en: 'end date stated on the certificate (e.g. after an extension)', ru: 'дата окончания, указанная в свидетельстве (например, после продления)' },
    },
    decideBy: DECIDE_BY_FACT,
  },
  params: { departureWorkingDays: DEPARTURE_PARAM, redecisionMonths: REDECISION_PARAM },
  suspensionWindows: [CERTIFICATE_SUSPENSION_2020],
  changelog: [packFirstVersioned()],
  rules: [
    {
      id: 'ru-refugee-preliminary-consideration',
      kind: 'preliminary-consideration',
      title: { en: 'Preliminary consideration of the petition', ru: 'Предварительное рассмотрение ходатайства' },
      triggers: [{ event: 'application-lodged' }],
      owner: 'authority',
      period: { amount: 5, unit: 'working-days' },
      counting: { ...PROCEDURAL_COUNTING, roll: 'none' },
      basis: 'statutory',
      citation: { en: 'Law No. 4528-1 "On Refugees", art. 4 p. 5 sub-p. 2', ru: 'Закон РФ «О беженцах», ст. 4 п. 5 подп. 2' },
      effectiveFrom: LAW_ON_REFUGEES_IN_FORCE,
      confidence: 'high',
      notes: [
        {
          en: 'A repeated petition after an earlier refusal is considered on the merits only if circumstances in the country of origin changed (Law art. 5 p. 1 sub-p. 2): a gate, not a waiting period.',
          ru: 'Повторное ходатайство после отказа рассматривается по существу, только если изменились обстоятельства в стране происхождения (ст. 5 п. 1 подп. 2 Закона): это условие, а не срок ожидания.',
        },
      ],
      satisfiedBy: ['certificate-issued', 'refusal-notice-received'],
      supersededBy: [],
    },
    {
      id: 'ru-refugee-certificate-expiry',
      kind: 'certificate-expiry',
      title: { en: 'Certificate of consideration on the merits expires', ru: 'Окончание срока свидетельства о рассмотрении ходатайства по существу' },
      triggers: [{ event: 'certificate-issued' }],
      // The authority must decide within the certificate's validity; the applicant cannot extend it alone.
      owner: 'authority',
      base: [
        { from: 'fact', fact: 'validUntil' },
        { from: 'trigger', plus: { amount: 3, unit: 'months' } },
      ],
      counting: VALIDITY_COUNTING,
      basis: 'statutory',
      citation: { en: 'Law No. 4528-1 "On Refugees", art. 7 (via UNHCR Russia)', ru: 'Закон РФ «О беженцах», ст. 7 (по материалам УВКБ ООН в России)' },
      effectiveFrom: LAW_ON_REFUGEES_IN_FORCE,
      confidence: 'medium-high',
      notes: [
        {
          en: 'Valid 3 months; exceptionally extended by 3 more months (record the extended certificate with its new end date).',
          ru: 'Действует 3 месяца; в исключительных случаях продлевается ещё на 3 месяца (внесите продлённое свидетельство с новой датой).',
        },
      ],
      satisfiedBy: ['protection-granted', 'refusal-notice-received'],
      supersededBy: ['certificate-issued'],
      suspensions: [{ window: 'ru-certificate-validity-suspension-2020', effect: 'stop-clock' }],
    },
    ...refusalChallengeRules(['refusal-notice-received', 'protection-withdrawal-notice-received'], [
      {
        en: 'A repeated petition is considered on the merits only if circumstances in the country of origin changed (Law art. 5 p. 1 sub-p. 2).',
        ru: 'Повторное ходатайство рассматривается по существу, только если изменились обстоятельства в стране происхождения (ст. 5 п. 1 подп. 2 Закона).',
      },
    ]),
    redecisionRule(['certificate-issued', 'protection-granted', 'refusal-notice-received']),
    departureRule('low', [
      {
        en: 'The source (MVD model notice) concerns temporary asylum; its application to refugee status is unconfirmed.',
        ru: 'Источник (типовое уведомление МВД) относится к временному убежищу; применение к статусу беженца не подтверждено.',
      },
    ]),
  ],
};
