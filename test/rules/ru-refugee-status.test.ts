import { computeDeadlines } from '../../src/rules';
import { REFUGEE, deadlineOf } from './support';

describe('RU refugee status: preliminary consideration (5 working days, Law art. 4 p. 5)', () => {
  it.each([
    ['an ordinary week', '2016-03-14', '2016-03-21'],
    ['across the New Year holidays', '2015-12-30', '2016-01-14'],
    ['across Victory Day and the May transfers of 2016', '2016-04-29', '2016-05-11'],
    ['counting the working Saturday of 2018-04-28 and skipping 30 April to 2 May', '2018-04-26', '2018-05-07'],
  ])('%s: petition %s, due %s', (_label, trigger, due) => {
    const preliminary = deadlineOf({ ...REFUGEE, event: 'application-lodged', date: trigger }, 'preliminary-consideration');
    expect(preliminary).toMatchObject({ owner: 'authority', dueDate: due, satisfiedBy: ['certificate-issued', 'refusal-notice-received'] });
  });

  it('notes that a repeated petition is a gate, not a waiting period', () => {
    const preliminary = deadlineOf({ ...REFUGEE, event: 'application-lodged', date: '2016-03-14' }, 'preliminary-consideration');
    expect(preliminary.explanation.steps.some((step) => step.kind === 'note' && step.en.includes('a gate, not a waiting period'))).toBe(true);
  });
});

describe('RU refugee status: certificate of consideration on the merits (3 months)', () => {
  it('expires 3 months after issue and is not moved off a holiday', () => {
    const expiry = deadlineOf({ ...REFUGEE, event: 'certificate-issued', date: '2016-03-12' }, 'certificate-expiry');
    expect(expiry).toMatchObject({ dueDate: '2016-06-12', confidence: 'medium-high', owner: 'authority', supersededBy: ['certificate-issued'] });
  });

  it('takes an extended end date from the certificate', () => {
    expect(deadlineOf({ ...REFUGEE, event: 'certificate-issued', date: '2016-03-12', facts: { validUntil: '2016-09-12' } }, 'certificate-expiry').dueDate).toBe(
      '2016-09-12',
    );
  });

  it.each([
    ['issued before the suspension: the days left on 15.03.2020 run after 15.06.2021', '2020-02-01', '2020-05-01', '2021-08-02'],
    ['issued during the suspension: the whole period runs after it', '2020-06-01', '2020-09-01', '2021-09-15'],
    ['issued before and expiring on the first suspended day: one day is left', '2019-12-15', '2020-03-15', '2021-06-16'],
  ])('stops the clock for the 2020-2021 suspension when %s', (_label, issued, rawEnd, due) => {
    const expiry = deadlineOf({ ...REFUGEE, event: 'certificate-issued', date: issued }, 'certificate-expiry');
    expect(expiry.explanation.rawEndDate).toBe(rawEnd);
    expect(expiry.dueDate).toBe(due);
    expect(expiry.confidence).toBe('medium');
    expect(expiry.explanation.steps.find((step) => step.kind === 'suspension')?.en).toContain('Presidential Decree No. 274 of 18.04.2020');
  });

  it.each([
    ['expiring the day before the suspension', '2019-12-14', '2020-03-14'],
    ['issued after the suspension', '2021-07-01', '2021-10-01'],
  ])('leaves a certificate alone when %s', (_label, issued, due) => {
    const expiry = deadlineOf({ ...REFUGEE, event: 'certificate-issued', date: issued }, 'certificate-expiry');
    expect(expiry).toMatchObject({ dueDate: due, confidence: 'medium-high' });
    expect(expiry.explanation.steps.some((step) => step.kind === 'suspension')).toBe(false);
  });
});

describe('RU refugee status: refusals', () => {
  it('gives the complaint and the informational court period', () => {
    const deadlines = computeDeadlines({ ...REFUGEE, event: 'refusal-notice-received', date: '2016-01-26' });
    expect(deadlines.map((deadline) => [deadline.kind, deadline.dueDate, deadline.informational])).toEqual([
      ['complaint', '2016-02-26', false],
      ['court-challenge', '2016-04-26', true],
    ]);
  });

  it('gives departure with low confidence, as its source concerns temporary asylum', () => {
    const departure = deadlineOf({ ...REFUGEE, event: 'final-refusal-notice-received', date: '2016-02-19' }, 'departure');
    expect(departure).toMatchObject({ dueDate: '2016-02-25', confidence: 'low' });
  });

  it.each(['complaint-filed', 'protection-granted'])('starts no clock on %s', (event) => {
    expect(computeDeadlines({ ...REFUGEE, event, date: '2016-03-01' })).toEqual([]);
  });

  it('knows no yearly renewal: refugee status is not extended like temporary asylum', () => {
    expect(() => computeDeadlines({ ...REFUGEE, event: 'renewal-filed', date: '2016-03-01' })).toThrow(/unknown event "renewal-filed"/);
  });

  it('treats a loss or withdrawal of status as a refusal', () => {
    // 26 Jan 2016 + 1 month = 26 Feb 2016, a Friday and a working day.
    expect(deadlineOf({ ...REFUGEE, event: 'protection-withdrawal-notice-received', date: '2016-01-26' }, 'complaint').dueDate).toBe('2016-02-26');
  });

  it('gives the court challenge after the complaint was refused, beside the departure period (KAS art. 219 p. 1)', () => {
    // 19 Feb 2016 + 3 months = 19 May 2016, a Thursday and a working day; not for information only.
    const court = computeDeadlines({ ...REFUGEE, event: 'final-refusal-notice-received', date: '2016-02-19' }).find((deadline) => deadline.kind === 'court-challenge');
    expect(court).toMatchObject({ ruleId: 'ru-court-challenge-after-complaint-kas', dueDate: '2016-05-19', informational: false });
  });
});
