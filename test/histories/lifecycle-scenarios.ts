import type { CaseRun } from '../workflows/scenarios';

/**
 * Cases that only the lifecycle tables made possible, recorded for the replay test: a German case
 * through its lawsuit, and a Russian one with a voided entry, a stay, a waiver, a link and a corrected fact.
 * Pseudonyms and case numbers are invented.
 */
export const GERMAN_CASE_START_UTC = '2017-01-23 07:00:00';

export const GERMAN_CASE_OPEN = {
  jurisdiction: 'DE',
  procedure: 'asylum',
  office: 'berlin-1',
  applicant: { pseudonym: 'Applicant-D', nationality: 'AFG', languages: ['fa'] },
};

export async function germanLawsuit(run: CaseRun): Promise<void> {
  await run.advanceTo('2017-01-23T10:00');
  await run.command('recordEvent', { event: 'decision-served', on: '2017-01-23', facts: { manifestlyUnfounded: true, land: 'BE' } });
  await run.advanceTo('2017-01-27T10:00');
  await run.command('recordEvent', { event: 'complaint-filed', on: '2017-01-27' });
  await run.command('recordStay', { from: '2017-01-27', to: '2017-03-31', reason: 'suspensive effect ordered' });
  await run.advanceTo('2017-03-24T10:00');
  await run.command('recordEvent', { event: 'final-refusal-notice-received', on: '2017-03-24', facts: { land: 'BE' } });
  await run.advanceTo('2017-04-20T10:00');
  await run.command('closeCase', { reason: 'left-country', closedOn: '2017-04-20' });
}

export async function russianRecordMended(run: CaseRun): Promise<void> {
  await run.advanceTo('2015-11-02T10:00');
  await run.command('recordEvent', { event: 'application-lodged', on: '2015-11-02' });
  await run.advanceTo('2015-11-20T10:00');
  await run.command('recordEvent', { event: 'refusal-notice-received', on: '2015-11-20' });
  await run.command('voidEvent', { eventId: 3, reason: 'the notice belonged to another case' });
  await run.advanceTo('2015-11-27T14:00');
  await run.command('recordEvent', { event: 'refusal-notice-received', on: '2015-11-27', facts: { decidedOn: '2015-11-24' } });
  await run.command('correctFact', { eventId: 5, fact: 'decidedOn', value: '2015-11-23', reason: 'date on the decision itself' });
  await run.command('linkCase', { caseNumber: 'RU-RS-2014-0009', relation: 'parallel-procedure' });
  await run.advanceTo('2015-12-10T10:00');
  await run.command('recordEvent', { event: 'complaint-filed', on: '2015-12-10', facts: { forum: 'administrative' } });
  await run.advanceTo('2016-01-15T10:00');
  await run.command('recordEvent', { event: 'final-refusal-notice-received', on: '2016-01-15' });
  await run.command('recordStay', { from: '2016-01-15', to: '2016-01-31', reason: 'interim measure of the court' });
  await run.advanceTo('2016-03-01T10:00');
}
