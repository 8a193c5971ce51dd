import { createDeadlineEngine, RulesError } from '../../src/rules';
import { RU_CALENDAR } from '../../src/rules/calendars/ru';
import { loadRulePack } from '../../src/rules/pack/load-pack';
import type { RulePackInput } from '../../src/rules/pack/schema';
import { RU_TEMPORARY_ASYLUM } from '../../src/rules/packs/ru/temporary-asylum';
import { TEST_RULE, type RuleInput } from './support';

function pack(rules: RuleInput[], extra: Partial<RulePackInput> = {}): RulePackInput {
  return {
    jurisdiction: 'RU',
    procedure: 'test',
    title: { en: 'Test pack', ru: 'Тестовый пакет' },
    events: [{ event: 'refusal-notice-received' }, { event: 'complaint-filed' }],
    rules,
    ...extra,
  };
}

function engineWith(rules: RuleInput[], extra: Partial<RulePackInput> = {}) {
  return createDeadlineEngine([{ code: 'RU', name: { en: 'Test', ru: 'Тест' }, zone: 'Europe/Moscow', calendar: RU_CALENDAR, packs: [pack(rules, extra)] }]);
}

function dueDate(rules: RuleInput[], date: string): string | undefined {
  return engineWith(rules).computeDeadlines({ jurisdiction: 'RU', procedure: 'test', event: 'refusal-notice-received', date })[0]?.dueDate;
}

describe('rule pack validation at load', () => {
  it('accepts the built-in packs', () => {
    expect(loadRulePack(RU_TEMPORARY_ASYLUM).rules.length).toBeGreaterThan(3);
  });

  it.each<[string, () => RulePackInput, RegExp]>([
    ['an unknown period unit', () => pack([{ ...TEST_RULE, period: { amount: 1, unit: 'fortnights' as 'weeks' } }]), /at rules\.0\.period\.unit/],
    ['a missing citation', () => pack([{ ...TEST_RULE, citation: undefined as unknown as RuleInput['citation'] }]), /at rules\.0\.citation/],
    ['a malformed effective date', () => pack([{ ...TEST_RULE, effectiveFrom: '2000-13-01' }]), /at rules\.0\.effectiveFrom/],
    ['a third of a month', () => pack([{ ...TEST_RULE, period: { amount: 1 / 3, unit: 'months' } }]), /half months.*at rules\.0\.period\.amount/],
    ['half a week', () => pack([{ ...TEST_RULE, period: { amount: 0.5, unit: 'weeks' } }]), /at rules\.0\.period\.amount/],
    ['an undeclared trigger', () => pack([{ ...TEST_RULE, triggers: [{ event: 'decision-served' }] }]), /trigger "decision-served" is not a declared event \(at rules\.0\.triggers\.0\.event\)/],
    ['an undeclared parameter', () => pack([{ ...TEST_RULE, period: { amount: { param: 'lead' }, unit: 'months' } }]), /parameter "lead" is not declared.*at rules\.0\.period\.amount\.param/],
    ['an event outside the vocabulary', () => pack([TEST_RULE], { events: [{ event: 'refusal-notice-received' }, { event: 'complaint-filed' }, { event: 'made-up' }] }), /at events\.2\.event/],
    ['a duplicate rule id', () => pack([TEST_RULE, { ...TEST_RULE, kind: 'other' }]), /rule id "test-rule" is used twice \(at rules\.1\.id\)/],
    [
      'two rules of one kind in force together',
      () => pack([{ ...TEST_RULE, effectiveTo: '2010-01-01' }, { ...TEST_RULE, id: 'test-rule-2', effectiveFrom: '2009-06-01' }]),
      /give a complaint for "refusal-notice-received" on overlapping dates \(at rules\.1\.effectiveFrom\)/,
    ],
    ['an undeclared suspension window', () => pack([{ ...TEST_RULE, suspensions: [{ window: 'nowhere', effect: 'stop-clock' }] }]), /at rules\.0\.suspensions\.0\.window/],
    ['a working-day period with a roll', () => pack([{ ...TEST_RULE, period: { amount: 3, unit: 'working-days' } }]), /at rules\.0\.counting\.roll/],
    [
      'a court day off that is no day of the year',
      () => pack([TEST_RULE], { courtDaysOff: [{ days: '12-27..13-01', name: { en: 'x', ru: 'x' }, source: { en: 'x', ru: 'x' } }] }),
      /at courtDaysOff\.0\.days/,
    ],
    [
      'a court day off selected by an undeclared fact',
      () => pack([TEST_RULE], { courtDaysOff: [{ days: '08-15', name: { en: 'x', ru: 'x' }, source: { en: 'x', ru: 'x' }, when: { allOf: [{ fact: 'courtSeat', equals: 'x' }] } }] }),
      /fact "courtSeat" is not declared in facts \(at courtDaysOff\.0\.when\.allOf\.0\.fact\)/,
    ],
    ['a parameter default outside its bounds', () => pack([TEST_RULE], { params: { lead: { default: 9, min: 0, max: 6, status: 'policy', description: { en: 'x', ru: 'x' } } } }), /at params\.lead/],
  ])('refuses %s, naming the path', (_label, build, message) => {
    const attempt = (): unknown => loadRulePack(build());
    expect(attempt).toThrow(RulesError);
    expect(attempt).toThrow(message);
  });

  it('refuses a pack listed under another jurisdiction', () => {
    expect(() =>
      createDeadlineEngine([{ code: 'DE', name: { en: 'x', ru: 'x' }, zone: 'Europe/Berlin', calendar: RU_CALENDAR, packs: [pack([TEST_RULE])] }]),
    ).toThrow(/listed under jurisdiction DE/);
  });

  it('refuses an unknown time zone', () => {
    expect(() => createDeadlineEngine([{ code: 'RU', name: { en: 'x', ru: 'x' }, zone: 'Mars/Olympus', calendar: RU_CALENDAR, packs: [pack([TEST_RULE])] }])).toThrow(
      /IANA time zone.*at jurisdictions\.0\.zone/,
    );
  });
});

