import { computeDeadlines, RulesError } from '../../src/rules';
import { TA, deadlineOf, stepKinds, warningText } from './support';

describe('RU temporary asylum: complaint against a refusal (1 month, Law art. 10 p. 3)', () => {
  it('gives the founding case deadline: refusal received 26 Jan 2016, complaint by 26 Feb 2016 24:00 Moscow', () => {
    const complaint = deadlineOf({ ...TA, event: 'refusal-notice-received', date: '2016-01-26' }, 'complaint');
    expect(complaint).toMatchObject({
      ruleId: 'ru-complaint',
      dueDate: '2016-02-26',
      endsAt: '2016-02-26T21:00:00.000Z',
      zone: 'Europe/Moscow',
      owner: 'applicant',
      basis: 'statutory',
      confidence: 'high',
      informational: false,
      satisfiedBy: ['complaint-filed'],
      // A new application does not end the right to complain; a grant makes it moot.
      supersededBy: ['protection-granted'],
    });
    expect(complaint.explanation).toMatchObject({ trigger: { event: 'refusal-notice-received', date: '2016-01-26' }, rawEndDate: '2016-02-26' });
    expect(complaint.explanation.calendarSource).toContain('No. 1017 of 24.09.2015');
  });

  it.each([
    ['month end clamps in a leap year', '2016-01-31', '2016-02-29', '2016-02-29'],
    ['month end clamps to 28 Feb (a Saturday), then rolls to Monday', '2015-01-31', '2015-02-28', '2015-03-02'],
    ['month end clamps in a common year', '2017-01-31', '2017-02-28', '2017-02-28'],
    ['year boundary: ends in the New Year holidays and rolls past the weekend', '2015-12-08', '2016-01-08', '2016-01-11'],
    ['a holiday (Victory Day) rolls forward', '2016-04-09', '2016-05-09', '2016-05-10'],
    ['a transferred day off, then a holiday, roll forward', '2016-02-07', '2016-03-07', '2016-03-09'],
    ['a working Saturday does not roll', '2016-01-20', '2016-02-20', '2016-02-20'],
    ['a presidential non-working day does not extend the period', '2020-03-30', '2020-04-30', '2020-04-30'],
    ['holidays, then presidential days on a weekend, roll to Monday', '2021-10-04', '2021-11-04', '2021-11-08'],
    ['2025-03-10 is a working day (a public data set marks it off)', '2025-02-10', '2025-03-10', '2025-03-10'],
    ['2026-03-23 is a working day (a public data set marks it off)', '2026-02-23', '2026-03-23', '2026-03-23'],
    ['2026-11-23 is a working day (a public data set marks it off)', '2026-10-23', '2026-11-23', '2026-11-23'],
    ['2018-12-29 is a working Saturday', '2018-11-29', '2018-12-29', '2018-12-29'],
    ['a Sunday, the transferred 31 December and the New Year holidays roll into 2019', '2018-11-30', '2018-12-30', '2019-01-09'],
  ])('%s: refusal %s, raw end %s, due %s', (_label, trigger, rawEnd, due) => {
    const complaint = deadlineOf({ ...TA, event: 'refusal-notice-received', date: trigger }, 'complaint');
    expect(complaint.explanation.rawEndDate).toBe(rawEnd);
    expect(complaint.dueDate).toBe(due);
  });

  it('explains each roll-forward day with its reason', () => {
    const complaint = deadlineOf({ ...TA, event: 'refusal-notice-received', date: '2016-02-07' }, 'complaint');
    const rolls = complaint.explanation.steps.filter((step) => step.kind === 'roll-forward');
    expect(rolls.map((step) => step.date)).toEqual(['2016-03-08', '2016-03-09']);
    expect(rolls[0]?.en).toContain('transferred day off (Government Decree No. 1017 of 24.09.2015)');
    expect(rolls[0]?.ru).toContain('перенесённый выходной день');
    expect(rolls[1]?.en).toContain("International Women's Day");
  });

  it('says when a period ends on a presidential non-working day, in the steps and the warnings', () => {
    const complaint = deadlineOf({ ...TA, event: 'refusal-notice-received', date: '2020-03-30' }, 'complaint');
    expect(stepKinds(complaint)).toContain('presidential-day');
    expect(warningText(complaint)).toMatch(/presidential non-working day \(2020-04-30\); it is not extended/);
  });

  it('says that a working Saturday is not rolled', () => {
    const complaint = deadlineOf({ ...TA, event: 'refusal-notice-received', date: '2016-01-20' }, 'complaint');
    const step = complaint.explanation.steps.find((candidate) => candidate.kind === 'working-weekend');
    expect(step?.en).toMatch(/Sat 20 Feb 2016 is a weekend day made a working day .*no roll-forward/);
  });

  it('treats a renewal refusal as a refusal and a withdrawal as one with low confidence', () => {
    const renewal = deadlineOf({ ...TA, event: 'renewal-refusal-notice-received', date: '2017-05-02' }, 'complaint');
    expect(renewal).toMatchObject({ dueDate: '2017-06-02', confidence: 'high' });
    const withdrawal = deadlineOf({ ...TA, event: 'protection-withdrawal-notice-received', date: '2017-05-02' }, 'complaint');
    expect(withdrawal).toMatchObject({ dueDate: '2017-06-02', confidence: 'low' });
    expect(warningText(withdrawal)).toContain('Confidence in this rule is low');
    expect(deadlineOf({ ...TA, event: 'protection-withdrawal-notice-received', date: '2017-05-02' }, 'court-challenge').informational).toBe(true);
  });
});

