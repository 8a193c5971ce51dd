import { officeDay } from '../../src/digest/office-day';

describe('office working days by the production calendar', () => {
  it('takes the date in the jurisdiction’s zone and follows the decree, not just the weekday', () => {
    // 2016: Saturday 20 February was a working day; Monday 22 and Tuesday 23 February were days off.
    expect(officeDay('RU', new Date('2016-02-19T22:30:00Z'))).toMatchObject({ date: '2016-02-20', zone: 'Europe/Moscow', kind: 'working-weekend', working: true });
    expect(officeDay('RU', new Date('2016-02-22T05:00:00Z'))).toMatchObject({ date: '2016-02-22', working: false });
    expect(officeDay('RU', new Date('2016-02-23T05:00:00Z'))).toMatchObject({ date: '2016-02-23', kind: 'holiday', working: false });
    expect(officeDay('RU', new Date('2016-02-24T05:00:00Z'))).toMatchObject({ kind: 'working', working: true, fallback: false });
    expect(officeDay('RU', new Date('2016-02-27T05:00:00Z'))).toMatchObject({ kind: 'weekend', working: false });
  });

  it('falls back to weekends and fixed holidays outside the calendar’s years, and says so', () => {
    expect(officeDay('RU', new Date('2040-01-02T09:00:00Z'))).toMatchObject({ working: false, fallback: true });
  });

  it('names the jurisdictions it knows when given another', () => {
    expect(() => officeDay('XX', new Date())).toThrow(/unknown jurisdiction "XX"; known: RU, /);
  });
});
