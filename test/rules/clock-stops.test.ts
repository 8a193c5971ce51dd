import { clockStopsFor } from '../../src/rules/compute/clock-stops';
import { formatLocalDate } from '../../src/rules/local-date';
import type { RulePack } from '../../src/rules/pack/schema';

const CERTIFICATES: RulePack['suspensionWindows'][number] = {
  id: 'certificates-2020',
  from: '2020-03-15',
  to: '2021-06-15',
  reason: { en: 'certificates suspended', ru: 'свидетельства приостановлены' },
  citation: { en: 'Decree 274', ru: 'Указ 274' },
  confidence: 'medium',
};
const PACK: Pick<RulePack, 'suspensionWindows'> = {
  suspensionWindows: [
    CERTIFICATES,
    { id: 'unused', from: '2019-01-01', to: '2019-01-31', reason: { en: 'unused', ru: 'не нужен' }, citation: { en: 'x', ru: 'x' }, confidence: 'low' },
  ],
};
const DELAY = [{ from: '2016-02-01', to: '2016-02-10', reason: 'interview rescheduled' }];

describe('clockStopsFor: the windows that may stop a rule\'s clock', () => {
  it('takes the pack windows the rule names, with their effect, citation and confidence', () => {
    const stops = clockStopsFor({ suspensions: [{ window: 'certificates-2020', effect: 'warn' }], stopsForRequestSuspensions: false }, PACK, DELAY);
    expect(stops.map((stop) => ({ ...stop, from: formatLocalDate(stop.from), to: formatLocalDate(stop.to) }))).toEqual([
      { from: '2020-03-15', to: '2021-06-15', effect: 'warn', reason: CERTIFICATES.reason, citation: CERTIFICATES.citation, confidence: 'medium' },
    ]);
  });

  it('adds the case\'s own periods, quoted as given, only for a rule that stops for them', () => {
    const stopping = clockStopsFor({ suspensions: [], stopsForRequestSuspensions: true }, PACK, DELAY);
    expect(stopping.map((stop) => [formatLocalDate(stop.from), formatLocalDate(stop.to), stop.effect, stop.reason, stop.citation, stop.confidence])).toEqual([
      ['2016-02-01', '2016-02-10', 'stop-clock', { en: 'interview rescheduled', ru: 'interview rescheduled' }, undefined, undefined],
    ]);
    expect(clockStopsFor({ suspensions: [], stopsForRequestSuspensions: false }, PACK, DELAY)).toEqual([]);
  });
});
