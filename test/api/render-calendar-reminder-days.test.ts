import { renderCalendar } from '../../src/api/calendar/render-calendar';
import { attachDeadlines, caseView, decideInput, nextStaleComputation, openCase, type CaseState } from '../../src/domain';
import { computeDeadlines } from '../../src/rules';

/** A refusal received on 26 Jan 2016, deadlines computed as the activity does, with the case's reminder policy. */
function refusedCase(nowMs: number): CaseState {
  let state = openCase({ caseNumber: 'RU-TA-2016-0043', jurisdiction: 'RU', procedure: 'temporary-asylum', office: 'msk-1', caseworker: 'cw-msk', actor: 'cw-msk' }, nowMs);
  for (const [event, on] of [['application-lodged', '2015-12-17'], ['refusal-notice-received', '2016-01-26']] as const) {
    const decision = decideInput(state, 'recordEvent', { actor: 'cw-msk', event, on }, nowMs);
    if (!decision.ok) throw new Error(decision.reason);
    state = decision.state;
    for (let stale = nextStaleComputation(state); stale; stale = nextStaleComputation(state)) {
      state = attachDeadlines(state, stale, computeDeadlines(stale.request, { offsetsDays: state.reminderPolicy.offsetsDays }), nowMs);
    }
  }
  return state;
}

describe('ICS alarms of reminders moved to working days', () => {
  it('rings on the working day the reminder goes out', () => {
    const nowMs = Date.parse('2016-01-26T12:00:00Z');
    const ics = renderCalendar({ name: 'office msk-1', cases: [caseView(refusedCase(nowMs), nowMs)], deskUrl: 'https://docket.example.org/desk' });
    const complaint = ics.split('BEGIN:VEVENT').find((event) => event.includes('SUMMARY:RU-TA-2016-0043: Complaint against the refusal'));
    // Due Fri 26 Feb 2016. 3 days before is Tue 23 Feb, a holiday; Mon 22 Feb is one too and Sun 21 Feb a weekend day, but
    // Sat 20 Feb 2016 was made a working day: the reminder rings there, 6 days before, at 09:00 (15 hours before that day ends).
    // The others fall on working days: 30 (Wed 27 Jan), 14 (Fri 12 Feb), 7 (Fri 19 Feb), 1 (Thu 25 Feb) and on the day.
    expect(complaint).toContain('DTSTART;VALUE=DATE:20160226');
    expect(complaint?.match(/TRIGGER[^\r\n]*/g)).toEqual([
      'TRIGGER;RELATED=START:-P29DT15H',
      'TRIGGER;RELATED=START:-P13DT15H',
      'TRIGGER;RELATED=START:-P6DT15H',
      'TRIGGER;RELATED=START:-P5DT15H',
      'TRIGGER;RELATED=START:-PT15H',
      'TRIGGER;RELATED=START:PT9H',
    ]);
  });
});
