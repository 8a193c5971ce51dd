import type { RulePackInput } from '../../pack/schema';

type RuleInput = RulePackInput['rules'][number];
type WindowInput = NonNullable<RulePackInput['suspensionWindows']>[number];
type ParamInput = NonNullable<RulePackInput['params']>[string];
type FactInput = NonNullable<RulePackInput['facts']>[string];

/** Procedural periods under KAS arts. 92-93 and Civil Code arts. 191-193; presidential non-working days do not move them. */
export const PROCEDURAL_COUNTING = {
  start: 'day-after-trigger',
  monthEnd: 'clamp',
  roll: 'next-working-day',
  honoursPresidentialNonWorkingDays: false,
} as const;

/** A stated end of validity is a date, not a period for doing something: it never moves. */
export const VALIDITY_COUNTING = { ...PROCEDURAL_COUNTING, roll: 'none' } as const;

/** The current text of the Law on Refugees (1997 restatement); earlier versions were not checked. */
export const LAW_ON_REFUGEES_IN_FORCE = '1997-06-28';

export const CERTIFICATE_SUSPENSION_2020: WindowInput = {
  id: 'ru-certificate-validity-suspension-2020',
  from: '2020-03-15',
  to: '2021-06-15',
  reason: {
    en: 'validity of refugee-procedure certificates suspended during the COVID-19 restrictions',
    ru: 'течение сроков действия документов в процедуре признания беженцем приостановлено на период ограничений COVID-19',
  },
  citation: { en: 'Presidential Decree No. 274 of 18.04.2020', ru: 'Указ Президента РФ от 18.04.2020 № 274' },
  confidence: 'medium',
};

export const DEPARTURE_PARAM: ParamInput = {
  default: 3,
  min: 1,
  max: 30,
  status: 'unconfirmed',
  description: {
    en: 'working days to leave after a final refusal; the MVD model notice says 3, the Law itself does not',
    ru: 'рабочие дни на выезд после окончательного отказа; 3 дня указаны в типовом уведомлении МВД, а не в Законе',
  },
};

const COMPLAINT_CITATION = {
  en: 'Law No. 4528-1 "On Refugees", art. 10 p. 3; MVD model refusal notice; UNHCR Russia guidance',
  ru: 'Закон РФ от 19.02.1993 № 4528-1 «О беженцах», ст. 10 п. 3; типовое уведомление МВД об отказе; разъяснения УВКБ ООН',
};

const COMPLAINT_TRIGGER_NOTES = {
  'protection-withdrawal-notice-received': {
    en: 'A decision on loss or withdrawal is treated as a refusal; the grounds and the exact clock for it are unconfirmed (Law art. 12).',
    ru: 'Решение об утрате или лишении рассматривается как отказ; основания и точный срок не подтверждены (ст. 12 Закона).',
  },
} as const;

export type RefusalEvent = 'refusal-notice-received' | 'renewal-refusal-notice-received' | 'protection-withdrawal-notice-received';

function refusalTriggers(events: readonly RefusalEvent[]): RuleInput['triggers'] {
  return events.map((event) =>
    event === 'protection-withdrawal-notice-received'
      ? { event, confidence: 'low' as const, note: COMPLAINT_TRIGGER_NOTES[event] }
      : { event },
  );
}

type CourtChallenge = Pick<RuleInput, 'title' | 'triggers' | 'informational' | 'notes'> & { id: string };

/**
 * The court challenge of a state body's decision (KAS art. 219 p. 1 since 15.09.2015, GPK art. 256 p. 1
 * before it): 3 months, as two rules so that the one in force on the trigger date applies.
 */
