import type { RulePackInput } from '../../pack/schema';
import { packFirstVersioned } from '../../first-versions';

/** BGB 187(1), 188(2): a week period ends on the weekday of the trigger; BGB 193 moves it off Saturdays, Sundays and holidays. */
const BGB_COUNTING = {
  start: 'day-after-trigger',
  monthEnd: 'clamp',
  roll: 'next-working-day',
  honoursPresidentialNonWorkingDays: false,
} as const;

const ACCELERATED = { anyOf: [{ fact: 'manifestlyUnfounded', equals: true }, { fact: 'inadmissible', equals: true }] };
const REGULAR = { noneOf: ACCELERATED.anyOf };
const ASYLG_IN_FORCE = '1993-07-01';

/** The seats of Bavaria's administrative courts, whose municipal holidays the data covers. */
const BAVARIAN_COURT_SEATS = ['München', 'Augsburg', 'Regensburg', 'Würzburg', 'Bayreuth', 'Ansbach'];
/** Assumption Day is a holiday only where most people are Catholic, as the Land's statistics office finds: of the seats, these. */
const ASSUMPTION_DAY_SEATS = ['München', 'Augsburg', 'Regensburg', 'Würzburg'];
const BAVARIAN_HOLIDAYS_ACT = {
  en: 'Bavarian Public Holidays Act (FTG) art. 1(1) no. 2: Assumption Day in municipalities with a predominantly Catholic population',
  ru: 'Закон Баварии о праздниках (FTG), ст. 1(1) п. 2: Успение — в общинах с преимущественно католическим населением',
};
const inBavarianSeat = (seat: string) => ({ allOf: [{ fact: 'land', equals: 'BY' }, { fact: 'courtSeat', equals: seat }] });

