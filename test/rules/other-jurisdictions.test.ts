import { computeDeadlines, RulesError } from '../../src/rules';
import { deadlineOf, warningText } from './support';

const US = { jurisdiction: 'US', procedure: 'asylum' } as const;
const DE = { jurisdiction: 'DE', procedure: 'asylum' } as const;
const UK = { jurisdiction: 'UK', procedure: 'asylum' } as const;

describe('US: appeal to the Board of Immigration Appeals (30 days, 8 CFR 1003.38)', () => {
  it.each([
    ['oral-decision', '2016-10-25', '2016-11-24', '2016-11-25', 'Thanksgiving rolls to Friday'],
    // Sunday 4 July 2021 rolls to Monday 5, where Independence Day is observed: as a holiday it would roll on to Tuesday 6;
    // whether an observed day is a "legal holiday" is unsettled, so the earlier Monday is the deadline.
    ['written-decision-mailed', '2021-06-04', '2021-07-04', '2021-07-05', 'a Sunday Independence Day, observed on Monday, read the safe way'],
    // Friday 31 December 2021 is New Year 2022 observed: a working day on the safe reading, so it is the deadline (else Monday 3 January).
    ['written-decision-mailed', '2021-12-01', '2021-12-31', '2021-12-31', 'New Year 2022 (a Saturday) observed on 31 December, read the safe way'],
    ['oral-decision', '2021-05-20', '2021-06-19', '2021-06-21', 'Juneteenth 2021 falls on a Saturday'],
    ['oral-decision', '2016-03-01', '2016-03-31', '2016-03-31', 'an ordinary Thursday'],
  ])('%s on %s: raw end %s, due %s (%s)', (event, trigger, rawEnd, due) => {
    const appeal = deadlineOf({ ...US, event, date: trigger }, 'appeal');
    expect(appeal.explanation.rawEndDate).toBe(rawEnd);
    expect(appeal.dueDate).toBe(due);
    expect(appeal.zone).toBe('America/New_York');
  });

  it('names the later reading when an observed holiday decides the date', () => {
    const appeal = deadlineOf({ ...US, event: 'written-decision-mailed', date: '2021-12-01' }, 'appeal');
    expect(warningText(appeal)).toContain('counting it as a working day gives Fri 31 Dec 2021, as a holiday Mon 3 Jan 2022');
    expect(warningText(appeal, 'ru')).toContain('Ориентироваться следует на более раннюю дату');
    // The explanation still ends with the calendar data it relied on; the warning comes just before it.
    expect(appeal.explanation.steps.map((step) => step.kind).slice(-2)).toEqual(['warning', 'calendar']);
    // Where no observed day is met, there is one reading and no warning about it.
    expect(warningText(deadlineOf({ ...US, event: 'oral-decision', date: '2016-03-01' }, 'appeal'))).not.toContain('unsettled');
  });

  it('ends at midnight Eastern time, daylight saving included', () => {
    expect(deadlineOf({ ...US, event: 'oral-decision', date: '2016-03-01' }, 'appeal').endsAt).toBe('2016-04-01T04:00:00.000Z');
    expect(deadlineOf({ ...US, event: 'oral-decision', date: '2016-11-01' }, 'appeal').endsAt).toBe('2016-12-02T05:00:00.000Z');
  });
});

describe('US: one-year asylum filing deadline (INA 208(a)(2)(B))', () => {
  it.each([
    ['2016-02-29', '2017-02-28'],
    ['2020-07-04', '2021-07-06'],
    ['2015-06-10', '2016-06-10'],
  ])('last arrival %s: file by %s', (arrival, due) => {
    expect(deadlineOf({ ...US, event: 'last-arrival', date: arrival }, 'filing-deadline')).toMatchObject({ dueDate: due, satisfiedBy: ['application-lodged'] });
  });
});