function courtChallengeRules({ id, notes = [], ...challenge }: CourtChallenge): RuleInput[] {
  const learnedNote = {
    en: 'The court period runs from the day the person learned of the decision; the date the notice was received is used.',
    ru: 'Срок для суда исчисляется со дня, когда лицо узнало о решении; используется дата получения уведомления.',
  };
  const rule: Omit<RuleInput, 'id' | 'citation' | 'effectiveFrom'> = {
    ...challenge,
    kind: 'court-challenge',
    owner: 'applicant',
    period: { amount: 3, unit: 'months' },
    counting: PROCEDURAL_COUNTING,
    basis: 'statutory',
    confidence: 'high',
    notes: [...notes, learnedNote],
    satisfiedBy: ['complaint-filed'],
    supersededBy: ['protection-granted'],
  };
  return [
    {
      ...rule,
      id: `${id}-kas`,
      citation: {
        en: 'Code of Administrative Procedure (KAS RF) art. 219 p. 1, in force since 15.09.2015',
        ru: 'КАС РФ, ст. 219 ч. 1 (действует с 15.09.2015)',
      },
      effectiveFrom: '2015-09-15',
    },
    {
      ...rule,
      id: `${id}-gpk`,
      citation: {
        en: 'Code of Civil Procedure (GPK RF) art. 256 p. 1, until KAS RF replaced it on 15.09.2015',
        ru: 'ГПК РФ, ст. 256 ч. 1 (до вступления в силу КАС РФ 15.09.2015)',
      },
      effectiveFrom: '2003-02-01',
      effectiveTo: '2015-09-14',
      confidence: 'medium',
      notes: [
        ...(rule.notes ?? []),
        {
          en: 'The predecessor rule is not in the project\'s legal basis; a lawyer should confirm it before relying on it.',
          ru: 'Прежнее правило не входит в правовую базу проекта; перед использованием его должен подтвердить юрист.',
        },
      ],
    },
  ];
}

/**
 * The complaint against a refusal (the deadline staff work to) and the longer court period (shown for
 * information), for every event the procedure treats as a refusal. A new application does not end
 * either: the right to complain runs on until it is used, waived by staff, or a grant makes it moot.
 */
export function refusalChallengeRules(events: readonly RefusalEvent[], newApplicationNote: RuleInput['notes']): RuleInput[] {
  const triggers = refusalTriggers(events);
  return [
    {
      id: 'ru-complaint',
      kind: 'complaint',
      title: { en: 'Complaint against the refusal', ru: 'Жалоба на отказ' },
      triggers,
      owner: 'applicant',
      period: { amount: 1, unit: 'months' },
      counting: PROCEDURAL_COUNTING,
      basis: 'statutory',
      citation: COMPLAINT_CITATION,
      effectiveFrom: LAW_ON_REFUGEES_IN_FORCE,
      confidence: 'high',
      notes: [
        {
          en: 'The complaint may go to the higher migration authority or to a court; while it is pending the person keeps their rights and the certificate may be extended on proof of filing (Law art. 10 p. 4).',
          ru: 'Жалобу можно подать в вышестоящий орган или в суд; пока она рассматривается, лицо сохраняет свои права, а свидетельство может быть продлено по подтверждению подачи (ст. 10 п. 4 Закона).',
        },
        ...(newApplicationNote ?? []),
      ],
      satisfiedBy: ['complaint-filed'],
      supersededBy: ['protection-granted'],
    },
    ...courtChallengeRules({
      id: 'ru-court-challenge',
      title: { en: 'Court challenge of the refusal', ru: 'Обжалование отказа в суде' },
      triggers,
      informational: true,
      notes: [
        {
          en: 'Shown for information: the 1-month complaint period (Law art. 10 p. 3) is the safe deadline; how courts reconcile it with this longer period is unconfirmed.',
          ru: 'Для сведения: безопасный срок — 1 месяц на жалобу (ст. 10 п. 3 Закона); как суды соотносят его с этим более длинным сроком, не подтверждено.',
        },
      ],
    }),
    ...courtChallengeRules({
      id: 'ru-court-challenge-after-complaint',
      title: { en: 'Court challenge after the complaint was refused', ru: 'Обжалование в суде после отказа по жалобе' },
      triggers: [{ event: 'final-refusal-notice-received' }],
      informational: false,
      notes: [
        {
          en: 'The notice refusing the complaint is itself a decision of a state body: a court can still be asked to annul the refusal.',
          ru: 'Уведомление об отказе по жалобе само является решением государственного органа: суд ещё может отменить отказ.',
        },
      ],
    }),
  ];
}

