import { createDeadlineEngine } from '../../src/rules/engine';
import { BUILT_IN_JURISDICTIONS } from '../../src/rules/jurisdictions';
import { withRuleDataFiles, type RuleDataFile } from '../../src/rules/rule-data-files';
import { RU_CALENDAR } from '../../src/rules/calendars/ru';

const CHANGE = {
  label: 'test-1',
  effectiveFrom: '2026-12-01',
  change: { en: 'a test change', ru: 'тестовое изменение' },
  authority: { en: 'the test suite', ru: 'набор тестов' },
};
const SOURCE = { en: 'Test calendar (invented)', ru: 'Тестовый календарь (вымышленный)' };
const REFUSED_1_DEC_2026 = { jurisdiction: 'RU', procedure: 'temporary-asylum', event: 'refusal-notice-received', date: '2026-12-01' };
const complaintOf = (files: RuleDataFile[]) =>
  createDeadlineEngine(withRuleDataFiles(BUILT_IN_JURISDICTIONS, files)).computeDeadlines(REFUSED_1_DEC_2026).find((deadline) => deadline.kind === 'complaint');
const shipped2027 = () => RU_CALENDAR.yearTable!.find((row) => row.year === 2027)!;

describe('rule data files over the shipped data', () => {
  it('takes a corrected year from a calendar that extends a shipped one, and names its own version', () => {
    // One month from 1 Dec 2026 ends on Fri 1 Jan 2027: the holidays run to the 8th, the 9th and 10th are a
    // weekend, so the complaint is due Mon 11 January; with the 11th made a day off, Tue 12 January.
    expect(complaintOf([])?.dueDate).toBe('2027-01-11');
    const corrected = { ...shipped2027(), source: SOURCE, daysOff: `${shipped2027().daysOff}, 01-11` };
    const complaint = complaintOf([{ file: 'calendars/ru-2027.yaml', kind: 'calendar', content: { extends: 'ru-production', yearTable: [corrected], changelog: [CHANGE] } }]);
    expect(complaint?.dueDate).toBe('2027-01-12');
    expect(complaint?.ruleData?.calendar).toMatchObject({ id: 'ru-production', label: 'test-1', effectiveFrom: '2026-12-01' });
  });

  it('adds a new year, so that a period into it is no longer counted with the fallback', () => {
    const grant = { jurisdiction: 'RU', procedure: 'temporary-asylum', event: 'protection-granted', date: '2027-06-01' };
    expect(() => createDeadlineEngine(BUILT_IN_JURISDICTIONS).computeDeadlines(grant)).toThrow(/2028/);
    const row2028 = { year: 2028, source: SOURCE, daysOff: '01-01..01-08, 02-23, 03-08, 05-01, 05-09, 06-12, 11-04' };
    const engine = createDeadlineEngine(withRuleDataFiles(BUILT_IN_JURISDICTIONS, [{ file: 'calendars/ru-2028.json', kind: 'calendar', content: { extends: 'ru-production', yearTable: [row2028], changelog: [CHANGE] } }]));
    // A year from 1 Jun 2027 is Thu 1 Jun 2028; the renewal a month before falls on Mon 1 May 2028, a holiday
    // in the invented row, and moves back to Fri 28 April.
    const renewal = engine.computeDeadlines(grant).find((deadline) => deadline.kind === 'renewal-filing');
    expect(renewal?.dueDate).toBe('2028-04-28');
    expect(renewal?.warnings.some((warning) => JSON.stringify(warning).includes('No calendar data'))).toBe(false);
  });

  it('refuses a file without a changelog entry, naming the file and the field', () => {
    expect(() => withRuleDataFiles(BUILT_IN_JURISDICTIONS, [{ file: 'calendars/ru-2028.yaml', kind: 'calendar', content: { extends: 'ru-production', yearTable: [{ year: 2028 }], changelog: [] } }])).toThrow(
      /calendars\/ru-2028\.yaml.*changelog.*what changed and on whose authority/s,
    );
  });

  it('refuses a calendar that extends no shipped calendar, naming the known ones', () => {
    expect(() => withRuleDataFiles(BUILT_IN_JURISDICTIONS, [{ file: 'calendars/x.yaml', kind: 'calendar', content: { extends: 'ru-prodution', yearTable: [{ year: 2028 }], changelog: [CHANGE] } }])).toThrow(
      /calendars\/x\.yaml: no shipped calendar has the id "ru-prodution"; known: .*ru-production/,
    );
  });

  it('refuses a malformed year row with the file and the field at fault', () => {
    const broken = { year: 2028, source: SOURCE, daysOff: '13-01' };
    expect(() => withRuleDataFiles(BUILT_IN_JURISDICTIONS, [{ file: 'calendars/ru-2028.yaml', kind: 'calendar', content: { extends: 'ru-production', yearTable: [broken], changelog: [CHANGE] } }])).toThrow(/^calendars\/ru-2028\.yaml: /);
  });

  it('refuses two files for the same pack', () => {
    const pack = BUILT_IN_JURISDICTIONS.find((definition) => definition.code === 'RU')!.packs[0] as { changelog: unknown[] };
    const content = { ...pack, changelog: [...pack.changelog, CHANGE] };
    expect(() =>
      withRuleDataFiles(BUILT_IN_JURISDICTIONS, [
        { file: 'packs/a.json', kind: 'pack', content },
        { file: 'packs/b.json', kind: 'pack', content },
      ]),
    ).toThrow(/packs\/b\.json: rule pack RU\/.* is already given by packs\/a\.json/);
  });
});