describe('counting options as data', () => {
  it.each<[string, Partial<RuleInput>, string, string]>([
    ['calendar days from the day after', { period: { amount: 10, unit: 'days' } }, '2016-03-01', '2016-03-11'],
    ['calendar days from the trigger day itself', { period: { amount: 10, unit: 'days' }, counting: { start: 'trigger-day', roll: 'next-working-day' } }, '2016-03-01', '2016-03-10'],
    ['weeks keep the weekday', { period: { amount: 2, unit: 'weeks' } }, '2016-03-02', '2016-03-16'],
    ['half a month is 15 days', { period: { amount: 0.5, unit: 'months' } }, '2016-03-02', '2016-03-17'],
    ['a month and a half', { period: { amount: 1.5, unit: 'months' } }, '2016-03-02', '2016-04-18'],
    ['month ends overflow into the next month', { counting: { monthEnd: 'overflow', roll: 'none' } }, '2016-01-31', '2016-03-02'],
    ['years clamp 29 February', { period: { amount: 1, unit: 'years' }, counting: { roll: 'none' } }, '2016-02-29', '2017-02-28'],
    ['years overflow 29 February', { period: { amount: 1, unit: 'years' }, counting: { monthEnd: 'overflow', roll: 'none' } }, '2016-02-29', '2017-03-01'],
    ['no roll keeps a holiday', { counting: { roll: 'none' } }, '2016-04-09', '2016-05-09'],
    ['presidential days honoured when a rule says so', { counting: { roll: 'next-working-day', honoursPresidentialNonWorkingDays: true } }, '2020-03-30', '2020-05-12'],
  ])('%s', (_label, change, trigger, due) => {
    expect(dueDate([{ ...TEST_RULE, ...change }], trigger)).toBe(due);
  });

  it('applies only the rule in force on the trigger date', () => {
    const rules = [
      { ...TEST_RULE, id: 'old', effectiveTo: '2015-12-31', period: { amount: 2, unit: 'months' as const } },
      { ...TEST_RULE, id: 'new', effectiveFrom: '2016-01-01' },
    ];
    expect(dueDate(rules, '2015-12-31')).toBe('2016-02-29');
    expect(dueDate(rules, '2016-01-01')).toBe('2016-02-01');
    expect(dueDate(rules, '1999-12-31')).toBeUndefined();
  });
});
