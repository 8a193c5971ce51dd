import { renderCalendar } from '../../src/api/calendar/render-calendar';
import { attachDeadlines, caseView, decideInput, nextStaleComputation, openCase, type CaseState, type CommandName } from '../../src/domain';
import { computeDeadlines } from '../../src/rules';

/** A case brought to a stage by the domain and the rules engine, as the workflow would, at a fixed instant. */
function caseAt(nowIso: string, commands: Array<[CommandName, Record<string, unknown>]>): CaseState {
  const nowMs = Date.parse(nowIso);
  let state = openCase({ caseNumber: 'RU-TA-2016-0042', jurisdiction: 'RU', procedure: 'temporary-asylum', office: 'msk-1', caseworker: 'cw-msk', actor: 'cw-msk', applicant: { pseudonym: 'Applicant-7F3A' } }, nowMs);
  for (const [name, input] of commands) {
    const decision = decideInput(state, name, { actor: 'cw-msk', ...input }, nowMs);
    if (!decision.ok) throw new Error(decision.reason);
    state = decision.state;
    for (let stale = nextStaleComputation(state); stale; stale = nextStaleComputation(state)) {
      state = attachDeadlines(state, stale, computeDeadlines(stale.request), nowMs);
    }
  }
  return state;
}

function events(ics: string): string[] {
  return ics.split('BEGIN:VEVENT').slice(1);
}

describe('ICS rendering of a case’s deadlines', () => {
  // The founding case: a refusal notice received on 26 January 2016, seen on 1 February 2016.
  const now = '2016-02-01T09:00:00Z';
  const state = caseAt(now, [
    ['recordEvent', { event: 'application-lodged', on: '2015-12-17' }],
    ['recordEvent', { event: 'refusal-notice-received', on: '2016-01-26' }],
  ]);
  const ics = renderCalendar({ name: 'asylum-docket: office msk-1', cases: [caseView(state, Date.parse(now))], deskUrl: 'https://docket.example.org/desk' });

  it('puts the complaint deadline on its due date with an alarm for each reminder at 09:00 local', () => {
    const complaint = events(ics).find((event) => event.includes('SUMMARY:RU-TA-2016-0042: Complaint against the refusal'));
    expect(complaint).toContain('DTSTART;VALUE=DATE:20160226');
    expect(complaint?.match(/TRIGGER[^\r\n]*/g)).toEqual([
      'TRIGGER;RELATED=START:-P29DT15H',
      'TRIGGER;RELATED=START:-P13DT15H',
      'TRIGGER;RELATED=START:-P6DT15H',
      'TRIGGER;RELATED=START:-P2DT15H',
      'TRIGGER;RELATED=START:-PT15H',
      'TRIGGER;RELATED=START:PT9H',
    ]);
    expect(complaint).toMatch(/UID:RU-TA-2016-0042\/[^\r\n]+@asylum-docket/);
    expect(complaint).toContain('URL;VALUE=URI:https://docket.example.org/desk/cases/RU-TA-2016-0042');
  });

  it('shows the longer court period for information, without alarms, and leaves out what is no longer pending', () => {
    const court = events(ics).find((event) => event.includes('(for information)'));
    expect(court).toBeDefined();
    expect(court).not.toContain('BEGIN:VALARM');
    // The decision on the application was met by the refusal: it is history, not a calendar entry.
    expect(ics).not.toContain('Decision on the temporary asylum application\r\n');
    expect(events(ics)).toHaveLength(2);
  });

  it('carries the explanation in both languages and nothing about the applicant, whose pseudonym the case holds', () => {
    expect(state.applicant?.pseudonym).toBe('Applicant-7F3A');
    const unfolded = ics.replace(/\r\n[ \t]/g, '');
    expect(unfolded).toContain('How it was computed');
    expect(unfolded).toContain('Как рассчитано');
    expect(unfolded).not.toMatch(/pseudonym|Applicant-/);
  });
});