describe('RU temporary asylum: court challenge (3 months, shown for information)', () => {
  it('gives 3 months under KAS art. 219 and says 1 month is the safe deadline', () => {
    const court = deadlineOf({ ...TA, event: 'refusal-notice-received', date: '2016-01-26' }, 'court-challenge');
    expect(court).toMatchObject({ ruleId: 'ru-court-challenge-kas', dueDate: '2016-04-26', informational: true });
    expect(court.explanation.steps.map((step) => step.en).join(' ')).toContain('1-month complaint period (Law art. 10 p. 3) is the safe deadline');
  });

  it.each([
    ['2015-09-14', 'ru-court-challenge-gpk', '2015-12-14', 'medium'],
    ['2015-09-15', 'ru-court-challenge-kas', '2015-12-15', 'high'],
  ])('applies the rule in force on the trigger date (%s → %s)', (trigger, ruleId, due, confidence) => {
    expect(deadlineOf({ ...TA, event: 'refusal-notice-received', date: trigger }, 'court-challenge')).toMatchObject({ ruleId, dueDate: due, confidence });
  });

  it('clamps to the end of a leap February', () => {
    expect(deadlineOf({ ...TA, event: 'refusal-notice-received', date: '2015-11-30' }, 'court-challenge').dueDate).toBe('2016-02-29');
  });
});

describe('RU temporary asylum: decision on the application (3 calendar months, Decree 274 p. 2)', () => {
  it.each([
    ['the fourth application of the founding case', '2016-01-28', '2016-04-28'],
    ['a month-end clamp into a leap February', '2015-11-30', '2016-02-29'],
    ['a raw end on Unity Day rolls forward', '2014-08-04', '2014-11-04', '2014-11-05'],
  ])('%s: lodged %s', (_label, trigger, rawEnd, due = rawEnd) => {
    const decision = deadlineOf({ ...TA, event: 'application-lodged', date: trigger }, 'decision-due');
    expect(decision).toMatchObject({ owner: 'authority', dueDate: due, satisfiedBy: ['protection-granted', 'refusal-notice-received'] });
    expect(decision.explanation.rawEndDate).toBe(rawEnd);
  });
});

