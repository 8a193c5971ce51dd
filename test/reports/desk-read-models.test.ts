import type { CaseView, DeadlineView } from '../../src/domain';
import type { CaseReader } from '../../src/client/case-reader';
import type { CaseListItem } from '../../src/client/case-listing';
import { missedDeadlines } from '../../src/reports/deadline-report';
import { buildMyWork } from '../../src/reports/my-work';
import { nextDates } from '../../src/reports/next-dates';

const ZONE = 'Europe/Moscow';

/** A deadline as a case shows it; the times are 24:00 Moscow time (21:00 UTC) of the due date. */
function deadline(id: string, dueDate: string, status: 'open' | 'missed' | 'met', options: { informational?: boolean; kind?: string } = {}): DeadlineView {
  const endsAt = new Date(Date.parse(`${dueDate}T21:00:00.000Z`)).toISOString();
  return {
    id,
    sourceEventId: 2,
    knownSince: '2026-11-01T09:00:00.000Z',
    ...(status === 'missed' ? { status, since: endsAt } : status === 'met' ? { status, byEventId: 3, on: dueDate } : { status }),
    deadline: {
      kind: options.kind ?? id,
      title: { en: `${id} title`, ru: `${id} название` },
      owner: 'applicant',
      dueDate,
      endsAt,
      zone: ZONE,
      informational: options.informational ?? false,
    },
  } as unknown as DeadlineView;
}

function caseOf(caseNumber: string, deadlines: DeadlineView[], extra: Partial<CaseView> = {}): CaseView {
  return { caseNumber, stage: 'refused', office: 'msk-1', caseworker: 'cw-ru', deadlines, reminders: [], escalations: [], ...extra } as unknown as CaseView;
}

function readerOf(views: CaseView[]): CaseReader & { scanned: unknown[] } {
  const scanned: unknown[] = [];
  return {
    scanned,
    get: async (caseNumber: string) => views.find((view) => view.caseNumber === caseNumber)!,
    listing: {
      async *scan(filter: unknown) {
        scanned.push(filter);
        for (const view of views) yield { caseNumber: view.caseNumber } as CaseListItem;
      },
    },
  } as unknown as CaseReader & { scanned: unknown[] };
}

describe('the next dates a case shows', () => {
  it('gives an open informational period when nothing else runs, instead of no date at all', () => {
    const view = caseOf('RU-TA-2016-0042', [deadline('complaint', '2016-02-26', 'missed'), deadline('court-period', '2027-03-01', 'open', { informational: true })]);
    const dates = nextDates(view);
    expect(dates.forAction).toBeUndefined();
    expect(dates.forInformation?.id).toBe('court-period');
  });

  it('gives the earliest open deadline to act on beside it', () => {
    const view = caseOf('RU-TA-2016-0042', [
      deadline('late', '2027-05-01', 'open'),
      deadline('early', '2027-01-10', 'open'),
      deadline('done', '2026-12-20', 'met'),
      deadline('court-period', '2027-03-01', 'open', { informational: true }),
    ]);
    expect(nextDates(view).forAction?.id).toBe('early');
  });
});

describe('missed deadlines for the overview', () => {
  const now = new Date('2026-12-02T06:00:00.000Z');
  it('counts a deadline that ended years ago but was escalated within the lookback (a past entered late)', async () => {
    const missed = deadline('complaint', '2016-02-26', 'missed');
    const view = caseOf('RU-TA-2016-0042', [missed], {
      escalations: [{ id: 'complaint@2016-02-26', deadlineId: 'complaint', dueDate: '2016-02-26', reason: 'missed', at: '2026-12-01T10:00:00.000Z' }],
    });
    const found = await missedDeadlines(readerOf([view]), { since: async () => ['RU-TA-2016-0042'] }, {}, now, 90);
    expect(found.map((item) => [item.caseNumber, item.deadlineId, item.dueDate])).toEqual([['RU-TA-2016-0042', 'complaint', '2016-02-26']]);
  });

  it('still leaves out one that ended and was escalated before the lookback', async () => {
    const view = caseOf('RU-TA-2016-0042', [deadline('complaint', '2016-02-26', 'missed')], {
      escalations: [{ id: 'complaint@2016-02-26', deadlineId: 'complaint', dueDate: '2016-02-26', reason: 'missed', at: '2016-02-27T06:00:00.000Z' }],
    });
    expect(await missedDeadlines(readerOf([view]), { since: async () => ['RU-TA-2016-0042'] }, {}, now, 90)).toEqual([]);
  });
});

