import { computeDeadlines, listEvents, listJurisdictions, listProcedures, renderExplanation, RulesError } from '../../src/rules';
import { TA, deadlineOf, warningText } from './support';

function errorOf(run: () => unknown): RulesError {
  try {
    run();
  } catch (error) {
    if (error instanceof RulesError) return error;
    throw error;
  }
  throw new Error('expected a RulesError');
}

describe('request validation', () => {
  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['an unknown jurisdiction', { jurisdiction: 'XX' }, 'unknown-jurisdiction', /unknown jurisdiction "XX"; known: RU, US, DE, UK/],
    ['an unknown procedure', { procedure: 'citizenship' }, 'unknown-procedure', /unknown procedure "citizenship" for RU; known: temporary-asylum, refugee-status/],
    ['an unknown event', { event: 'decision-served' }, 'unknown-event', /unknown event "decision-served" for RU\/temporary-asylum; known: application-lodged/],
    ['a date that does not exist', { date: '2016-02-30' }, 'invalid-request', /expected an existing date as YYYY-MM-DD, got "2016-02-30" \(at date\)/],
    ['a date in another format', { date: '26.01.2016' }, 'invalid-request', /at date/],
    ['a missing date', { date: undefined }, 'invalid-request', /at date/],
    ['an unknown fact', { facts: { validUntil: '2017-01-01' } }, 'unknown-fact', /fact "validUntil" is not used by event "refusal-notice-received"/],
    ['a parameter out of bounds', { params: { departureWorkingDays: 0 } }, 'invalid-request', /^parameter "departureWorkingDays" must be a whole number from 1 to 30 \(at params\.departureWorkingDays\)$/],
    ['a parameter name every object inherits', { params: { constructor: 1 } }, 'unknown-param', /unknown parameter "constructor" for RU\/temporary-asylum/],
    ['a suspension that ends before it starts', { suspensions: [{ from: '2016-02-02', to: '2016-02-01', reason: 'x' }] }, 'invalid-request', /at suspensions\.0\.to/],
  ])('refuses %s with a clear RulesError', (_label, change, code, message) => {
    const error = errorOf(() => computeDeadlines({ ...TA, event: 'refusal-notice-received', date: '2016-01-26', ...change } as never));
    expect(error.code).toBe(code);
    expect(error.isInputError).toBe(true);
    expect(error.message).toMatch(message);
  });

  // Issue 13 item 10: the activity logs the engine's refusals, so a refusal says what a value must be and never repeats it.
  it('refuses a parameter value without repeating what was given', () => {
    const error = errorOf(() => computeDeadlines({ ...TA, event: 'final-refusal-notice-received', date: '2016-01-26', params: { departureWorkingDays: 'Pseudonym-Orlov' } }));
    expect(error).toMatchObject({ code: 'invalid-request', path: 'params.departureWorkingDays' });
    expect(error.message).toBe('parameter "departureWorkingDays" must be a whole number from 1 to 30 (at params.departureWorkingDays)');
  });

  it('fails loudly when a computation needs a year outside the calendar', () => {
    const error = errorOf(() => computeDeadlines({ ...TA, event: 'refusal-notice-received', date: '2013-05-06' }));
    expect(error.code).toBe('outside-calendar');
    expect(error.message).toContain('allowCalendarFallback');
    expect(() => computeDeadlines({ ...TA, event: 'refusal-notice-received', date: '2027-12-10' })).toThrow(/2028-01-10 is outside/);
  });

  it('falls back to weekends and fixed holidays only when allowed, with a warning on the deadline and in its explanation', () => {
    const complaint = deadlineOf({ ...TA, event: 'refusal-notice-received', date: '2027-12-10', allowCalendarFallback: true }, 'complaint');
    expect(complaint.dueDate).toBe('2028-01-10');
    expect(warningText(complaint)).toContain('No calendar data for 2028');
    expect(warningText(complaint, 'ru')).toContain('Нет календаря на 2028 год');
    expect(complaint.explanation.warnings).toEqual(complaint.warnings);
    expect(complaint.explanation.calendarSource).toContain('2028: no data for 2028');
    expect(renderExplanation(complaint, 'ru')).toContain('Нет календаря на 2028 год');
  });

  it('accepts a lower-case jurisdiction and ignores keys it does not know, such as the activity\'s caseId', () => {
    const request = { jurisdiction: 'ru', procedure: 'temporary-asylum', event: 'refusal-notice-received', date: '2016-01-26', caseId: 'RU-TA-2016-0042' };
    expect(computeDeadlines(request).map((deadline) => deadline.dueDate)).toEqual(['2016-02-26', '2016-04-26']);
  });

  it('returns plain data that survives a JSON round trip (it is stored in workflow history)', () => {
    const deadlines = computeDeadlines({ ...TA, event: 'protection-granted', date: '2016-05-26' });
    expect(JSON.parse(JSON.stringify(deadlines))).toEqual(deadlines);
  });

  it('sorts deadlines by due date', () => {
    const deadlines = computeDeadlines({ ...TA, event: 'protection-granted', date: '2016-05-26' });
    expect(deadlines.map((deadline) => deadline.kind)).toEqual(['renewal-filing', 'protection-expiry']);
  });
});

