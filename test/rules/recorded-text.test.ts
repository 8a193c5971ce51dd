import { readFileSync } from 'node:fs';
import path from 'node:path';
import { computeDeadlines } from '../../src/rules';
import { ComputedDeadlineSchema } from '../../src/rules/computed-deadline';
import { textIn } from '../../src/rules/localized-text';

/** The deadlines the computeDeadlines activity returned in a committed history, recorded when citations were English strings. */
function deadlinesRecordedIn(historyFile: string): unknown[] {
  const history = JSON.parse(readFileSync(path.join(__dirname, '../histories', historyFile), 'utf8')) as {
    events: Array<{ activityTaskCompletedEventAttributes?: { result?: { payloads?: Array<{ data?: string }> } } }>;
  };
  return history.events.flatMap((event) =>
    (event.activityTaskCompletedEventAttributes?.result?.payloads ?? []).flatMap((payload) => {
      const value: unknown = payload.data ? JSON.parse(Buffer.from(payload.data, 'base64').toString('utf8')) : null;
      return Array.isArray(value) && value.every((item) => typeof item === 'object' && item !== null && 'ruleId' in item) ? value : [];
    }),
  );
}

describe('textIn: a citation or warning in one language, as recorded', () => {
  it('gives the language asked for from both', () => {
    const citation = { en: 'Law No. 4528-1, art. 10 p. 3', ru: 'Закон № 4528-1, ст. 10 п. 3' };
    expect(textIn(citation, 'en')).toBe('Law No. 4528-1, art. 10 p. 3');
    expect(textIn(citation, 'ru')).toBe('Закон № 4528-1, ст. 10 п. 3');
  });

  it('gives a text recorded as a plain string, before texts carried both languages, as it is in either', () => {
    expect(textIn('Law No. 4528-1, art. 10 p. 3', 'en')).toBe('Law No. 4528-1, art. 10 p. 3');
    expect(textIn('Law No. 4528-1, art. 10 p. 3', 'ru')).toBe('Law No. 4528-1, art. 10 p. 3');
  });
});

describe('the citations and warnings of computed deadlines', () => {
  it('carry both languages', () => {
    const [complaint] = computeDeadlines({ jurisdiction: 'RU', procedure: 'temporary-asylum', event: 'refusal-notice-received', date: '2020-03-31' }).filter(
      (deadline) => deadline.kind === 'complaint',
    );
    const citation = {
      en: 'Law No. 4528-1 "On Refugees", art. 10 p. 3; MVD model refusal notice; UNHCR Russia guidance',
      ru: 'Закон РФ от 19.02.1993 № 4528-1 «О беженцах», ст. 10 п. 3; типовое уведомление МВД об отказе; разъяснения УВКБ ООН',
    };
    expect(complaint?.citation).toEqual(citation);
    expect(complaint?.explanation.citation).toEqual(citation);
    // 30 days from 31 March 2020 end on 30 April 2020, a presidential non-working day: said in both languages.
    expect(complaint?.warnings).toContainEqual({
      en: expect.stringContaining('presidential non-working day (2020-04-30)'),
      ru: expect.stringMatching(/[а-я]/),
    });
    expect(complaint?.explanation.warnings).toEqual(complaint?.warnings);
  });

  it('are still accepted as English strings in deadlines that running cases recorded before', () => {
    const recorded = deadlinesRecordedIn('founding-case-lapsed.run-1.json').map((deadline) => ComputedDeadlineSchema.parse(deadline));
    const expiry = recorded.find((deadline) => deadline.ruleId === 'ru-ta-expiry');
    expect(expiry?.citation).toEqual(expect.any(String));
    expect(textIn(expiry?.citation ?? '', 'ru')).toMatch(/^Government Decree No\. 274/);
    expect(expiry?.warnings.map((warning) => textIn(warning, 'ru'))).toEqual([
      "The certificate's end date (validUntil) was not given: assumed one year from this date, same month and day (Decree 274 p. 12); enter the date on the certificate.",
    ]);
    const complaint = recorded.find((deadline) => deadline.ruleId === 'ru-complaint');
    expect(complaint && textIn(complaint.explanation.citation, 'en')).toBe(
      'Law No. 4528-1 "On Refugees", art. 10 p. 3; MVD model refusal notice; UNHCR Russia guidance',
    );
  });
});