/** The date by which the court or the higher authority ordered a new decision, when it set one. */
export const DECIDE_BY_FACT: FactInput = {
  type: 'date',
  description: {
    en: 'the date by which the court or higher authority ordered the new decision, if it set one',
    ru: 'дата, к которой суд или вышестоящий орган обязал принять новое решение, если она установлена',
  },
};

export const REDECISION_PARAM: ParamInput = {
  default: 1,
  min: 1,
  max: 6,
  status: 'unconfirmed',
  description: {
    en: 'months the authority has to decide again when no date was set; KAS art. 227 p. 9 gives one month to report on a court ruling, unconfirmed for complaints',
    ru: 'сколько месяцев у органа на новое решение, если дата не установлена; ч. 9 ст. 227 КАС даёт месяц на сообщение об исполнении решения суда, для жалоб не подтверждено',
  },
};

/** An overturned refusal starts the authority's clock for a new decision, which the next decision meets. */
export function redecisionRule(satisfiedBy: RuleInput['satisfiedBy']): RuleInput {
  return {
    id: 'ru-redecision',
    kind: 'decision-due',
    title: { en: 'New decision after the refusal was overturned', ru: 'Новое решение после отмены отказа' },
    triggers: [{ event: 'refusal-overturned' }],
    owner: 'authority',
    base: [
      { from: 'fact', fact: 'decideBy' },
      {
        from: 'trigger',
        plus: { amount: { param: 'redecisionMonths' }, unit: 'months' },
        warning: {
          en: 'No date for the new decision (decideBy) was given: the unconfirmed default period (redecisionMonths) is assumed; enter the date the ruling set.',
          ru: 'Дата нового решения (decideBy) не указана: принят неподтверждённый срок по умолчанию (redecisionMonths); внесите дату из решения.',
        },
      },
    ],
    counting: PROCEDURAL_COUNTING,
    basis: 'statutory',
    citation: {
      en: 'KAS RF art. 227 p. 9 (court rulings); Law No. 4528-1 art. 10 (complaints)',
      ru: 'КАС РФ, ст. 227 ч. 9 (решения суда); Закон РФ «О беженцах», ст. 10 (жалобы)',
    },
    effectiveFrom: LAW_ON_REFUGEES_IN_FORCE,
    confidence: 'low',
    notes: [
      {
        en: 'How long the authority has to decide again is unconfirmed unless the ruling set a date; the default is a safe margin, not the law.',
        ru: 'Сколько времени у органа на новое решение, не подтверждено, если решение не установило дату; значение по умолчанию — запас, а не норма закона.',
      },
    ],
    satisfiedBy,
    supersededBy: [],
  };
}

/** Departure after the complaint is refused, when no other lawful basis to stay exists. */
export function departureRule(confidence: 'medium' | 'low', notes: RuleInput['notes'] = []): RuleInput {
  return {
    id: 'ru-departure',
    kind: 'departure',
    title: { en: 'Departure after the final refusal', ru: 'Выезд после окончательного отказа' },
    triggers: [{ event: 'final-refusal-notice-received' }],
    owner: 'applicant',
    period: { amount: { param: 'departureWorkingDays' }, unit: 'working-days' },
    counting: { ...PROCEDURAL_COUNTING, roll: 'none' },
    basis: 'statutory',
    citation: {
      en: 'MVD model notice refusing the complaint (not the Law\'s text)',
      ru: 'типовое уведомление МВД об отказе в удовлетворении жалобы (не текст Закона)',
    },
    effectiveFrom: LAW_ON_REFUGEES_IN_FORCE,
    confidence,
    notes: [
      {
        en: 'Applies only when there is no other lawful basis to stay; a court complaint or a new application stops it.',
        ru: 'Применяется, только если нет иного законного основания для пребывания; жалоба в суд или новое заявление его прекращают.',
      },
      ...(notes ?? []),
    ],
    satisfiedBy: [],
    supersededBy: ['application-lodged', 'complaint-filed'],
    // A court's interim measure suspending removal stops this clock.
    stopsForRequestSuspensions: true,
  };
}