describe('listings', () => {
  it('lists jurisdictions with zone, calendar coverage and procedures', () => {
    const ru = listJurisdictions().find((jurisdiction) => jurisdiction.code === 'RU');
    expect(ru).toMatchObject({
      zone: 'Europe/Moscow',
      calendar: { coverage: { from: 2014, to: 2027 } },
      procedures: ['temporary-asylum', 'refugee-status'],
    });
  });

  it('lists procedures with their parameters', () => {
    const ta = listProcedures('RU').find((procedure) => procedure.procedure === 'temporary-asylum');
    expect(ta?.params.map((param) => [param.name, param.default, param.status])).toEqual([
      ['departureWorkingDays', 3, 'unconfirmed'],
      ['redecisionMonths', 1, 'unconfirmed'],
      ['renewalLeadMonths', 1, 'policy'],
      ['renewalReminderFromMonths', 2, 'policy'],
    ]);
  });

  it('lists events with their facts and the deadlines they start', () => {
    const events = listEvents('RU', 'temporary-asylum');
    const grant = events.find((event) => event.event === 'protection-granted');
    expect(grant?.facts.map((fact) => fact.name)).toEqual(['validUntil']);
    expect(grant?.deadlines.map((deadline) => deadline.kind)).toEqual(['protection-expiry', 'renewal-filing']);
    expect(events.find((event) => event.event === 'complaint-filed')?.deadlines).toEqual([]);
  });

  it('refuses to list an unknown jurisdiction or procedure', () => {
    expect(() => listProcedures('XX')).toThrow(RulesError);
    expect(() => listEvents('RU', 'nothing')).toThrow(/unknown procedure "nothing"/);
  });
});

describe('rendered explanations', () => {
  const complaint = deadlineOf({ ...TA, event: 'refusal-notice-received', date: '2016-02-07' }, 'complaint');

  it('reads in English', () => {
    const text = renderExplanation(complaint, 'en');
    expect(text.split('\n')[0]).toBe('Complaint against the refusal — due Wed 9 Mar 2016, until 24:00 Europe/Moscow (2016-03-09T21:00:00.000Z)');
    expect(text).toContain('Law No. 4528-1 "On Refugees", art. 10 p. 3');
    expect(text).toContain('Mon 7 Mar 2016 is a transferred day off (Government Decree No. 1017 of 24.09.2015): the period moves to the next day, Tue 8 Mar 2016.');
    expect(text).toContain('End of the period before any move: Mon 7 Mar 2016');
    expect(text).toContain('Calendar: Russian production calendar 2016: Government Decree No. 1017 of 24.09.2015.');
  });

  it('reads in Russian', () => {
    const text = renderExplanation(complaint, 'ru');
    expect(text.split('\n')[0]).toBe('Жалоба на отказ — срок ср, 09.03.2016, до 24:00 Europe/Moscow (2016-03-09T21:00:00.000Z)');
    expect(text).toContain('Закон РФ от 19.02.1993 № 4528-1 «О беженцах», ст. 10 п. 3');
    expect(text).toContain('пн, 07.03.2016 — перенесённый выходной день (Постановление Правительства РФ от 24.09.2015 № 1017): срок переносится на следующий день, вт, 08.03.2016.');
    expect(text).toContain('Календарь: производственный календарь РФ 2016: Постановление Правительства РФ от 24.09.2015 № 1017.');
    expect(text).not.toMatch(/[A-Za-z]{4,} (day|period|month)/);
  });

  it('lists warnings last in the chosen language', () => {
    const expiry = deadlineOf({ ...TA, event: 'protection-granted', date: '2016-05-26' }, 'protection-expiry');
    expect(renderExplanation(expiry, 'ru').split('\n').slice(-2)).toEqual([
      'Предупреждения:',
      '  ! Дата окончания по свидетельству (validUntil) не указана: принят один год с этой даты, то же число и месяц (п. 12 Порядка); внесите дату из свидетельства.',
    ]);
  });
});