describe('RU temporary asylum: departure after a final refusal (3 working days, a parameter)', () => {
  it('counts a working Saturday and skips the transferred day off and the holiday', () => {
    const departure = deadlineOf({ ...TA, event: 'final-refusal-notice-received', date: '2016-02-19' }, 'departure');
    expect(departure).toMatchObject({ dueDate: '2016-02-25', confidence: 'medium', satisfiedBy: [], supersededBy: ['application-lodged', 'complaint-filed'] });
    expect(departure.explanation.steps.filter((step) => step.kind === 'skip-non-working').map((step) => step.date)).toEqual(['2016-02-21', '2016-02-22', '2016-02-23']);
    expect(stepKinds(departure)).toContain('working-weekend');
  });

  it('skips the New Year holidays across the year boundary', () => {
    expect(deadlineOf({ ...TA, event: 'final-refusal-notice-received', date: '2016-12-30' }, 'departure').dueDate).toBe('2017-01-11');
  });

  it('counts presidential non-working days as working days and says so', () => {
    const departure = deadlineOf({ ...TA, event: 'final-refusal-notice-received', date: '2020-03-27' }, 'departure');
    expect(departure.dueDate).toBe('2020-04-01');
    expect(departure.explanation.steps.filter((step) => step.kind === 'presidential-day').map((step) => step.date)).toEqual(['2020-03-30', '2020-03-31', '2020-04-01']);
  });

  it('takes the number of working days from the departureWorkingDays parameter and shows it as unconfirmed', () => {
    const departure = deadlineOf({ ...TA, event: 'final-refusal-notice-received', date: '2016-02-19', params: { departureWorkingDays: 5 } }, 'departure');
    expect(departure.dueDate).toBe('2016-02-29');
    const parameter = departure.explanation.steps.find((step) => step.kind === 'parameter');
    expect(parameter?.en).toContain('departureWorkingDays = 5 (set in the request; unconfirmed in law');
  });
});

