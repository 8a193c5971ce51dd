import { computeDeadlines, renderExplanation } from '../../src/rules';
import { DE_CALENDAR } from '../../src/rules/calendars/de';
import { RU_CALENDAR } from '../../src/rules/calendars/ru';
import { UK_CALENDAR } from '../../src/rules/calendars/uk';
import { US_CALENDAR } from '../../src/rules/calendars/us';
import { loadCalendar } from '../../src/rules/calendar/load-calendar';
import { loadRulePack } from '../../src/rules/pack/load-pack';
import { DE_ASYLUM } from '../../src/rules/packs/de/asylum';
import { RU_REFUGEE_STATUS } from '../../src/rules/packs/ru/refugee-status';
import { RU_TEMPORARY_ASYLUM } from '../../src/rules/packs/ru/temporary-asylum';
import { UK_ASYLUM } from '../../src/rules/packs/uk/asylum';
import { US_ASYLUM } from '../../src/rules/packs/us/asylum';
import { ruleDataVersion } from '../../src/rules/rule-data-version';

/** Issue 15, part 1: every deadline says which rule data it was computed with. */
describe('rule data versions', () => {
  const packs = [RU_TEMPORARY_ASYLUM, RU_REFUGEE_STATUS, US_ASYLUM, DE_ASYLUM, UK_ASYLUM].map(loadRulePack);

  it('gives every shipped pack and calendar a changelog saying what changed and on whose authority', () => {
    for (const pack of packs) {
      expect([`${pack.jurisdiction}/${pack.procedure}`, pack.changelog.length > 0]).toEqual([`${pack.jurisdiction}/${pack.procedure}`, true]);
      for (const entry of pack.changelog) expect(entry.authority.en.length * entry.authority.ru.length * entry.change.en.length * entry.change.ru.length).toBeGreaterThan(0);
    }
    for (const calendar of [RU_CALENDAR, US_CALENDAR, DE_CALENDAR, UK_CALENDAR].map(loadCalendar)) {
      expect(calendar.version.label).not.toBe('unlabelled');
    }
  });

  it('names the latest entry and hashes the whole content, whatever the order of its keys', () => {
    const [pack] = packs;
    if (!pack) throw new Error('a pack');
    const version = ruleDataVersion('RU/temporary-asylum', pack);
    expect(version).toEqual({ id: 'RU/temporary-asylum', label: '2026.12-1', effectiveFrom: '2026-12-02', hash: expect.stringMatching(/^[0-9a-f]{12}$/) });
    const reordered = Object.fromEntries(Object.entries(pack).reverse()) as typeof pack;
    expect(ruleDataVersion('RU/temporary-asylum', reordered).hash).toBe(version.hash);
    // A rule changed without a changelog entry keeps the label but not the hash: the change still shows.
    const changed = { ...pack, rules: pack.rules.map((rule, index) => (index === 0 ? { ...rule, confidence: 'low' as const } : rule)) };
    const changedVersion = ruleDataVersion('RU/temporary-asylum', changed);
    expect(changedVersion.label).toBe(version.label);
    expect(changedVersion.hash).not.toBe(version.hash);
  });

  it('records the pack and calendar versions on each deadline and names them in the explanation', () => {
    const [complaint] = computeDeadlines({ jurisdiction: 'RU', procedure: 'temporary-asylum', event: 'refusal-notice-received', date: '2016-01-26' });
    if (!complaint) throw new Error('a deadline');
    const calendar = loadCalendar(RU_CALENDAR).version;
    expect(complaint.ruleData).toEqual({ pack: ruleDataVersion('RU/temporary-asylum', loadRulePack(RU_TEMPORARY_ASYLUM)), calendar });
    expect(renderExplanation(complaint, 'en')).toContain(`Rule data: pack RU/temporary-asylum 2026.12-1 #${complaint.ruleData?.pack.hash} (from 2026-12-02); calendar ${calendar.id} 2026.12-1 #${calendar.hash}`);
    expect(renderExplanation(complaint, 'ru')).toContain(`Данные правил: пакет RU/temporary-asylum 2026.12-1 #${complaint.ruleData?.pack.hash} (с 2026-12-02)`);
  });
});