describe("a caseworker's My work", () => {
  // 09:00 in Moscow on Wednesday 2 December 2026.
  const now = new Date('2026-12-02T06:00:00.000Z');

  it('sorts deadlines into overdue, today and the next 7 days, counting days in the deadline’s zone', async () => {
    const view = caseOf('RU-TA-2016-0042', [
      deadline('complaint', '2016-02-26', 'missed'),
      deadline('today', '2026-12-02', 'open'),
      deadline('in-seven', '2026-12-09', 'open'),
      deadline('in-eight', '2026-12-10', 'open'),
      deadline('court-period', '2026-12-03', 'open', { informational: true }),
    ]);
    const reader = readerOf([view]);
    const work = await buildMyWork(reader, { caseworker: 'cw-ru', office: 'msk-1' }, now);
    expect(reader.scanned).toEqual([{ caseworker: 'cw-ru', office: 'msk-1' }]);
    expect(work.overdue.map((item) => item.dueDate)).toEqual(['2016-02-26']);
    expect(work.dueToday.map((item) => [item.dueDate, item.daysLeft])).toEqual([['2026-12-02', 0]]);
    // 9 December is 7 days after the 2nd; the 10th is 8, beyond the week. The informational period is not work.
    expect(work.dueThisWeek.map((item) => [item.dueDate, item.daysLeft])).toEqual([['2026-12-09', 7]]);
    expect(work.cases).toEqual([expect.objectContaining({ caseNumber: 'RU-TA-2016-0042', forAction: expect.objectContaining({ id: 'today' }) })]);
  });

  it('takes today from Moscow when UTC is still on the day before', async () => {
    // 22:30 UTC on 1 December is 01:30 on 2 December in Moscow.
    const view = caseOf('RU-TA-2016-0042', [deadline('today', '2026-12-02', 'open')]);
    const work = await buildMyWork(readerOf([view]), { caseworker: 'cw-ru' }, new Date('2026-12-01T22:30:00.000Z'));
    expect(work.dueToday.map((item) => item.daysLeft)).toEqual([0]);
  });

  it('lists protection ending within 60 days (31 January 2027 is the 60th day after 2 December 2026) and reminders not acknowledged', async () => {
    const ending = caseOf('RU-TA-2016-0042', [deadline('protection-expiry', '2027-01-31', 'open')], {
      stage: 'granted',
      protectedUntil: '2027-01-31',
      reminders: [
        { id: 'protection-expiry@2027-01-31-60d', deadlineId: 'protection-expiry', dueDate: '2027-01-31', daysBefore: 60, plannedFor: '2026-12-02T06:00:00.000Z', delivery: { channel: 'outbox', deliveredAt: '2026-12-02T06:00:05.000Z' } },
        { id: 'old', deadlineId: 'protection-expiry', dueDate: '2027-01-31', daysBefore: 90, plannedFor: '2026-11-02T06:00:00.000Z', delivery: { channel: 'outbox', deliveredAt: '2026-11-02T06:00:05.000Z' }, acknowledged: { by: 'cw-ru', at: '2026-11-02T07:00:00.000Z' } },
      ],
    } as Partial<CaseView>);
    const later = caseOf('RU-TA-2016-0043', [deadline('protection-expiry', '2027-02-01', 'open')], { stage: 'granted', protectedUntil: '2027-02-01' });
    const work = await buildMyWork(readerOf([ending, later]), { caseworker: 'cw-ru' }, now);
    expect(work.protectionEnding.map((item) => [item.caseNumber, item.daysLeft])).toEqual([['RU-TA-2016-0042', 60]]);
    expect(work.unacknowledgedReminders).toEqual([
      { caseNumber: 'RU-TA-2016-0042', reminderId: 'protection-expiry@2027-01-31-60d', title: { en: 'protection-expiry title', ru: 'protection-expiry название' }, dueDate: '2027-01-31', daysBefore: 60, sentOn: '2026-12-02' },
    ]);
  });
});
