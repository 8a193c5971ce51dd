import { RulesError, uncountableDateReason } from '../../src/rules';

/**
 * Issue 13 item 5: a case whose lodging date no calendar here can count from used to be accepted with no
 * deadline at all. The Russian production calendar covers 2014-2027 and the US federal holidays 2014-2030
 * (src/rules/calendars); past the last year the weekends-and-fixed-holidays fallback counts, flagged.
 */
describe('dates deadlines can be counted from', () => {
  it('are those from the first covered year of the jurisdiction’s calendar on, past its last year too', () => {
    expect(uncountableDateReason('RU', '2014-01-01')).toBeUndefined();
    expect(uncountableDateReason('RU', '2027-12-31')).toBeUndefined();
    expect(uncountableDateReason('RU', '2031-06-01')).toBeUndefined();
    expect(uncountableDateReason('ru', '2016-02-26')).toBeUndefined();
  });

  it('are not those before it: the reason names the calendar and the years it covers', () => {
    expect(uncountableDateReason('RU', '2013-12-31')).toBe(
      'no deadline can be counted from 2013-12-31: it lies before the years the calendar covers (Russian production calendar, 2014-2027)',
    );
    expect(uncountableDateReason('RU', '0000-01-01')).toBe(
      'no deadline can be counted from 0000-01-01: it lies before the years the calendar covers (Russian production calendar, 2014-2027)',
    );
    expect(uncountableDateReason('US', '1999-03-01')).toBe(
      'no deadline can be counted from 1999-03-01: it lies before the years the calendar covers (US federal holidays, 2014-2030)',
    );
  });

  it('refuse a jurisdiction the engine does not know, as every engine call does', () => {
    expect(() => uncountableDateReason('XX', '2016-01-01')).toThrow(RulesError);
  });
});