describe('RU temporary asylum: grant, expiry and renewal', () => {
  it('takes the end date from the certificate when given', () => {
    const expiry = deadlineOf({ ...TA, event: 'protection-granted', date: '2016-05-26', facts: { validUntil: '2017-05-25' } }, 'protection-expiry');
    expect(expiry).toMatchObject({ dueDate: '2017-05-25', owner: 'applicant', satisfiedBy: ['protection-extended'], warnings: [] });
  });

  it('assumes one year from the grant, same month and day, with a warning, when the certificate date is missing', () => {
    const expiry = deadlineOf({ ...TA, event: 'protection-granted', date: '2016-05-26' }, 'protection-expiry');
    expect(expiry.dueDate).toBe('2017-05-26');
    expect(warningText(expiry)).toContain("The certificate's end date (validUntil) was not given");
  });

  it('maps 29 February to 28 February of a common year', () => {
    expect(deadlineOf({ ...TA, event: 'protection-granted', date: '2016-02-29' }, 'protection-expiry').dueDate).toBe('2017-02-28');
  });

  it('does not move an expiry that falls on a holiday', () => {
    expect(deadlineOf({ ...TA, event: 'protection-granted', date: '2016-06-12', facts: { validUntil: '2017-06-12' } }, 'protection-expiry').dueDate).toBe('2017-06-12');
  });

  it('asks for the file-by date one month before expiry and reminds from two months before', () => {
    const renewal = deadlineOf({ ...TA, event: 'protection-granted', date: '2016-05-26' }, 'renewal-filing');
    expect(renewal).toMatchObject({ dueDate: '2017-04-26', basis: 'policy', confidence: 'unconfirmed', satisfiedBy: ['renewal-filed'] });
    expect(renewal.reminderOffsetsDays).toEqual([31, 21, 14, 7, 3, 1, 0]);
    expect(renewal.explanation.steps.map((step) => step.en).join(' ')).toContain('policy safety margin, not a legal deadline');
  });

  it('moves a file-by date on a non-working day back to the working day before', () => {
    const renewal = deadlineOf({ ...TA, event: 'protection-granted', date: '2016-05-26', params: { renewalLeadMonths: 2 } }, 'renewal-filing');
    expect(renewal.explanation.rawEndDate).toBe('2017-03-26');
    expect(renewal.dueDate).toBe('2017-03-24');
    expect(stepKinds(renewal)).toContain('roll-back');
  });

  it('makes the file-by date due at once when the lead time exceeds the time left', () => {
    const renewal = deadlineOf({ ...TA, event: 'protection-granted', date: '2016-05-26', facts: { validUntil: '2016-06-10' } }, 'renewal-filing');
    expect(renewal.dueDate).toBe('2016-05-26');
    expect(renewal.reminderOffsetsDays).toEqual([0]);
    expect(warningText(renewal)).toContain('act now');
  });

  it.each([
    ['the new end date', { validUntil: '2018-05-20', previousValidUntil: '2017-05-26' }, '2018-05-20', false],
    ['the previous end date plus one year', { previousValidUntil: '2017-05-26' }, '2018-05-26', true],
    ['the extension date plus one year', {}, '2018-05-10', true],
  ])('gives an extension the same deadlines, from %s', (_label, facts, expiry, warned) => {
    const deadlines = computeDeadlines({ ...TA, event: 'protection-extended', date: '2017-05-10', facts });
    expect(deadlines.map((deadline) => deadline.kind)).toEqual(['renewal-filing', 'protection-expiry']);
    const expiryDeadline = deadlines.find((deadline) => deadline.kind === 'protection-expiry');
    expect(expiryDeadline?.dueDate).toBe(expiry);
    expect((expiryDeadline?.warnings.length ?? 0) > 0).toBe(warned);
  });

  it('refuses a certificate end date before the grant', () => {
    expect(() => computeDeadlines({ ...TA, event: 'protection-granted', date: '2016-05-26', facts: { validUntil: '2016-05-01' } })).toThrow(
      /derived from fact "validUntil" \(2016-05-01\) is before the event date 2016-05-26/,
    );
  });

  it('warns, without extending, when the protection period overlaps the 2020-2021 certificate suspension', () => {
    const expiry = deadlineOf({ ...TA, event: 'protection-granted', date: '2020-01-15' }, 'protection-expiry');
    expect(expiry.dueDate).toBe('2021-01-15');
    expect(warningText(expiry)).toContain('Whether that suspension covers this period is unconfirmed; the date was not extended');
  });

  it.each(['complaint-filed', 'renewal-filed'])('starts no clock on %s', (event) => {
    expect(computeDeadlines({ ...TA, event, date: '2016-03-01' })).toEqual([]);
  });

  it('refuses to override a statutory period', () => {
    expect(() => computeDeadlines({ ...TA, event: 'refusal-notice-received', date: '2016-01-26', params: { complaintMonths: 2 } })).toThrow(RulesError);
  });
});

describe('RU temporary asylum: a refusal overturned on complaint or in court', () => {
  it('starts the authority\'s new decision clock on the date the ruling set, moved off a Sunday', () => {
    // decideBy 20 Mar 2016 is a Sunday: the authority's last day is Monday 21 Mar.
    const redecision = deadlineOf({ ...TA, event: 'refusal-overturned', date: '2016-03-01', facts: { decideBy: '2016-03-20' } }, 'decision-due');
    expect(redecision).toMatchObject({ ruleId: 'ru-redecision', owner: 'authority', dueDate: '2016-03-21' });
  });

  it('falls back to the unconfirmed default of one month, and says so', () => {
    // 1 Mar 2016 + 1 month = 1 Apr 2016, a Friday and a working day.
    const redecision = deadlineOf({ ...TA, event: 'refusal-overturned', date: '2016-03-01' }, 'decision-due');
    expect(redecision.dueDate).toBe('2016-04-01');
    expect(warningText(redecision)).toContain('decideBy');
  });
});