describe('US: work permit clock (8 CFR 208.7)', () => {
  it('opens filing on day 150 and allows a grant from day 180, without moving off holidays', () => {
    const deadlines = computeDeadlines({ ...US, event: 'application-lodged', date: '2016-01-01' });
    expect(deadlines.map((deadline) => [deadline.kind, deadline.dueDate, deadline.informational])).toEqual([
      ['work-permit-filing-opens', '2016-05-30', true],
      ['work-permit-earliest-grant', '2016-06-29', true],
    ]);
  });

  it('stops the clock for applicant-caused delays given in the request', () => {
    const deadlines = computeDeadlines({
      ...US,
      event: 'application-lodged',
      date: '2016-01-01',
      suspensions: [
        { from: '2016-02-01', to: '2016-02-10', reason: 'interview rescheduled at the applicant\'s request' },
        { from: '2016-02-05', to: '2016-02-12', reason: 'overlapping delay counted once' },
      ],
    });
    expect(deadlines.map((deadline) => deadline.dueDate)).toEqual(['2016-06-11', '2016-07-11']);
    expect(deadlines[0]?.explanation.steps.filter((step) => step.kind === 'suspension')).toHaveLength(2);
  });

  it('refuses suspensions for an event whose clocks never stop', () => {
    expect(() =>
      computeDeadlines({ ...US, event: 'oral-decision', date: '2016-01-01', suspensions: [{ from: '2016-01-05', to: '2016-01-06', reason: 'delay' }] }),
    ).toThrow(/suspensions do not apply to event "oral-decision"/);
  });
});

describe('Germany: lawsuit and departure after a BAMF decision (AsylG 74, 36, 38; BGB 187-193)', () => {
  it.each([
    ['2016-03-10', {}, 'appeal', 'de-lawsuit', '2016-03-24'],
    ['2016-03-11', {}, 'appeal', 'de-lawsuit', '2016-03-29'],
    ['2016-03-18', { manifestlyUnfounded: true }, 'appeal', 'de-lawsuit-accelerated', '2016-03-29'],
    ['2016-03-18', { inadmissible: true }, 'departure', 'de-departure-accelerated', '2016-03-29'],
    ['2016-09-03', {}, 'departure', 'de-departure', '2016-10-04'],
    ['2017-10-17', {}, 'appeal', 'de-lawsuit', '2017-11-01'],
  ])('served %s with %j: %s (%s) due %s', (served, facts, kind, ruleId, due) => {
    expect(deadlineOf({ ...DE, event: 'decision-served', date: served, facts }, kind)).toMatchObject({ ruleId, dueDate: due });
  });

  it('counts the Land holidays of the court\'s seat when the Land is given', () => {
    const request = { ...DE, event: 'decision-served', date: '2015-12-30', facts: { manifestlyUnfounded: true } };
    const federal = deadlineOf(request, 'appeal');
    expect(federal.dueDate).toBe('2016-01-06');
    expect(warningText(federal)).toContain('"land"');
    const bavaria = deadlineOf({ ...request, facts: { ...request.facts, land: 'BY' } }, 'appeal');
    expect(bavaria.dueDate).toBe('2016-01-07');
    expect(bavaria.warnings).toEqual([]);
    expect(bavaria.explanation.calendarSource).toContain('region: Bavaria');
  });

  it('ends at midnight Berlin time', () => {
    expect(deadlineOf({ ...DE, event: 'decision-served', date: '2016-03-10' }, 'appeal').endsAt).toBe('2016-03-24T23:00:00.000Z');
  });
});

describe('Germany: the holidays of the court’s seat (BGB 193; Bavarian FTG art. 1)', () => {
  const accelerated = (date: string, facts: Record<string, string | boolean>) =>
    deadlineOf({ ...DE, event: 'decision-served', date, facts: { manifestlyUnfounded: true, land: 'BY', ...facts } }, 'appeal');

  it.each([
    // One week from Tuesday 8 August 2023 ends on Tuesday 15 August, Assumption Day in Catholic Munich: Wednesday 16.
    ['2023-08-08', { courtSeat: 'München' }, '2023-08-15', '2023-08-16'],
    // Bayreuth is mostly Protestant: 15 August is a working day there.
    ['2023-08-08', { courtSeat: 'Bayreuth' }, '2023-08-15', '2023-08-15'],
    // Without the seat only Bavaria-wide holidays count, so the date is the earlier one.
    ['2023-08-08', {}, '2023-08-15', '2023-08-15'],
    // Tuesday 1 August: one week to Tuesday 8 August, Augsburg's Peace Festival: Wednesday 9.
    ['2023-08-01', { courtSeat: 'Augsburg' }, '2023-08-08', '2023-08-09'],
    ['2023-08-01', { courtSeat: 'München' }, '2023-08-08', '2023-08-08'],
  ])('served %s at %j: raw end %s, due %s', (served, facts, rawEnd, due) => {
    const appeal = accelerated(served, facts);
    expect(appeal.explanation.rawEndDate).toBe(rawEnd);
    expect(appeal.dueDate).toBe(due);
  });

  it('names the municipal holiday it applied', () => {
    const text = accelerated('2023-08-08', { courtSeat: 'München' }).explanation.steps.map((step) => step.en).join(' ');
    expect(text).toContain('Assumption Day (Mariä Himmelfahrt) in München');
    expect(text).toContain('FTG');
  });

  it('refuses a seat the data does not cover, rather than guessing its holidays', () => {
    expect(() => accelerated('2023-08-08', { courtSeat: 'Passau' })).toThrow(RulesError);
  });
});

