import type { CaseView, DeadlineView } from '../../src/domain';
import { withExplanationText } from '../../src/api/routes/case-routes';
import { caseViewSchema } from '../../src/api/routes/case-schemas';
import { computeDeadlines } from '../../src/rules';

describe('the case view the API and the dashboard read', () => {
  // A refusal notice received on 26 January 2016: a month to complain (26 February 2016, a Friday) and,
  // for information, three months to go to court (26 April 2016, a Tuesday).
  const [complaint, court] = computeDeadlines({ jurisdiction: 'RU', procedure: 'temporary-asylum', event: 'refusal-notice-received', date: '2016-01-26' });
  const tracked = (id: string, status: DeadlineView['status'], deadline: typeof complaint): DeadlineView =>
    ({ id, sourceEventId: 3, knownSince: '2016-01-26T10:00:00.000Z', status, ...(status === 'met' ? { byEventId: 4, on: '2016-02-20' } : {}), deadline }) as DeadlineView;

  it('names the open informational court period that nextDeadline leaves out, once the complaint was filed', () => {
    const view = {
      caseNumber: 'RU-TA-2016-0042',
      stage: 'complaint-pending',
      events: [],
      deadlines: [tracked('3:complaint', 'met', complaint!), tracked('3:court-challenge', 'open', court!)],
      linkedCases: [],
      reminders: [],
      escalations: [],
    } as unknown as CaseView;
    const response = withExplanationText(view);
    expect(response.nextDeadline).toBeUndefined();
    expect(response.nextForInformation).toEqual({ id: '3:court-challenge', title: { en: 'Court challenge of the refusal', ru: court!.title.ru }, dueDate: '2016-04-26' });
    expect(caseViewSchema.shape.nextForInformation.parse(response.nextForInformation)).toEqual(response.nextForInformation);
  });

  it('has none when no informational period is open', () => {
    const view = { caseNumber: 'RU-TA-2016-0042', events: [], deadlines: [tracked('3:court-challenge', 'expired', court!)], reminders: [], escalations: [], linkedCases: [] } as unknown as CaseView;
    expect(withExplanationText(view).nextForInformation).toBeUndefined();
  });
});
