import { caseIndexValues, caseSummary, caseView } from '../../src/domain';
import { at, happened, opened } from './fixtures';

describe('a case whose protection ran out before the workflow lapsed it', () => {
  // Granted on 26.05.2016 for one year: protected until 26.05.2017, the period ending at 24:00 Moscow
  // time that day (21:00 UTC). The grant is recorded on 01.06.2017, after that end, so the workflow
  // escalates the expiry (and lapses the case) only after the late-entry grace; until then the state's
  // stage is still "granted".
  const recordedLate = () => happened(happened(opened(), 'application-lodged', '2016-01-28'), 'protection-granted', '2016-05-26', { nowMs: at('2017-06-01T10:00') });

  it('reads as lapsed with no "protected until", agreeing with its missed expiry', () => {
    const state = recordedLate();
    expect(state.stage).toBe('granted');
    const view = caseView(state, at('2017-06-01T10:00'));
    expect(view.deadlines.find((deadline) => deadline.deadline.kind === 'protection-expiry')).toMatchObject({ status: 'missed', since: '2017-05-26T21:00:00.000Z' });
    expect(view.stage).toBe('lapsed');
    expect(view.protectedUntil).toBeUndefined();
  });

  it('still reads as granted, protected until 26.05.2017, at 23:59 Moscow time on the last day', () => {
    const summary = caseSummary(recordedLate(), at('2017-05-26T23:59'));
    expect(summary).toMatchObject({ stage: 'granted', protectedUntil: '2017-05-26' });
  });
});

describe('the index of a case whose protection ran out before the workflow lapsed it', () => {
  const recordedLate = () => happened(happened(opened(), 'application-lodged', '2016-01-28'), 'protection-granted', '2016-05-26', { nowMs: at('2017-06-01T10:00') });

  it('is lapsed with no "protected until", as the case page reads it, so a list of granted cases leaves it out', () => {
    expect(caseIndexValues(recordedLate(), at('2017-06-01T10:00'))).toMatchObject({ caseStage: 'lapsed', protectedUntil: null });
  });

  it('is granted until 24:00 Moscow time on 26.05.2017 (21:00 UTC), the end of the one-year period', () => {
    expect(caseIndexValues(recordedLate(), at('2017-05-26T23:59'))).toMatchObject({ caseStage: 'granted', protectedUntil: '2017-05-26T21:00:00.000Z' });
  });

  it('keeps the stored stage for runs recorded before the index read the lapse', () => {
    expect(caseIndexValues(recordedLate(), at('2017-06-01T10:00'), { readsLapse: false })).toMatchObject({ caseStage: 'granted', protectedUntil: '2017-05-26T21:00:00.000Z' });
  });
});