export const DE_ASYLUM: RulePackInput = {
  jurisdiction: 'DE',
  procedure: 'asylum',
  title: { en: 'Asylum (AsylG)', ru: 'Убежище (AsylG)' },
  calendarRegionFact: 'land',
  events: [
    { event: 'application-lodged', note: { en: 'Asylum application filed with the BAMF.', ru: 'Ходатайство об убежище подано в BAMF.' } },
    { event: 'decision-served', facts: ['manifestlyUnfounded', 'inadmissible', 'land', 'courtSeat'] },
    { event: 'complaint-filed', note: { en: 'Lawsuit filed with the administrative court.', ru: 'Подан иск в административный суд.' } },
    { event: 'protection-granted', note: { en: 'Protection granted; it starts no clock here.', ru: 'Защита предоставлена; срок здесь не начинается.' } },
    {
      event: 'final-refusal-notice-received',
      facts: ['land', 'courtSeat'],
      note: { en: 'The lawsuit was finally dismissed (the judgment is unappealable).', ru: 'Иск окончательно отклонён (решение вступило в силу).' },
    },
    { event: 'refusal-overturned', note: { en: 'The court annulled the rejection or obliged the BAMF to decide again.', ru: 'Суд отменил отказ или обязал BAMF принять новое решение.' } },
  ],
  facts: {
    manifestlyUnfounded: {
      type: 'boolean',
      description: { en: 'the claim was rejected as manifestly unfounded', ru: 'заявление отклонено как явно необоснованное' },
    },
    inadmissible: {
      type: 'boolean',
      description: { en: 'the claim was rejected as inadmissible (AsylG 29)', ru: 'заявление отклонено как недопустимое (AsylG 29)' },
    },
    land: {
      type: 'enum',
      values: ['BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH'],
      description: { en: 'the Land of the court\'s seat, for its public holidays', ru: 'земля, где находится суд (для её праздничных дней)' },
    },
    courtSeat: {
      type: 'enum',
      values: BAVARIAN_COURT_SEATS,
      description: {
        en: 'the municipality of the court\'s seat in Bavaria, for its own holidays (Assumption Day, Augsburg\'s Peace Festival)',
        ru: 'город, где находится суд в Баварии (для местных праздников: Успение, Аугсбургский праздник мира)',
      },
    },
  },
  // BGB 193 looks at the holidays of the place where the act is done: the court's seat.
  courtDaysOff: [
    ...ASSUMPTION_DAY_SEATS.map((seat) => ({
      days: '08-15',
      name: { en: `Assumption Day (Mariä Himmelfahrt) in ${seat}`, ru: `Успение Богородицы в г. ${seat}` },
      source: BAVARIAN_HOLIDAYS_ACT,
      when: inBavarianSeat(seat),
    })),
    {
      days: '08-08',
      name: { en: 'Augsburg Peace Festival (Augsburger Friedensfest)', ru: 'Аугсбургский праздник мира' },
      source: { en: 'Bavarian Public Holidays Act (FTG) art. 1(2): a holiday in the city of Augsburg', ru: 'Закон Баварии о праздниках (FTG), ст. 1(2): праздник в г. Аугсбург' },
      when: inBavarianSeat('Augsburg'),
    },
  ],
  changelog: [
    packFirstVersioned({
      change: {
        en: 'Holidays of the court’s seat in Bavaria (Assumption Day, Augsburg Peace Festival) through the courtSeat fact.',
        ru: 'Праздники места нахождения суда в Баварии (Успение, Аугсбургский праздник мира) через факт courtSeat.',
      },
      authority: { en: 'BGB 193; Bavarian Public Holidays Act (FTG) art. 1', ru: 'BGB 193; Закон Баварии о праздниках (FTG), ст. 1' },
    }),
  ],
  rules: [
    {
      id: 'de-decision-information',
      kind: 'decision-due',
      title: { en: 'Six months without a decision: the BAMF must say when it will decide', ru: 'Шесть месяцев без решения: BAMF обязан сообщить срок решения' },
      triggers: [{ event: 'application-lodged' }],
      owner: 'authority',
      period: { amount: 6, unit: 'months' },
      counting: BGB_COUNTING,
      basis: 'statutory',
      citation: { en: 'AsylG 24(4); Directive 2013/32/EU art. 31(3)', ru: 'AsylG 24(4); Директива 2013/32/EU, ст. 31(3)' },
      effectiveFrom: '2015-10-24',
      confidence: 'medium',
      notes: [
        {
          en: 'Not a deadline for the decision itself: after six months the applicant may ask when the decision is expected (extendable up to 21 months under the Directive).',
          ru: 'Это не срок самого решения: через шесть месяцев заявитель может спросить, когда ожидается решение (по Директиве продлевается до 21 месяца).',
        },
      ],
      satisfiedBy: ['decision-served', 'protection-granted'],
      supersededBy: [],
      informational: true,
    },
    {
      id: 'de-lawsuit',
      kind: 'appeal',
      title: { en: 'Lawsuit against the BAMF decision', ru: 'Иск против решения BAMF' },
      triggers: [{ event: 'decision-served' }],
      when: REGULAR,
      owner: 'applicant',
      period: { amount: 2, unit: 'weeks' },
      counting: BGB_COUNTING,
      basis: 'statutory',
      citation: { en: 'AsylG 74(1); BGB 187, 188, 193 (via VwGO 57(2), ZPO 222)', ru: 'AsylG 74(1); BGB 187, 188, 193 (через VwGO 57(2), ZPO 222)' },
      effectiveFrom: ASYLG_IN_FORCE,
      confidence: 'high',
      satisfiedBy: ['complaint-filed'],
      supersededBy: [],
    },
    {
      id: 'de-lawsuit-accelerated',
      kind: 'appeal',
      title: { en: 'Lawsuit against the BAMF decision (accelerated)', ru: 'Иск против решения BAMF (ускоренный порядок)' },
      triggers: [{ event: 'decision-served' }],
      when: ACCELERATED,
      owner: 'applicant',
      period: { amount: 1, unit: 'weeks' },
      counting: BGB_COUNTING,
      basis: 'statutory',
      citation: { en: 'AsylG 74(1) second half, 36(3); BGB 187, 188, 193', ru: 'AsylG 74(1), вторая половина, 36(3); BGB 187, 188, 193' },
      effectiveFrom: ASYLG_IN_FORCE,
      confidence: 'high',
      notes: [
        {
          en: 'The urgent application for suspensive effect (AsylG 36(3)) has the same one-week period.',
          ru: 'Срочное ходатайство о приостанавливающем действии (AsylG 36(3)) подаётся в тот же недельный срок.',
        },
      ],
      satisfiedBy: ['complaint-filed'],
      supersededBy: [],
    },
    {
      id: 'de-departure',
      kind: 'departure',
      title: { en: 'Departure period', ru: 'Срок для выезда' },
      triggers: [{ event: 'decision-served' }],
      when: REGULAR,
      owner: 'applicant',
      period: { amount: 30, unit: 'days' },
      counting: BGB_COUNTING,
      basis: 'statutory',
      citation: { en: 'AsylG 38(1); VwVfG 31', ru: 'AsylG 38(1); VwVfG 31' },
      effectiveFrom: ASYLG_IN_FORCE,
      confidence: 'medium',
      notes: [
        {
          en: 'If a lawsuit is filed, the departure period ends 30 days after the asylum procedure is finally concluded instead.',
          ru: 'Если подан иск, срок для выезда истекает через 30 дней после окончательного завершения процедуры.',
        },
      ],
      satisfiedBy: [],
      supersededBy: ['complaint-filed'],
    },
    {
      id: 'de-departure-accelerated',
      kind: 'departure',
      title: { en: 'Departure period (accelerated)', ru: 'Срок для выезда (ускоренный порядок)' },
      triggers: [{ event: 'decision-served' }],
      when: ACCELERATED,
      owner: 'applicant',
      period: { amount: 1, unit: 'weeks' },
      counting: BGB_COUNTING,
      basis: 'statutory',
      citation: { en: 'AsylG 36(1); VwVfG 31', ru: 'AsylG 36(1); VwVfG 31' },
      effectiveFrom: ASYLG_IN_FORCE,
      confidence: 'medium',
      notes: [
        {
          en: 'A lawsuit alone does not stop this period; only a successful urgent application does.',
          ru: 'Сам по себе иск этот срок не останавливает; его останавливает только удовлетворённое срочное ходатайство.',
        },
      ],
      satisfiedBy: [],
      supersededBy: [],
      // A successful urgent application (suspensive effect) is recorded as a stay and stops this clock.
      stopsForRequestSuspensions: true,
    },
    {
      id: 'de-departure-after-lawsuit',
      kind: 'departure',
      title: { en: 'Departure period after the lawsuit failed', ru: 'Срок для выезда после отклонения иска' },
      triggers: [{ event: 'final-refusal-notice-received' }],
      owner: 'applicant',
      period: { amount: 30, unit: 'days' },
      counting: BGB_COUNTING,
      basis: 'statutory',
      citation: { en: 'AsylG 38(1) second sentence', ru: 'AsylG 38(1), второе предложение' },
      effectiveFrom: ASYLG_IN_FORCE,
      confidence: 'medium',
      notes: [
        {
          en: 'Counted from the day the procedure is finally concluded; the date the final judgment was received is used.',
          ru: 'Отсчитывается со дня окончательного завершения процедуры; используется дата получения окончательного решения суда.',
        },
      ],
      satisfiedBy: [],
      supersededBy: [],
    },
  ],
};