describe('United Kingdom: appeal to the First-tier Tribunal (r. 19)', () => {
  it.each([
    // 27 Dec 2016 is the Christmas substitute bank holiday, 28-30 the Tribunal's closure, 31 Dec and 1 Jan a weekend,
    // 2 Jan 2017 the New Year substitute: the first working day is Tuesday 3 January.
    ['2016-12-13', {}, 'uk-ftt-appeal', '2016-12-27', '2017-01-03'],
    // 28-31 Dec 2023: closure and weekend; 1 Jan 2024 New Year's Day; Tuesday 2 January.
    ['2023-12-14', {}, 'uk-ftt-appeal', '2023-12-28', '2024-01-02'],
    // Received on 30 November: 28 days to 28 December, closed; the same Tuesday 2 January.
    ['2023-11-20', { outsideUk: true, receivedOn: '2023-11-30' }, 'uk-ftt-appeal-outside-uk', '2023-12-28', '2024-01-02'],
    // Had to leave first and left on 1 March 2016: 28 days to Tuesday 29 March, the day after Easter Monday.
    ['2016-02-10', { outsideUk: true, departedOn: '2016-03-01', receivedOn: '2016-02-15' }, 'uk-ftt-appeal-outside-uk', '2016-03-29', '2016-03-29'],
    ['2016-03-11', {}, 'uk-ftt-appeal', '2016-03-25', '2016-03-29'],
    ['2016-02-29', { outsideUk: true }, 'uk-ftt-appeal-outside-uk', '2016-03-28', '2016-03-29'],
    ['2022-09-05', {}, 'uk-ftt-appeal', '2022-09-19', '2022-09-20'],
  ])('sent %s with %j: %s, raw end %s, due %s', (sent, facts, ruleId, rawEnd, due) => {
    const appeal = deadlineOf({ ...UK, event: 'decision-sent', date: sent, facts }, 'appeal');
    expect(appeal).toMatchObject({ ruleId, dueDate: due });
    expect(appeal.explanation.rawEndDate).toBe(rawEnd);
  });

  it('counts from sending when the day of receipt is not known, the earliest it can be, and says so', () => {
    const appeal = deadlineOf({ ...UK, event: 'decision-sent', date: '2016-02-29', facts: { outsideUk: true } }, 'appeal');
    expect(appeal.dueDate).toBe('2016-03-29');
    expect(warningText(appeal)).toContain('the period runs from receipt (or departure)');
  });

  it('keeps the Tribunal closed 27-31 December in years the bank holiday table does not cover yet', () => {
    // 2029 is past the table: 27, 28 and 31 Dec closed, 29-30 a weekend, 1 Jan a fixed holiday; Wednesday 2 January 2030.
    const appeal = deadlineOf({ ...UK, event: 'decision-sent', date: '2029-12-13', allowCalendarFallback: true }, 'appeal');
    expect(appeal.explanation.rawEndDate).toBe('2029-12-27');
    expect(appeal.dueDate).toBe('2030-01-02');
    expect(warningText(appeal)).toContain('No calendar data for 2029: only weekends and fixed holidays were considered');
  });

  it('ends at midnight London time', () => {
    expect(deadlineOf({ ...UK, event: 'decision-sent', date: '2016-06-01' }, 'appeal').endsAt).toBe('2016-06-15T23:00:00.000Z');
  });

  it('refuses a fact of the wrong type', () => {
    expect(() => computeDeadlines({ ...UK, event: 'decision-sent', date: '2016-06-01', facts: { outsideUk: 'perhaps' } })).toThrow(RulesError);
  });
});
